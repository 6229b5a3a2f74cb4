//! The learner's record: the portable file a pupil keeps (« Mes données »),
//! a teacher gathers, and the `record` command checks. A record is versioned
//! JSON (`"format": "communs-record"`, `"version": 1`, documented field by
//! field in `docs/record-format.md`): pseudonym, lesson progress, every
//! attempt with its id and stored response, the CRCN levels and EMI mastery
//! computed when it was written with their evidence, the app version, the
//! build id and the export date (both given by the caller: no clock here).
//!
//! One module per job: `json` (the bounded parser every file goes through:
//! size, text, depth, counts, string and number lengths, duplicate keys),
//! `time` (ISO 8601 and French dates), `read` (record v1 and every backup
//! file `/profils` ever wrote, into [`RecordData`]), `assess` (what this
//! build knows: each attempt is **rescored from its stored response**, never
//! trusting a level or a score written in a file; attempts at activities
//! this build does not know are kept and reported, not counted), `write`
//! (record v1), `merge` (the planned result of an import, all validated
//! before anything changes), `csv` (the teacher's table, after Pix Orga's
//! campaign export) and `xapi` / `xapi_check` (xAPI 1.0.3 statements and the
//! validator of the specification's rules they rely on). Errors are codes
//! ([`RecordError`]); their French words are in `communs_i18n::record`.

mod assess;
mod csv;
mod json;
mod merge;
mod read;
mod time;
mod write;
mod xapi;
mod xapi_check;

pub use self::csv::{csv_columns, write_csv, CsvColumn, CsvWords};
pub use assess::{assess, Assessment, Catalogue, UnknownAttempt};
pub use json::{parse_bounded, JsonLimits};
pub use merge::{plan_merge, MergePlan};
pub use read::{read_record, RecordData, RecordSource, RecordWarning};
pub use time::{date_fr, iso_utc, parse_iso_utc};
pub use write::{record_of_store, write_record, BuildInfo};
pub use xapi::{statements, XapiOptions, ACTIVITY_TYPE_INTERACTION, ACTIVITY_TYPE_LESSON, VERB_ANSWERED, VERB_COMPLETED};
pub use xapi_check::{
    is_absolute_iri, is_iso8601_duration, is_iso8601_timestamp, validate_statement, validate_statements, XapiProblem, XapiRule,
};

/// `format` of a record.
pub const RECORD_FORMAT: &str = "communs-record";
/// Version of the record written here.
pub const RECORD_VERSION: u64 = 1;
/// Largest file read at all, in bytes: anything bigger is refused by its
/// size, before a byte of it is read (8 MB: 100,000 attempts fit).
pub const MAX_RECORD_BYTES: usize = 8_000_000;
/// Most attempts in one record.
pub const MAX_RECORD_ATTEMPTS: usize = 100_000;

/// A place in a file: line and column (from 1, in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// What a field should have held ([`RecordError::BadField`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Text.
    Text,
    /// A whole number in range.
    Integer,
    /// A date `AAAA-MM-JJThh:mm:ssZ` between 2000 and 2200.
    Date,
    /// An attempt or profile id (letters and digits).
    Id,
    /// A lesson or activity id (1 to 80 characters, no control character).
    ContentId,
    /// A pseudonym (1 to 40 characters).
    Pseudonym,
    /// A stored response (`{"k":…,"v":…}`).
    Response,
    /// A list.
    List,
    /// An object.
    Object,
    /// `en_cours` or `terminee`.
    Status,
    /// A score from 0 to 100.
    Score,
}

/// Why a file was refused: a code with its values, put into words by
/// `communs_i18n::record`. Reading never panics; every refusal is one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The file is bigger than `max_bytes` (checked before reading it).
    TooLarge { max_bytes: usize },
    /// The file is empty (or only white space).
    Empty,
    /// Not UTF-8 text: a binary file, or another encoding (UTF-16…).
    NotText,
    /// Not JSON at this place.
    Syntax { at: Pos },
    /// Arrays and objects nested deeper than `max`.
    TooDeep { max: usize, at: Pos },
    /// An array or object with more than `max` elements.
    TooManyItems { max: usize, at: Pos },
    /// A string longer than `max` bytes.
    StringTooLong { max: usize, at: Pos },
    /// A number too long or too large to be one of ours.
    BadNumber { at: Pos },
    /// The same key twice in one object.
    DuplicateKey { key: String, at: Pos },
    /// The file is JSON but not an object (an array, a string…).
    NotAnObject,
    /// Not a Communs record or backup (`format` missing or unknown).
    UnknownFormat,
    /// A version of the format newer than this build reads.
    FutureVersion { version: u64 },
    /// `version` missing or not a whole number.
    BadVersion,
    /// A field has the wrong type or an impossible value (`path` such as
    /// `attempts[3].score`).
    BadField { path: String, expected: Expected },
    /// More than `max` attempts.
    TooManyAttempts { max: usize },
    /// Merge: the file is another learner's (another profile id).
    OtherProfile,
    /// xAPI: the namespace is not an absolute IRI ending with `/`, or the
    /// accounts' home page is not an absolute IRI.
    BadNamespace,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for RecordError {}
