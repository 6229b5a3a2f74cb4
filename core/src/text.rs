//! The text jobs of Communs, one function for each, used by the compiler,
//! scoring, the catalogue, storage and the app alike (none needs the
//! `compiler` feature).
//!
//! Comparing ([`normalize`], [`typo`]), forms for comparison only, never
//! for display, all built on one accent-folding table:
//! - [`fold`]: lowercase and accents folded, nothing else — the keywords
//!   authors write (activity types, field names, callouts, glossary terms);
//! - [`loose_form`]: [`fold`], plus French typographic variants unified
//!   (apostrophes ’ ‘ ʼ → ', guillemets « » “ ” → ", dashes – — → -,
//!   … → ...), every space (no-break and thin spaces included) made plain,
//!   zero-width characters dropped, spaces trimmed, collapsed and removed
//!   next to punctuation — the catalogue search and word-cloud grouping;
//! - [`answer_form`]: [`loose_form`], plus quotes dropped and final
//!   punctuation ignored — **what scoring compares**: a learner's typed
//!   answer and each accepted answer are put in this form, so case, accents,
//!   extra spaces, apostrophes, guillemets and final punctuation never count;
//!   with `faute-permise : oui`, [`within_one_typo`] then accepts one edit
//!   (a letter added, removed, changed, or two neighbours swapped) when the
//!   accepted answer has at least 5 letters ([`letter_count`]).
//!
//! Naming ([`ids`]): [`is_lesson_id`], [`is_activity_id`], [`is_module_id`],
//! [`is_anchor_id`] (the id rules the compiler enforces and the app checks
//! before fetching), and [`slug`] (headings → anchors, pseudonyms → file
//! names).
//!
//! HTML ([`html`]): [`escape_html`] / [`escape_html_into`] (text → HTML) and
//! [`html_to_text`] (a compiler-made fragment → plain text).
//!
//! Seeds ([`seed`]): [`hash_seed`] ([`fnv1a_64`] of names), [`splitmix64`]
//! and [`seeded_shuffle`] give a stable per-learner-per-activity display
//! order without any randomness source; their outputs are pinned by tests.
//!
//! Nothing here allocates more than a small multiple of its input, and
//! nothing panics, whatever the input.

pub mod html;
pub mod ids;
pub mod normalize;
pub mod seed;
pub mod typo;

pub use html::{escape_html, escape_html_into, html_to_text};
pub use ids::{is_activity_id, is_anchor_id, is_lesson_id, is_module_id, slug, MAX_ANCHOR_LEN, MAX_ID_LEN};
pub use normalize::{answer_form, fold, letter_count, loose_form};
pub use seed::{fnv1a_64, hash_seed, seeded_shuffle, splitmix64};
pub use typo::within_one_typo;

/// Checks a table of `(input, expected output)` cases of a text function.
#[cfg(test)]
fn assert_table(name: &str, f: impl Fn(&str) -> String, cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        assert_eq!(f(input), *expected, "{name}({input:?})");
    }
}
