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
//!
//! One module per job: `model` (the data and its caps), `schema` (keys,
//! versions, the index and progress values of v1, v2 and v3), `codec` (compact
//! attempt lines), `quarantine`, `load` (load with quarantine and
//! migration), `view` (the [`Store`] and its queries), `write` (planning
//! [`WriteBatch`]es), `merge` (other tabs' changes), `budget` (quota),
//! `export` (export, import, class file), `files` (download file names),
//! `reminder` (when to remind to export) and `pseudonym` (real-name advice).

mod budget;
mod codec;
mod export;
mod files;
mod load;
mod merge;
mod model;
mod pseudonym;
mod quarantine;
mod reminder;
mod schema;
mod view;
mod write;

pub use budget::{quota_for_communs, utf16_len, Snapshot, Usage, QUOTA_CHARS};
pub use codec::{merge_chunks, DIGITS};
pub use export::{build_class_file, import, ClassFile, ClassProblem, ImportLimits, ImportReport, MAX_IMPORT_BYTES};
pub use files::{class_file_name, export_file_name, file_slug, quarantine_file_name};
pub use load::{load, LoadReport};
pub use merge::ExternalChange;
pub use model::{
    Attempt, AttemptId, AvatarKind, Colour, Hue, LessonProgress, LessonStatus, NewAttempt, Problem, ProblemCode, Profile, ProfileId,
    StorageError, Timestamp, AVATARS, MAX_DURATION_SECS, MAX_ID_CHARS, MAX_LIST_LEN, MAX_PROFILES, MAX_PSEUDONYM_CHARS, MAX_SCORE,
    MAX_TIMESTAMP, MIN_TIMESTAMP, PALETTE,
};
pub use pseudonym::looks_like_real_name;
pub use quarantine::{quarantine_document, Quarantined, QUARANTINE_FILE_FORMAT};
pub use reminder::{export_reminder_due, REMINDER_ATTEMPTS, REMINDER_DAYS, REMINDER_FIRST_ATTEMPTS};
pub use schema::{MAX_VALUE_BYTES, META_KEY, PREFIX, PROFILE_PREFIX, QUARANTINE_PREFIX, SCHEMA_VERSION};
pub use view::Store;
pub use write::{WriteBatch, WriteOp};

pub(crate) use model::{err, valid_avatar, valid_colour, valid_content_id, valid_pseudonym, valid_time};
