//! The few facts the app reads from the browser outside Leptos: where it is
//! served from (its base path, found at run time so one build works at `/` and
//! under any sub-path) and the start-up notice written by `boot.js`.

/// The path the app is served under, without a trailing slash: `""` at the
/// root of a host, `"/communs"` under a sub-path.
///
/// `boot.js` stores the folder it was loaded from in `<html data-base="…">`,
/// which is the app's root whatever page the browser opened first.
pub fn base_path() -> String {
    let from_dom = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-base"));
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
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("demarrage"))
    {
        el.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_base;

    #[test]
    fn base_paths() {
        for (raw, want) in [
            ("/", ""),
            ("/communs/", "/communs"),
            ("/a/b/", "/a/b"),
            ("", ""),
            ("communs/", ""),
            ("//evil.example/", ""),
        ] {
            assert_eq!(normalise_base(raw), want, "{raw:?}");
        }
    }
}

/// The URL of a file shipped in `dist/` (icons, lesson files), from the app's root.
pub fn asset(path: &str) -> String {
    format!("{}/{}", base_path(), path.trim_start_matches('/'))
}

/// Sets the tab's title: the page's name then « · Communs », or « Communs » alone.
pub fn set_title(page: Option<crate::i18n::Msg>) {
    use crate::i18n::{t, Msg};
    let title = match page {
        Some(m) => format!("{}{}", t(m), t(Msg::PageTitleSuffix)),
        None => t(Msg::AppName).to_string(),
    };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&title);
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
