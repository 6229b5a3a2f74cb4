//! The learner storage domain: profiles, attempts, lesson progress and their
//! versioned key-value schema in the browser's `localStorage`, with
//! migrations, defensive loading, merging, export and import.
//!
//! The model is a **key-value snapshot**. The app reads every `communs.` key
//! from `localStorage` and hands the pairs to [`load`], which validates them
//! and returns a [`LoadReport`]: the [`Store`], problems in French, the raw
//! values set aside in quarantine, and the repair writes (migration,
//! quarantine moves) to apply. Every change is *planned* by a method taking
//! `&Store` and returning a [`WriteBatch`] — the `(key, Option<value>)`
//! operations plus the old values to roll back — so the app can check the
//! quota, apply everything or nothing, then call [`Store::apply`]. No IO, no
//! clock, no randomness: the app passes the time and random numbers in.
//! The layout is documented in `docs/storage.md`.

mod codec;
mod export;
mod store;

pub use codec::{merge_chunks, DIGITS};
pub use export::{build_class_file, import, ImportLimits, ImportReport};
pub use store::{load, LoadReport, Quarantined, Store};

use std::fmt;

/// Every key of Communs starts with this prefix.
pub const PREFIX: &str = "communs.";
/// The key of the index: schema version, profiles, id tables.
pub const META_KEY: &str = "communs.meta";
/// Prefix of per-profile keys: `communs.p.<profileId>.<yyyy-mm>` and
/// `communs.p.<profileId>.progress`.
pub const PROFILE_PREFIX: &str = "communs.p.";
/// Prefix of quarantined values: `communs.q.<hash>`.
pub const QUARANTINE_PREFIX: &str = "communs.q.";
/// The schema version this crate writes.
pub const SCHEMA_VERSION: u32 = 2;
/// Storage budget assumed for one origin, in UTF-16 code units of keys plus
/// values (Firefox counts exactly this against 5 MiB; Chromium allows 10 MiB
/// of UTF-16 bytes, i.e. 5 Mi code units; Safari ~5 MB). 5,000,000 keeps a
/// margin under all three.
pub const QUOTA_CHARS: usize = 5_000_000;
/// Longest value read at all, in bytes; longer values are quarantined.
pub const MAX_VALUE_BYTES: usize = 2_000_000;
/// Highest score.
pub const MAX_SCORE: u8 = 100;
/// Time spent on one attempt is capped to this many seconds.
pub const MAX_DURATION_SECS: u32 = 3_600;
/// Longest list stored in a response (choices, texts, order, path).
pub const MAX_LIST_LEN: usize = 64;
/// Longest pseudonym, in characters.
pub const MAX_PSEUDONYM_CHARS: usize = 40;
/// Longest lesson or activity id, in characters.
pub const MAX_ID_CHARS: usize = 80;
/// Most profiles in one browser.
pub const MAX_PROFILES: usize = 500;
/// Earliest accepted timestamp (2000-01-01T00:00:00Z).
pub const MIN_TIMESTAMP: i64 = 946_684_800;
/// Latest accepted timestamp (2200-01-01T00:00:00Z).
pub const MAX_TIMESTAMP: i64 = 7_258_118_400;

/// Seconds since 1970-01-01T00:00:00Z.
pub type Timestamp = i64;

/// A French error message, ready for the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrenchError(pub String);

impl fmt::Display for FrenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FrenchError {}

pub(crate) fn err<T>(msg: impl Into<String>) -> Result<T, FrenchError> {
    Err(FrenchError(msg.into()))
}

/// Something found while loading or importing, in French, with the key
/// concerned when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The storage key concerned, if any.
    pub key: Option<String>,
    /// What happened and what was done, in French.
    pub message: String,
}

/// Identifier of a profile: 4 to 16 characters of [`DIGITS`] (8 when
/// created here).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProfileId(String);

impl ProfileId {
    /// Eight digits from a random number.
    pub fn from_random(r: u64) -> Self {
        ProfileId(codec::id_from_random(r))
    }
    /// Validates an id read from anywhere.
    pub fn parse(s: &str) -> Option<Self> {
        codec::is_token(s).then(|| ProfileId(s.to_string()))
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Identifier of an attempt: exactly 8 characters of [`DIGITS`] (48 random
/// bits).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AttemptId(String);

impl AttemptId {
    /// Eight digits from a random number.
    pub fn from_random(r: u64) -> Self {
        AttemptId(codec::id_from_random(r))
    }
    /// Validates an id read from anywhere.
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 8 && codec::is_token(s)).then(|| AttemptId(s.to_string()))
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AttemptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A learner profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Stable id (used in keys and exports).
    pub id: ProfileId,
    /// The pseudonym shown in the UI.
    pub pseudonym: String,
    /// Index into [`PALETTE`].
    pub colour: u8,
    /// Index into [`AVATARS`].
    pub avatar: u8,
    /// Creation time.
    pub created: Timestamp,
    /// Time of the last export ("dernière sauvegarde"), if any.
    pub last_export: Option<Timestamp>,
}

/// One colour of the profile palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// Which colour it is (its name, for screen readers, is in the message catalogue).
    pub hue: Hue,
    /// CSS hex value.
    pub hex: &'static str,
}

/// The colours of [`PALETTE`], as codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hue { Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Black }

/// The Okabe–Ito palette, distinguishable with the common colour-vision
/// deficiencies. Always shown together with an avatar, never alone.
pub const PALETTE: [Colour; 8] = [
    Colour { hue: Hue::Orange, hex: "#E69F00" },
    Colour { hue: Hue::SkyBlue, hex: "#56B4E9" },
    Colour { hue: Hue::BluishGreen, hex: "#009E73" },
    Colour { hue: Hue::Yellow, hex: "#F0E442" },
    Colour { hue: Hue::Blue, hex: "#0072B2" },
    Colour { hue: Hue::Vermillion, hex: "#D55E00" },
    Colour { hue: Hue::ReddishPurple, hex: "#CC79A7" },
    Colour { hue: Hue::Black, hex: "#000000" },
];

/// An avatar (animals and shapes), as a code; the app draws it and the
/// message catalogue names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AvatarKind { Fox, Cat, Owl, Turtle, Whale, Bee, Bear, Rabbit, Snail, Star, Circle, Triangle }

/// The avatars, in the order of [`Profile::avatar`]'s index.
pub const AVATARS: [AvatarKind; 12] = [
    AvatarKind::Fox, AvatarKind::Cat, AvatarKind::Owl, AvatarKind::Turtle, AvatarKind::Whale, AvatarKind::Bee,
    AvatarKind::Bear, AvatarKind::Rabbit, AvatarKind::Snail, AvatarKind::Star, AvatarKind::Circle,
    AvatarKind::Triangle,
];

/// Where a learner is in a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LessonStatus {
    /// "en cours".
    InProgress,
    /// "terminée" (never goes back to in progress).
    Done,
}

/// Progress of one profile in one lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonProgress {
    /// En cours or terminée.
    pub status: LessonStatus,
    /// Last position (index of the section or activity reached).
    pub position: u32,
    /// When this was last changed.
    pub updated: Timestamp,
}

impl LessonProgress {
    /// Merge rule: terminée wins; position and time from the latest update
    /// (ties: the larger position). Commutative, associative, idempotent.
    pub fn merge(&self, other: &LessonProgress) -> LessonProgress {
        let status = self.status.max(other.status);
        let (updated, position) = (self.updated, self.position).max((other.updated, other.position));
        LessonProgress { status, position, updated }
    }
}

/// One answer to one activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Random id, the merge key.
    pub id: AttemptId,
    /// When it was answered.
    pub at: Timestamp,
    /// Lesson id.
    pub lesson: String,
    /// Activity id within the lesson.
    pub activity: String,
    /// Score 0–100.
    pub score: u8,
    /// Seconds spent, capped to [`MAX_DURATION_SECS`].
    pub duration: u32,
    /// The answer, capped (see [`crate::response::MAX_TEXT_CHARS`]).
    pub response: crate::response::Response,
}

/// What the app knows when a learner answers; [`Store::record_attempt`]
/// adds the id and caps the fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAttempt {
    /// When it was answered.
    pub at: Timestamp,
    /// Lesson id.
    pub lesson: String,
    /// Activity id.
    pub activity: String,
    /// Score 0–100 (higher values are clamped).
    pub score: u8,
    /// Seconds spent (capped).
    pub duration: u32,
    /// The answer (capped).
    pub response: crate::response::Response,
}

/// One operation for the app: `setItem(key, value)` or `removeItem(key)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOp {
    /// The key.
    pub key: String,
    /// `Some(value)` to set, `None` to remove.
    pub value: Option<String>,
}

/// Writes to apply in order, all or nothing, with the old values to restore
/// (in `undo`, to apply in order) if any write fails.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteBatch {
    /// Operations, in the order to apply.
    pub ops: Vec<WriteOp>,
    /// The reverse operations, in the order to apply for a rollback.
    pub undo: Vec<WriteOp>,
}

/// Length of a string in UTF-16 code units, the unit of the storage quota.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

impl WriteBatch {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
    /// Change in used storage (UTF-16 code units of keys and values) once
    /// applied; negative when the batch frees space.
    pub fn delta_chars(&self) -> i64 {
        let size = |op: &WriteOp| {
            op.value.as_ref().map_or(0, |v| (utf16_len(&op.key) + utf16_len(v)) as i64)
        };
        self.ops.iter().map(size).sum::<i64>() - self.undo.iter().map(size).sum::<i64>()
    }
    /// Appends another batch after this one (ops in order, undo reversed).
    pub fn then(mut self, other: WriteBatch) -> WriteBatch {
        self.ops.extend(other.ops);
        let mut undo = other.undo;
        undo.extend(self.undo);
        self.undo = undo;
        self
    }
}

/// Advice for the UI: true when a pseudonym has the shape of a real
/// "Prénom Nom": at least two capitalised alphabetic words (accents, inner
/// hyphens and apostrophes allowed: "Léa Martin", "Jean-Pierre Dupont",
/// "Chloé O'Neil"), optionally with lowercase particles between them ("Jean
/// de La Fontaine", "Jeanne d'Arc"). "Renard bleu", "lea42", "Chat",
/// "LÉA MARTIN" are not.
pub fn looks_like_real_name(pseudonym: &str) -> bool {
    const PARTICLES: [&str; 8] = ["de", "du", "des", "le", "la", "van", "von", "di"];
    let words: Vec<&str> = pseudonym.split_whitespace().collect();
    let mut capitalised = 0;
    for (i, w) in words.iter().enumerate() {
        let inner = i > 0;
        let w = w.replace('\u{2019}', "'");
        if is_capitalised_name_word(&w) {
            capitalised += 1;
        } else if let Some(rest) = w.strip_prefix("d'").filter(|_| inner) {
            if !is_capitalised_name_word(rest) {
                return false;
            }
            capitalised += 1;
        } else if !(inner && i + 1 < words.len() && PARTICLES.contains(&w.as_str())) {
            return false;
        }
    }
    capitalised >= 2
}

/// "Martin", "Jean-Pierre", "O'Neil": hyphen-separated parts, each an
/// uppercase letter then lowercase letters; a single uppercase letter may
/// precede an apostrophe.
fn is_capitalised_name_word(w: &str) -> bool {
    w.split('-').all(|part| {
        let subs: Vec<&str> = part.split('\'').collect();
        let n = subs.len();
        n <= 2
            && subs.iter().enumerate().all(|(i, sub)| {
                let mut chars = sub.chars();
                let Some(first) = chars.next() else { return false };
                let rest: Vec<char> = chars.collect();
                let short_ok = i + 1 < n; // "O" in "O'Neil"
                first.is_alphabetic()
                    && first.is_uppercase()
                    && (!rest.is_empty() || short_ok)
                    && rest.iter().all(|c| c.is_alphabetic() && c.is_lowercase())
            })
    })
}

/// Seconds in a day.
const DAY: i64 = 86_400;
/// The reminder is due after this many days with unsaved attempts.
pub const REMINDER_DAYS: i64 = 7;
/// … or as soon as this many attempts are unsaved.
pub const REMINDER_ATTEMPTS: usize = 50;
/// … and for a profile never exported, after this many attempts.
pub const REMINDER_FIRST_ATTEMPTS: usize = 10;

/// Whether to remind the learner to save ("Pense à faire une sauvegarde").
/// Never when nothing is unsaved. Never exported: after
/// [`REMINDER_FIRST_ATTEMPTS`] attempts. Otherwise after [`REMINDER_DAYS`]
/// days or [`REMINDER_ATTEMPTS`] unsaved attempts. A last export in the
/// future (clock changed) counts as old.
pub fn export_reminder_due(
    now: Timestamp,
    last_export: Option<Timestamp>,
    attempts_since: usize,
) -> bool {
    if attempts_since == 0 {
        return false;
    }
    match last_export {
        None => attempts_since >= REMINDER_FIRST_ATTEMPTS,
        Some(t) => {
            t > now || now.saturating_sub(t) >= REMINDER_DAYS * DAY || attempts_since >= REMINDER_ATTEMPTS
        }
    }
}
