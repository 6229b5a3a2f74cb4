//! The learner data model shared by every part of storage: profiles and
//! their ids, attempts, lesson progress, the palette and avatars, the caps
//! stored values obey, and the error and problem codes returned to the app
//! (their words live in the catalogue, `communs-i18n`). Plain data and its
//! validation rules; no encoding here (see `schema` and `codec`).

use super::codec;
use std::fmt;

/// Seconds since 1970-01-01T00:00:00Z.
pub type Timestamp = i64;

/// Why a planned write or an import was refused: a code with its values,
/// put into words by the app's catalogue (`communs-i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The data were written by a newer version (schema `format`): read only.
    ReadOnly { format: u64 },
    /// The profile does not exist (or no longer).
    UnknownProfile,
    /// A pseudonym must have between 1 and `max` characters.
    PseudonymLength { max: usize },
    /// The browser already holds the most profiles allowed.
    ProfileLimit,
    /// Colour or avatar out of the palette.
    UnknownLook,
    /// Lesson or activity id of an attempt is invalid.
    BadAttemptIds,
    /// Date of an attempt out of range (the computer's clock?).
    BadAttemptDate,
    /// Lesson id of a progress change is invalid.
    BadLessonId,
    /// Date of a progress change out of range.
    BadDate,
    /// The export document could not be encoded.
    ExportFailed,
    /// Imported file larger than `max_mb` megabytes.
    FileTooLarge { max_mb: usize },
    /// Imported file: JSON nested too deep.
    TooDeep,
    /// Imported file: not JSON.
    BadJson,
    /// Imported file: not a Communs export.
    UnknownFormat,
    /// Imported file written by a newer version (export `format`).
    NewerExport { format: u64 },
    /// Imported file without a valid version.
    NoVersion,
    /// Imported file: the profile record is unreadable.
    BadProfileRecord,
    /// Imported file: the profile id is invalid.
    BadProfileId,
    /// Imported file: the pseudonym is empty or too long.
    BadPseudonym,
    /// Imported file: the export date is invalid.
    BadExportDate,
    /// Imported file with more than `max` attempts.
    TooManyAttempts { max: usize },
    /// Imported file with too many progress entries.
    ProgressTooLong,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for StorageError {}

pub(crate) fn err<T>(e: StorageError) -> Result<T, StorageError> {
    Err(e)
}

/// Something found while loading or importing, as a code with its values
/// (see [`ProblemCode`]), with the key concerned when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The storage key concerned, if any.
    pub key: Option<String>,
    /// What happened and what was done.
    pub code: ProblemCode,
}

/// What was found and done while loading stored data or reading an import,
/// put into words by the catalogue (`communs-i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemCode {
    /// The data come from a newer version (schema `format`): read only.
    ReadOnly { format: u64 },
    /// A value was moved to quarantine. `reason` is the reason written into
    /// the quarantine value (a stored format, in French, kept byte for byte).
    Quarantined { reason: String },
    /// Entry `n` (from 1) of the profile index was unreadable or a duplicate.
    IndexEntryDropped { n: usize },
    /// Data without a profile were attached to a new profile named
    /// `pseudonym` (a stored value).
    RecoveredProfile { pseudonym: String },
    /// `count` unreadable attempts were set aside, the others kept.
    UnreadableAttempts { count: usize },
    /// Unreadable progress entries were set aside.
    UnreadableProgress,
    /// Stored data were migrated from schema `from` to `to`.
    Migrated { from: u32, to: u32 },
    /// Import: attempt `n` (from 1) is a duplicate, ignored.
    DuplicateAttempt { n: usize },
    /// Import: attempt `n` (from 1) is invalid, ignored.
    InvalidAttempt { n: usize },
    /// Import: progress entry `n` (from 1) is invalid, ignored.
    InvalidProgress { n: usize },
    /// Import: `count` invalid elements ignored in all (when not all listed).
    SkippedTotal { count: usize },
    /// Import: the profile is named `file` in the file and `here` in this
    /// browser; the local pseudonym is kept.
    PseudonymKept { file: String, here: String },
}

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

/// Identifier of a profile: 4 to 16 characters of [`DIGITS`](super::DIGITS) (8 when
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

/// Identifier of an attempt: exactly 8 characters of [`DIGITS`](super::DIGITS) (48 random
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
pub enum Hue {
    Orange,
    SkyBlue,
    BluishGreen,
    Yellow,
    Blue,
    Vermillion,
    ReddishPurple,
    Black,
}

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
pub enum AvatarKind {
    Fox,
    Cat,
    Owl,
    Turtle,
    Whale,
    Bee,
    Bear,
    Rabbit,
    Snail,
    Star,
    Circle,
    Triangle,
}

/// The avatars, in the order of [`Profile::avatar`]'s index.
pub const AVATARS: [AvatarKind; 12] = [
    AvatarKind::Fox,
    AvatarKind::Cat,
    AvatarKind::Owl,
    AvatarKind::Turtle,
    AvatarKind::Whale,
    AvatarKind::Bee,
    AvatarKind::Bear,
    AvatarKind::Rabbit,
    AvatarKind::Snail,
    AvatarKind::Star,
    AvatarKind::Circle,
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

/// A lesson or activity id as stored: 1 to [`MAX_ID_CHARS`] characters, no
/// control character.
pub(crate) fn valid_content_id(s: &str) -> bool {
    let n = s.chars().count();
    (1..=MAX_ID_CHARS).contains(&n) && !s.chars().any(char::is_control)
}

/// A pseudonym as stored: inner spaces collapsed, 1 to
/// [`MAX_PSEUDONYM_CHARS`] characters, no control character.
pub(crate) fn valid_pseudonym(s: &str) -> Option<String> {
    let trimmed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = trimmed.chars().count();
    ((1..=MAX_PSEUDONYM_CHARS).contains(&n) && !trimmed.chars().any(char::is_control)).then_some(trimmed)
}

/// A time within [`MIN_TIMESTAMP`]..[`MAX_TIMESTAMP`].
pub(crate) fn valid_time(t: i64) -> bool {
    (MIN_TIMESTAMP..MAX_TIMESTAMP).contains(&t)
}

/// A colour index read from anywhere: kept when it is one of [`PALETTE`],
/// 0 otherwise.
pub(crate) fn valid_colour(colour: u8) -> u8 {
    if (colour as usize) < PALETTE.len() {
        colour
    } else {
        0
    }
}

/// An avatar index read from anywhere: kept when it is one of [`AVATARS`],
/// 0 otherwise.
pub(crate) fn valid_avatar(avatar: u8) -> u8 {
    if (avatar as usize) < AVATARS.len() {
        avatar
    } else {
        0
    }
}
