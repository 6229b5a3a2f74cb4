//! The app's addresses that exist as files in `dist/`.
//!
//! A plain static server has no rewrite rules, so `cargo xtask dist` writes an
//! entry page (`<route>/index.html`) for every route listed here, and for every
//! lesson (`lecon/<id>/index.html`). The app's router (`src/app.rs`) declares
//! the same paths; values that cannot be listed go in the query string.

/// Routes with no dynamic part, without their leading slash (`""` is the home page).
pub const STATIC_PAGES: &[&str] = &["", "a-propos", "parcours", "profils", "competences"];

/// The folder of a lesson's entry page.
pub fn lesson_page(id: &str) -> String {
    format!("lecon/{id}")
}

/// How many folders deep a route's entry page is: `""` → 0, `"lecon/x"` → 2.
pub fn depth(route: &str) -> usize {
    route.split('/').filter(|s| !s.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depths() {
        assert_eq!(depth(""), 0);
        assert_eq!(depth("a-propos"), 1);
        assert_eq!(depth(&lesson_page("droit-auteur")), 2);
    }

    #[test]
    fn static_pages_are_plain_folder_names() {
        for p in STATIC_PAGES {
            assert!(!p.starts_with('/') && !p.ends_with('/') && !p.contains(".."), "{p}");
            assert!(p.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'), "{p}");
        }
    }
}
