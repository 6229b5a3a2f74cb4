//! Offers a text as a file to download: a Blob and an object URL clicked
//! through a temporary link. The file never leaves the browser (no request).

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// Offers `text` as the file `filename` (JSON). Returns false if the browser
/// refused (then nothing was downloaded).
pub fn download_json(filename: &str, text: &str) -> bool {
    try_download(filename, text).is_some()
}

fn try_download(filename: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(filename);
    link.set_class_name("sr-only");
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    link.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Some(())
}

/// Today as `aaaa-mm-jj` (local time), for file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// A date and time in French (« 23 novembre 2026 à 14:05 »).
pub fn french_date_time(timestamp_secs: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(timestamp_secs as f64 * 1000.0));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(d.to_locale_string("fr-FR", &options))
}
