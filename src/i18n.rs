//! The message catalogue, as the app sees it: everything comes from the
//! `communs-i18n` crate (shared with the command-line tools), re-exported
//! here so that pages write `crate::i18n::t(…)`.

pub use communs_i18n::*;
