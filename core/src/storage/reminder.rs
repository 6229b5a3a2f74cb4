//! The export reminder: when to ask a learner to download a save
//! (« Pense à faire une sauvegarde »), from the time of the last export
//! (« dernière sauvegarde ») and the attempts made since.

use super::{ProfileId, Store, Timestamp};

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
pub fn export_reminder_due(now: Timestamp, last_export: Option<Timestamp>, attempts_since: usize) -> bool {
    if attempts_since == 0 {
        return false;
    }
    match last_export {
        None => attempts_since >= REMINDER_FIRST_ATTEMPTS,
        Some(t) => t > now || now.saturating_sub(t) >= REMINDER_DAYS * DAY || attempts_since >= REMINDER_ATTEMPTS,
    }
}

impl Store {
    /// Whether the export reminder is due for a profile now (`false` for an
    /// unknown profile): [`export_reminder_due`] with its last export and
    /// [`Store::attempts_since_export`].
    pub fn export_reminder_due(&self, id: &ProfileId, now: Timestamp) -> bool {
        let Some(p) = self.profile(id) else { return false };
        export_reminder_due(now, p.last_export, self.attempts_since_export(id))
    }
}
