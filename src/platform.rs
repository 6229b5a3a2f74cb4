//! The few facts the app reads from the browser outside Leptos: where it is
//! served from (its base path, found at run time so one build works at `/` and
//! under any sub-path) and the start-up notice written by `boot.js`.

/// The path the app is served under, without a trailing slash: `""` at the
/// root of a host, `"/communs"` under a sub-path.
///
/// `boot.js` stores the folder it was loaded from in `<html data-base="…">`,
/// which is the app's root whatever page the browser opened first.
pub fn base_path() -> String {
    let from_dom =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("data-base"));
    normalise_base(from_dom.as_deref().unwrap_or("/"))
}

/// `"/communs/"` → `"/communs"`, `"/"` → `""`; anything that is not an
/// absolute path becomes `""`.
pub fn normalise_base(raw: &str) -> String {
    if !raw.starts_with('/') || raw.contains("//") {
        return String::new();
    }
    raw.trim_end_matches('/').to_string()
}

/// Removes the "Chargement…" notice that the static page shows until the app runs.
pub fn remove_startup_notice() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("demarrage")) {
        el.remove();
    }
}

/// The URL of a file shipped in `dist/` (icons, lesson files), from the app's root.
pub fn asset(path: &str) -> String {
    format!("{}/{}", base_path(), path.trim_start_matches('/'))
}

/// Sets the tab's title: the page's name then « · Communs ».
pub fn set_title(page: impl crate::i18n::Text) {
    set_dynamic_title(crate::i18n::t(page));
}

/// Sets the tab's title to « Communs » alone (the home page).
pub fn set_app_title() {
    use crate::i18n::{t, Msg};
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(t(Msg::AppName));
    }
}

/// Moves keyboard focus to `<main id="contenu">` (skip link, route changes).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("contenu"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Sets the tab's title to a text that is not in the catalogue (a lesson's title).
pub fn set_dynamic_title(title: &str) {
    use crate::i18n::{t, Msg};
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{title}{}", t(Msg::PageTitleSuffix)));
    }
}

/// Scrolls to the element with this id and gives it the keyboard focus
/// (headings get `tabindex="-1"` so they can hold it).
pub fn scroll_to_and_focus(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    el.scroll_into_view();
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Writes `#id` in the address bar without a navigation (so the link can be shared).
pub fn set_fragment(id: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{id}")));
        }
    }
}

/// Opens the browser's print dialog (the print stylesheet makes a clean handout).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The address of an app route for a link: the base path then the route
/// (`"/parcours"` → `"/communs/parcours"` under a sub-path). The router's
/// `<A>` keeps absolute paths as they are, so every in-app link goes through here.
pub fn href(route: &str) -> String {
    format!("{}{}", base_path(), route)
}

#[cfg(test)]
mod tests {
    use super::normalise_base;

    #[test]
    fn base_paths() {
        for (raw, want) in
            [("/", ""), ("/communs/", "/communs"), ("/a/b/", "/a/b"), ("", ""), ("communs/", ""), ("//evil.example/", "")]
        {
            assert_eq!(normalise_base(raw), want, "{raw:?}");
        }
    }
}
