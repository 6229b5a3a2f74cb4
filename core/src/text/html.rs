//! HTML and plain text, both ways: [`escape_html`] (text → HTML, for the
//! compiler and the activities) and [`html_to_text`] (a compiler-made inline
//! fragment → plain text, for `<option>`s and accessible names).

/// Escapes text for HTML element content and attribute values (`& < > " '`).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_html_into(s, &mut out);
    out
}

/// [`escape_html`], appending to `out`.
pub fn escape_html_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Plain text of a compiler-made inline HTML fragment: tags dropped, the
/// entities the compiler writes (those of [`escape_html`], `&#x27;` and
/// `&nbsp;`) decoded, every run of whitespace (no-break spaces included)
/// made one space, none at either end.
///
/// Not a general HTML parser: the fragment comes from the compiler, which
/// escapes every `<` of the lesson text, so every `<` starts a tag.
///
/// ```
/// use communs_core::text::html_to_text;
/// assert_eq!(html_to_text("<em>CC</em> BY &amp; <code>SA</code>"), "CC BY & SA");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("CC BY", "CC BY"),
            ("<script>&\"'", "&lt;script&gt;&amp;&quot;&#39;"),
            ("l’été « ok »", "l’été « ok »"),
            ("&amp;", "&amp;amp;"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_html(input), *expected, "input {input:?}");
            let mut out = String::from("x");
            escape_html_into(input, &mut out);
            assert_eq!(out, format!("x{expected}"), "input {input:?} (appending)");
        }
    }

    #[test]
    fn html_to_text_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("<em>CC</em> BY &amp; <code>SA</code>", "CC BY & SA"),
            ("l&#39;auteur &lt;3", "l'auteur <3"),
            ("l&#x27;eau &quot;x&quot; a&gt;b", "l'eau \"x\" a>b"),
            ("  a \n b ", "a b"),
            ("a&nbsp;!", "a !"),
            ("«\u{a0}oui\u{a0}»", "« oui »"),
            ("&amp;lt;", "&lt;"),
            ("<a href=\"lecon/x\" class=\"y\">lien</a>", "lien"),
            ("<strong><em>a</em></strong>b", "ab"),
            ("a > b", "a > b"),
            ("<br>", ""),
        ];
        crate::text::assert_table("html_to_text", html_to_text, cases);
    }

    #[test]
    fn escaped_text_comes_back() {
        for s in ["<script>&\"'", "a & b", "l'eau « x »", "&lt;"] {
            assert_eq!(html_to_text(&escape_html(s)), s, "{s:?}");
        }
    }
}
