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
