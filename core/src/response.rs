//! A learner's answer to an activity, in the compact form that is scored and
//! stored. Indices refer to the options *as written by the author* (before any
//! shuffle), so a stored response keeps its meaning whatever the display order.

use serde::{Deserialize, Serialize};

/// What a learner answered. Small integers and capped strings only: this is
/// what goes into storage, once per attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k", content = "v")]
pub enum Response {
    /// Choice indices (choix unique, choix multiples, sondage): author order.
    #[serde(rename = "c")]
    Choices(Vec<u8>),
    /// `true` / `false` (vrai ou faux).
    #[serde(rename = "b")]
    Bool(bool),
    /// Free text, one entry per blank or word (réponse courte, texte à trous,
    /// nuage de mots, remue-méninges); a list blank stores the chosen option index as text.
    #[serde(rename = "t")]
    Texts(Vec<String>),
    /// For each left item (author order), the index of the right item chosen (appariement),
    /// or for each position, the author index of the item placed there (remise en ordre).
    #[serde(rename = "o")]
    Order(Vec<u8>),
    /// The indices of the choices taken at each step (scénario).
    #[serde(rename = "p")]
    Path(Vec<u8>),
}

/// Longest free text kept for one stored answer entry, in characters.
pub const MAX_TEXT_CHARS: usize = 140;

/// Separator between a category and an idea in a stored idea (no-break space, colon, space).
pub const IDEA_SEPARATOR: &str = "\u{a0}: ";

/// A remue-méninges idea read back from storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Idea<'a> {
    /// Index into the activity's categories; `None` without a category.
    pub category: Option<usize>,
    /// The idea, trimmed.
    pub text: &'a str,
}

/// One remue-méninges idea as stored in `Response::Texts`: « Catégorie : idée »
/// when the author gave categories (the category's name, [`IDEA_SEPARATOR`],
/// the idea), the idea alone otherwise. See `docs/storage.md`.
pub fn encode_idea(category: Option<&str>, idea: &str) -> String {
    match category {
        Some(c) => format!("{c}{IDEA_SEPARATOR}{idea}"),
        None => idea.to_string(),
    }
}

/// Reads a stored idea against the activity's `categories`: the first
/// category whose name starts the text, followed by « : » (no-break space,
/// space or no space before the colon), is its category; any other text is
/// an idea without a category.
pub fn decode_idea<'a>(categories: &[String], stored: &'a str) -> Idea<'a> {
    for (i, c) in categories.iter().enumerate() {
        for sep in [IDEA_SEPARATOR, " : ", ": "] {
            if let Some(rest) = stored.strip_prefix(c.as_str()).and_then(|r| r.strip_prefix(sep)) {
                return Idea { category: Some(i), text: rest.trim() };
            }
        }
    }
    Idea { category: None, text: stored.trim() }
}
