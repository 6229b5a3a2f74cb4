//! The three storage areas, the budget of each, and the one rule every write
//! obeys: a write that would pass its area's budget is refused **before**
//! anything is written ([`check_write`]), with a code ([`SpaceError`]) whose
//! words (in `communs-i18n`) say what to export or delete. Also the codes of
//! what the loaders of this module found ([`SpaceProblem`]).

use crate::storage::QUOTA_CHARS;

/// Where a kind of data lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// Pupils' profiles, attempts and progress (`localStorage`, [`crate::storage`]).
    Pupils,
    /// The teacher's space (IndexedDB).
    Teacher,
    /// Display settings (one `localStorage` value).
    Settings,
}

impl Area {
    /// Every area, in the order they are shown.
    pub const ALL: [Area; 3] = [Area::Pupils, Area::Teacher, Area::Settings];

    /// The unit its budget is counted in.
    pub fn unit(self) -> Unit {
        match self {
            Area::Pupils | Area::Settings => Unit::Utf16,
            Area::Teacher => Unit::Bytes,
        }
    }

    /// Its documented budget (before the browser's own quota is counted).
    pub fn budget(self) -> u64 {
        match self {
            Area::Pupils => PUPILS_BUDGET_CHARS,
            Area::Teacher => TEACHER_BUDGET_BYTES,
            Area::Settings => SETTINGS_BUDGET_CHARS,
        }
    }
}

/// The unit of a budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// UTF-16 code units of keys plus values (what `localStorage` counts).
    Utf16,
    /// Bytes: UTF-8 of keys and JSON values, plus the bytes of files.
    Bytes,
}

/// Display settings: at most this many UTF-16 code units (key + value).
/// The value is a few dozen characters; the rest is room to grow.
pub const SETTINGS_BUDGET_CHARS: u64 = 4_096;

/// The pupils' share of `localStorage`: the whole quota assumed for the
/// origin ([`QUOTA_CHARS`]) less the display settings' budget, so that
/// 100 pupils × a school year (4.18 M code units, `docs/storage.md`) fit.
pub const PUPILS_BUDGET_CHARS: u64 = QUOTA_CHARS as u64 - SETTINGS_BUDGET_CHARS;

/// The teacher's space: at most 250 MB in IndexedDB (30 class records of
/// 10 MB and 30 phone photos of 4 MB fit with room to spare), and never more
/// than the browser says is left ([`effective_teacher_budget`]).
pub const TEACHER_BUDGET_BYTES: u64 = 250_000_000;

/// A record of the teacher's space (a JSON value) larger than this is a
/// **large file**: it is refused as a record and must be kept as a file
/// (bytes in the files store, a small [`crate::space::KeptFile`] record).
pub const LARGE_RECORD_BYTES: u64 = 256 * 1024;

/// One kept file (image, class file) may not exceed 32 MB.
pub const MAX_FILE_BYTES: u64 = 32_000_000;

/// What an area uses against its budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AreaUsage {
    pub area: Area,
    /// Used, in the area's unit.
    pub used: u64,
    /// The budget, in the area's unit.
    pub budget: u64,
}

impl AreaUsage {
    /// Per thousand of the budget used, capped at 1000 (0 for a 0 budget).
    pub fn per_mille(&self) -> u64 {
        if self.budget == 0 {
            return 0;
        }
        (self.used.saturating_mul(1000) / self.budget).min(1000)
    }
}

/// The budget of the teacher's space on this browser: the documented budget,
/// or less when `navigator.storage.estimate()` says the origin has less room
/// (`quota` − `usage` of the whole origin, plus what the space itself already
/// uses, since that is counted in `usage`). Without an estimate, the
/// documented budget.
pub fn effective_teacher_budget(estimate: Option<(u64, u64)>, space_used: u64) -> u64 {
    match estimate {
        None => TEACHER_BUDGET_BYTES,
        Some((quota, usage)) => TEACHER_BUDGET_BYTES.min(quota.saturating_sub(usage).saturating_add(space_used)),
    }
}

/// Whether a write that changes an area's size by `delta` fits: `Ok` when
/// it frees space or stays within `budget`, otherwise
/// [`SpaceError::OverBudget`] with the figures to show.
pub fn check_write(area: Area, used: u64, delta: i64, budget: u64) -> Result<(), SpaceError> {
    if delta <= 0 {
        return Ok(());
    }
    let after = used.saturating_add(delta.unsigned_abs());
    if after <= budget {
        Ok(())
    } else {
        Err(SpaceError::OverBudget { area, used, budget, needed: after - budget })
    }
}

/// Why a change of the teacher's space or of the display settings was not
/// made (nothing was written), put into words by `communs-i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpaceError {
    /// The write would pass the area's budget by `needed` (area's unit).
    OverBudget { area: Area, used: u64, budget: u64, needed: u64 },
    /// A record's JSON would be larger than `max` bytes: keep it as a file.
    RecordTooLarge { max: u64 },
    /// A file is larger than `max` bytes.
    FileTooLarge { max: u64 },
    /// The space was written by a newer version (schema `version`): read only.
    ReadOnly { version: u32 },
    /// A title or name is empty or longer than `max` characters.
    BadName { max: usize },
    /// A list is longer than `max` entries.
    TooMany { max: usize },
    /// An identifier is invalid (lesson id, record id).
    BadId,
    /// The record or file does not exist (or no longer).
    Unknown,
    /// A date is out of range (the computer's clock?).
    BadDate,
    /// A setting is out of its allowed values.
    BadSetting,
}

impl std::fmt::Display for SpaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for SpaceError {}

/// What a loader of this module found and did, put into words by
/// `communs-i18n` (« vous » for the teacher's space).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpaceProblem {
    /// A value of `area` could not be read: it was set aside (quarantine),
    /// not deleted, and can be downloaded. `reason` is the stored French phrase.
    Quarantined { area: Area, reason: String },
    /// The teacher's space comes from a newer version: nothing is changed.
    ReadOnly { version: u32 },
    /// `count` files had no description: one was made for each (« fichier retrouvé »).
    RecoveredFiles { count: usize },
    /// The area was migrated from schema `from` to `to`.
    Migrated { area: Area, from: u32, to: u32 },
}
