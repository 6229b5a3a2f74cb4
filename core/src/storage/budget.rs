//! The storage budget: sizes in UTF-16 code units (the unit browsers count
//! against the quota), the quota assumed for one origin, the share of it
//! other keys of the origin already take, and whether a batch fits.

use super::{Store, WriteBatch, PREFIX};

/// Storage budget assumed for one origin, in UTF-16 code units of keys plus
/// values (Firefox counts exactly this against 5 MiB; Chromium allows 10 MiB
/// of UTF-16 bytes, i.e. 5 Mi code units; Safari ~5 MB). 5,000,000 keeps a
/// margin under all three.
pub const QUOTA_CHARS: usize = 5_000_000;

/// Length of a string in UTF-16 code units, the unit of the storage quota.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Everything `localStorage` held when read, split into what Communs loads
/// (the `communs.` keys) and the space the origin's other keys take.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The `communs.` pairs, for [`super::load`].
    pub ours: Vec<(String, String)>,
    /// UTF-16 code units of the other keys and values of the origin.
    pub other_chars: usize,
}

impl Snapshot {
    /// Splits every pair read from `localStorage`.
    pub fn of(all: Vec<(String, String)>) -> Snapshot {
        let (ours, others): (Vec<_>, Vec<_>) = all.into_iter().partition(|(k, _)| k.starts_with(PREFIX));
        let other_chars = others.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum();
        Snapshot { ours, other_chars }
    }
}

/// The budget left to Communs once other keys of the origin are counted.
pub fn quota_for_communs(other_chars: usize) -> usize {
    QUOTA_CHARS.saturating_sub(other_chars)
}

/// Space used by Communs against the space it may use, in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Keys plus values of the `communs.` keys.
    pub used: usize,
    /// [`QUOTA_CHARS`] less what other keys of the origin take.
    pub quota: usize,
}

impl Store {
    /// Storage used by `communs.` keys, in UTF-16 code units of keys plus values.
    pub fn used_chars(&self) -> usize {
        self.raw.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }
    /// True when `batch` would stay within `quota` (UTF-16 code units,
    /// e.g. [`QUOTA_CHARS`]); other origins' keys are not counted.
    pub fn fits(&self, batch: &WriteBatch, quota: usize) -> bool {
        self.used_chars() as i64 + batch.delta_chars() <= quota as i64
    }
    /// Space used against the budget left by the origin's other keys.
    pub fn usage(&self, other_chars: usize) -> Usage {
        Usage { used: self.used_chars(), quota: quota_for_communs(other_chars) }
    }
}
