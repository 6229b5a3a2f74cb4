//! The storage areas beside the learners' one: the **teacher's space**
//! (sequences, class rosters with their pseudonym keys, local lessons, kept
//! files and images, teacher settings; kept in IndexedDB by the app) and the
//! **display settings** (one small `localStorage` value), with a **budget per
//! area** that every planned write is checked against before anything is
//! written. The learners' area itself is [`crate::storage`]; this module only
//! names its budget ([`area::Area::Pupils`]).
//!
//! Same model as the learners' area: the app reads everything, hands it to a
//! loader that validates each value on its own, sets aside (quarantine) what
//! it cannot read and returns the repairs; every change is planned here as a
//! batch the app writes all or nothing. No IO, no clock, no randomness (the
//! app passes them in), no panic. One module per job: `area` (areas, budgets,
//! the codes [`SpaceError`] and [`SpaceProblem`]), `settings` (display
//! settings), `records` (the typed records of the teacher's space and their
//! JSON), `teacher` (the teacher's space: load, quarantine, queries, planned
//! writes). Layout and figures: `docs/storage.md`.

pub mod area;
pub mod records;
pub mod settings;
pub mod teacher;

pub use area::{
    check_write, effective_teacher_budget, Area, AreaUsage, SpaceError, SpaceProblem, Unit, LARGE_RECORD_BYTES, MAX_FILE_BYTES,
    PUPILS_BUDGET_CHARS, SETTINGS_BUDGET_CHARS, TEACHER_BUDGET_BYTES,
};
pub use records::{
    file_key, record_id, valid_record_id, FileKind, KeptFile, LocalLesson, Record, Roster, RosterEntry, Sequence, SequenceStep,
    TeacherSettings, MAX_CARD, MAX_IMAGES, MAX_NAME_CHARS, MAX_PUPILS, MAX_STEPS, RECORD_VERSION, SETTINGS_RECORD_KEY,
};
pub use settings::{load_settings, settings_usage, DisplaySettings, SettingsLoad, TextSize, Theme, SETTINGS_KEY, SETTINGS_VERSION};
pub use teacher::{
    load_teacher, TeacherBatch, TeacherLoad, TeacherOp, TeacherSpace, DB_NAME, FILES_STORE, RECORDS_STORE, TEACHER_VERSION,
};
