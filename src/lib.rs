//! Communs, the app: a thin Leptos layer over the `communs-core` domain.
//!
//! Bird's-eye view: `start` mounts [`app::App`], which declares every route in
//! one place ([`app`]) and renders pages from [`pages`]. Every user-facing word
//! comes from the message catalogue ([`i18n`], the `communs-i18n` crate). The app reads the clock, the
//! URL and (later) storage, then hands plain values to `communs-core`.

pub mod activities;
pub mod app;
pub mod components;
pub mod content;
pub mod i18n;
pub mod pages;
pub mod platform;
pub mod storage;

/// Mounts the app into `<body>` and removes the start-up notice left by `boot.js`.
pub fn start() {
    platform::remove_startup_notice();
    leptos::mount::mount_to_body(app::App);
}
