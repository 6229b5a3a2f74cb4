//! Browser tests of the app (wasm-bindgen-test in headless Chromium): the
//! shell mounts, routes render, the router base is read from `data-base`.
//! Run by `cargo xtask test`; on the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

async fn mount_app() -> leptos::mount::UnmountHandle<impl Mountable> {
    let body = document().body().expect("body");
    let handle = leptos::mount::mount_to(body, communs::app::App);
    leptos::task::tick().await;
    handle
}

#[wasm_bindgen_test]
async fn shell_has_header_navigation_main_and_footer() {
    let _app = mount_app().await;
    let doc = document();
    let header = doc.query_selector("[data-testid=entete]").unwrap().expect("header");
    assert!(header.text_content().unwrap_or_default().contains("Communs"));
    let nav = doc.query_selector("nav[aria-label='Navigation principale']").unwrap().expect("nav");
    assert!(nav.query_selector_all("a").unwrap().length() >= 2);
    assert!(doc.query_selector("main#contenu").unwrap().is_some());
    assert!(doc.query_selector("[data-testid=pied]").unwrap().is_some());
    let skip = doc.query_selector("a.lien-evitement").unwrap().expect("skip link");
    assert_eq!(skip.text_content().unwrap_or_default(), "Aller au contenu");
}

#[wasm_bindgen_test]
async fn base_path_comes_from_the_boot_script() {
    let html = document().document_element().unwrap();
    html.set_attribute("data-base", "/communs/").unwrap();
    assert_eq!(communs::platform::base_path(), "/communs");
    assert_eq!(communs::platform::asset("icons/communs.svg"), "/communs/icons/communs.svg");
    html.set_attribute("data-base", "/").unwrap();
    assert_eq!(communs::platform::base_path(), "");
}

#[wasm_bindgen_test]
async fn title_follows_the_page() {
    communs::platform::set_title(communs::i18n::Msg::AboutTitle);
    assert_eq!(document().title(), "À propos de Communs · Communs");
    communs::platform::set_app_title();
    assert_eq!(document().title(), "Communs");
}
