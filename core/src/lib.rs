//! The domain of Communs, in plain Rust.
//!
//! This crate holds everything that is not the browser: the lesson model and
//! its compiler (Markdown → validated, sanitised lessons), activity scoring,
//! the competency frameworks and their mathematics, the storage schema with its
//! encoding and migrations, and the export formats.
//!
//! Architecture invariants: no IO (callers pass text in and get values and
//! diagnostics out, the app passes the current time in), no panic on bad
//! input, and no dependency on leptos, web-sys, js-sys, wasm-bindgen or gloo —
//! `cargo xtask test` checks the last one with `cargo tree`.

pub mod activity;
pub mod catalogue;
pub mod competency;
pub mod frameworks;
#[cfg(feature = "fs")]
pub mod fs;
pub mod lesson;
pub mod record;
pub mod response;
pub mod routes;
pub mod space;
pub mod storage;
pub mod text;
