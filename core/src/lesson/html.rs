//! [`SafeHtml`]: a piece of HTML that may be inserted into the page as is
//! (the app's `inner_html`). Only two things make one: the lesson compiler,
//! whose renderer writes every tag and attribute itself and escapes the
//! author's text, and [`SafeHtml::escape`], which turns plain text into HTML.
//! Deserialising one is trusted too: the JSON the app reads
//! (`lecons/<id>.json`) was written by the compiler at build time, on the
//! developer's machine, and is shipped with the app itself.

use serde::{Deserialize, Serialize};

use crate::text::escape_html;

/// Sanitised HTML (see the module documentation for who may make one).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Plain text as HTML: `<`, `>`, `&` and quotes are escaped.
    pub fn escape(text: &str) -> SafeHtml {
        SafeHtml(escape_html(text))
    }

    /// HTML written by the lesson compiler's renderer, which escapes every
    /// piece of the author's text and writes only its own tags.
    #[cfg(feature = "compiler")]
    pub(crate) fn sanitised(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    /// Plain text as HTML in bold (`<strong>…</strong>`).
    pub fn strong(text: &str) -> SafeHtml {
        SafeHtml(format!("<strong>{}</strong>", escape_html(text)))
    }

    /// Appends another piece (each piece is whole: no tag is left open).
    pub fn push(&mut self, other: &SafeHtml) {
        self.0.push_str(&other.0);
    }

    /// The HTML.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The same HTML with the compiler's app-relative URLs (`href="lecon/ID"`,
    /// `src="lecons/images/…"`) starting from the app's base path (`""` or
    /// `"/communs"`), so that they work from any page's address. The base is
    /// escaped, so it cannot end the attribute.
    pub fn rebase_urls(&self, base: &str) -> SafeHtml {
        let base = escape_html(base);
        SafeHtml(
            self.0
                .replace("href=\"lecon/", &format!("href=\"{base}/lecon/"))
                .replace("src=\"lecons/", &format!("src=\"{base}/lecons/")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_plain_text() {
        let cases = [("a < b & c", "a &lt; b &amp; c"), ("<script>", "&lt;script&gt;"), ("\"x\"", "&quot;x&quot;"), ("", "")];
        for (text, want) in cases {
            assert_eq!(SafeHtml::escape(text).as_str(), want, "{text}");
        }
    }

    #[test]
    fn pieces_join() {
        let mut h = SafeHtml::escape("a < b ");
        h.push(&SafeHtml::strong("<i>"));
        h.push(&SafeHtml::default());
        assert_eq!(h.as_str(), "a &lt; b <strong>&lt;i&gt;</strong>");
    }

    #[test]
    fn rebases_app_relative_urls() {
        let html = SafeHtml("<a href=\"lecon/droit-auteur\" data-lecon=\"droit-auteur\">x</a><img src=\"lecons/images/a.svg\" alt=\"\"><a href=\"https://ex.org/lecon/\">y</a>".into());
        let out = html.rebase_urls("/communs");
        assert!(out.as_str().contains("href=\"/communs/lecon/droit-auteur\""));
        assert!(out.as_str().contains("src=\"/communs/lecons/images/a.svg\""));
        assert!(out.as_str().contains("href=\"https://ex.org/lecon/\""));
        let cases = [("", "<a href=\"/lecon/x\">"), ("/a\"b", "<a href=\"/a&quot;b/lecon/x\">")];
        for (base, want) in cases {
            assert_eq!(SafeHtml("<a href=\"lecon/x\">".into()).rebase_urls(base).as_str(), want, "{base}");
        }
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let h = SafeHtml::escape("a & b");
        assert_eq!(serde_json::to_string(&h).ok().as_deref(), Some("\"a &amp; b\""));
        assert_eq!(serde_json::from_str::<SafeHtml>("\"<p>x</p>\"").ok().map(|h| h.0), Some("<p>x</p>".to_string()));
    }
}
