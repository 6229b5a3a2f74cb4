//! The typed records of the teacher's space and their JSON (schema v1):
//! projection sequences (#19), class rosters with the **pseudonym keys**
//! that tie a pupil's pseudonym to their real name on the teacher's device
//! only (the record's class view #17/#18, answer cards #29), local lessons of
//! the workshop (#22), the descriptions of kept files (images, class files;
//! their bytes are in the files store) and the teacher's settings. Each
//! record is validated when read and before it is planned; each knows its
//! key in the records store. Field names are French, like the exports.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::area::SpaceError;
use crate::storage::{Timestamp, DIGITS, MAX_ID_CHARS, MAX_TIMESTAMP, MIN_TIMESTAMP};

/// Version written in every record's `v`.
pub const RECORD_VERSION: u64 = 1;
/// Longest title or name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Most steps in a sequence.
pub const MAX_STEPS: usize = 200;
/// Most pupils in a roster.
pub const MAX_PUPILS: usize = 60;
/// Most images of a local lesson.
pub const MAX_IMAGES: usize = 100;
/// Highest answer card number.
pub const MAX_CARD: u16 = 999;
/// Longest MIME type.
const MAX_MIME_CHARS: usize = 100;

/// A record id: 1 to 32 characters of [`DIGITS`] (the app makes 8 from a random number).
pub fn valid_record_id(id: &str) -> bool {
    (1..=32).contains(&id.len()) && id.bytes().all(|b| DIGITS.contains(&b))
}

/// Eight digits of [`DIGITS`] from a random number (mixed first, so a
/// 32-bit random gives spread ids).
pub fn record_id(random: u64) -> String {
    let mut state = random;
    let r = crate::text::splitmix64(&mut state);
    (0..8).map(|i| char::from(DIGITS.get(((r >> (6 * i)) & 63) as usize).copied().unwrap_or(b'0'))).collect()
}

fn valid_name(s: &str) -> bool {
    let n = s.chars().count();
    (1..=MAX_NAME_CHARS).contains(&n) && !s.chars().any(char::is_control) && !s.trim().is_empty()
}

fn valid_lesson_id(s: &str) -> bool {
    let n = s.chars().count();
    (1..=MAX_ID_CHARS).contains(&n) && !s.chars().any(char::is_control)
}

fn check_time(t: Timestamp) -> Result<(), SpaceError> {
    if (MIN_TIMESTAMP..MAX_TIMESTAMP).contains(&t) {
        Ok(())
    } else {
        Err(SpaceError::BadDate)
    }
}

fn name(s: &str) -> Result<(), SpaceError> {
    if valid_name(s) {
        Ok(())
    } else {
        Err(SpaceError::BadName { max: MAX_NAME_CHARS })
    }
}

fn id(s: &str) -> Result<(), SpaceError> {
    if valid_record_id(s) {
        Ok(())
    } else {
        Err(SpaceError::BadId)
    }
}

fn at_most<T>(list: &[T], max: usize) -> Result<(), SpaceError> {
    if list.len() <= max {
        Ok(())
    } else {
        Err(SpaceError::TooMany { max })
    }
}

/// One step of a sequence: a lesson, and optionally a place in it (an
/// activity id or a heading's anchor).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SequenceStep {
    #[serde(rename = "lecon")]
    pub lesson: String,
    #[serde(rename = "ancre", default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// A projection sequence: lessons (or places in them) shown in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequence {
    pub id: String,
    #[serde(rename = "titre")]
    pub title: String,
    #[serde(rename = "etapes")]
    pub steps: Vec<SequenceStep>,
    #[serde(rename = "modifie")]
    pub updated: Timestamp,
}

/// One pupil of a roster: the **pseudonym key**, linking the pseudonym the
/// pupil uses in Communs to their real name, kept on this device only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    #[serde(rename = "pseudo")]
    pub pseudonym: String,
    #[serde(rename = "nom")]
    pub real_name: String,
    /// The pupil's profile id when known (from a class file).
    #[serde(rename = "profil", default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The number of the pupil's answer card, if one is given.
    #[serde(rename = "carte", default, skip_serializing_if = "Option::is_none")]
    pub card: Option<u16>,
}

/// A class roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub id: String,
    /// The class's name (« 4e B »).
    #[serde(rename = "nom")]
    pub name: String,
    #[serde(rename = "eleves")]
    pub pupils: Vec<RosterEntry>,
    #[serde(rename = "modifie")]
    pub updated: Timestamp,
}

/// A lesson written in the workshop, kept on this device: its Markdown
/// source and the ids of its images (kept files).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalLesson {
    pub id: String,
    #[serde(rename = "titre")]
    pub title: String,
    pub source: String,
    #[serde(default)]
    pub images: Vec<String>,
    #[serde(rename = "modifie")]
    pub updated: Timestamp,
}

/// What a kept file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    /// An image of a local lesson.
    #[serde(rename = "image")]
    Image,
    /// A class file (`communs-class`) kept for the record.
    #[serde(rename = "classe")]
    ClassFile,
    /// Anything else the teacher keeps.
    #[serde(rename = "autre")]
    Other,
}

/// The description of a kept file; its bytes are in the files store under
/// the same id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptFile {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FileKind,
    /// The file's name as chosen or made.
    #[serde(rename = "nom")]
    pub name: String,
    pub mime: String,
    /// Size of the bytes.
    #[serde(rename = "taille")]
    pub size: u64,
    #[serde(rename = "ajoute")]
    pub added: Timestamp,
}

/// The teacher's own settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherSettings {
    /// The roster chosen by default in the class view.
    #[serde(rename = "classe", default, skip_serializing_if = "Option::is_none")]
    pub default_roster: Option<String>,
    /// Text size when projecting, in per cent (100 to 300).
    #[serde(rename = "projection_texte")]
    pub projection_text: u16,
}

impl Default for TeacherSettings {
    fn default() -> TeacherSettings {
        TeacherSettings { default_roster: None, projection_text: 150 }
    }
}

/// Any record of the teacher's space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Sequence(Sequence),
    Roster(Roster),
    Lesson(LocalLesson),
    File(KeptFile),
    Settings(TeacherSettings),
}

/// The key of the teacher's settings record.
pub const SETTINGS_RECORD_KEY: &str = "reglages";

/// The key prefixes of the records store, one per kind.
const PREFIXES: [(&str, Kind); 4] =
    [("sequence.", Kind::Sequence), ("classe.", Kind::Roster), ("lecon.", Kind::Lesson), ("fichier.", Kind::File)];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sequence,
    Roster,
    Lesson,
    File,
    Settings,
}

/// What a key of the records store holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// A record key, with the record id (empty for the settings).
    Record(String),
    /// A quarantined value (`q.<hash>`).
    Quarantine,
    /// Nothing this version knows.
    Unknown,
}

/// Sorts out a key of the records store.
pub(crate) fn key_kind(key: &str) -> KeyKind {
    if key == SETTINGS_RECORD_KEY {
        return KeyKind::Record(String::new());
    }
    if key.strip_prefix("q.").is_some_and(valid_record_id) {
        return KeyKind::Quarantine;
    }
    for (prefix, _) in PREFIXES {
        if let Some(id) = key.strip_prefix(prefix).filter(|id| valid_record_id(id)) {
            return KeyKind::Record(id.to_string());
        }
    }
    KeyKind::Unknown
}

/// The key of the file description `id` (its bytes are under `id` in the files store).
pub fn file_key(id: &str) -> String {
    format!("fichier.{id}")
}

impl Record {
    fn kind(&self) -> Kind {
        match self {
            Record::Sequence(_) => Kind::Sequence,
            Record::Roster(_) => Kind::Roster,
            Record::Lesson(_) => Kind::Lesson,
            Record::File(_) => Kind::File,
            Record::Settings(_) => Kind::Settings,
        }
    }

    /// Its id (empty for the settings).
    pub fn id(&self) -> &str {
        match self {
            Record::Sequence(r) => &r.id,
            Record::Roster(r) => &r.id,
            Record::Lesson(r) => &r.id,
            Record::File(r) => &r.id,
            Record::Settings(_) => "",
        }
    }

    /// Its key in the records store.
    pub fn key(&self) -> String {
        let kind = self.kind();
        match PREFIXES.iter().find(|(_, k)| *k == kind) {
            Some((prefix, _)) => format!("{prefix}{}", self.id()),
            None => SETTINGS_RECORD_KEY.to_string(),
        }
    }

    /// Checks every field against the caps of schema v1.
    pub fn validate(&self) -> Result<(), SpaceError> {
        match self {
            Record::Sequence(s) => {
                id(&s.id)?;
                name(&s.title)?;
                at_most(&s.steps, MAX_STEPS)?;
                check_time(s.updated)?;
                let ok = s.steps.iter().all(|st| valid_lesson_id(&st.lesson) && st.anchor.as_deref().is_none_or(valid_lesson_id));
                if ok {
                    Ok(())
                } else {
                    Err(SpaceError::BadId)
                }
            }
            Record::Roster(r) => {
                id(&r.id)?;
                name(&r.name)?;
                at_most(&r.pupils, MAX_PUPILS)?;
                check_time(r.updated)?;
                let mut cards = Vec::new();
                let mut pseudonyms = Vec::new();
                for p in &r.pupils {
                    name(&p.pseudonym)?;
                    name(&p.real_name)?;
                    if p.profile.as_deref().is_some_and(|id| !valid_record_id(id)) {
                        return Err(SpaceError::BadId);
                    }
                    if let Some(c) = p.card {
                        if c == 0 || c > MAX_CARD || cards.contains(&c) {
                            return Err(SpaceError::BadSetting);
                        }
                        cards.push(c);
                    }
                    if pseudonyms.contains(&p.pseudonym.as_str()) {
                        return Err(SpaceError::BadName { max: MAX_NAME_CHARS });
                    }
                    pseudonyms.push(p.pseudonym.as_str());
                }
                Ok(())
            }
            Record::Lesson(l) => {
                id(&l.id)?;
                name(&l.title)?;
                at_most(&l.images, MAX_IMAGES)?;
                check_time(l.updated)?;
                if l.images.iter().all(|i| valid_record_id(i)) {
                    Ok(())
                } else {
                    Err(SpaceError::BadId)
                }
            }
            Record::File(f) => {
                id(&f.id)?;
                name(&f.name)?;
                check_time(f.added)?;
                let mime_ok = (1..=MAX_MIME_CHARS).contains(&f.mime.len())
                    && f.mime.bytes().all(|b| b.is_ascii_graphic())
                    && f.mime.contains('/');
                if !mime_ok {
                    return Err(SpaceError::BadSetting);
                }
                if f.size > super::area::MAX_FILE_BYTES {
                    return Err(SpaceError::FileTooLarge { max: super::area::MAX_FILE_BYTES });
                }
                Ok(())
            }
            Record::Settings(s) => {
                if !(100..=300).contains(&s.projection_text) || s.default_roster.as_deref().is_some_and(|id| !valid_record_id(id)) {
                    return Err(SpaceError::BadSetting);
                }
                Ok(())
            }
        }
    }

    /// The stored JSON: the record's fields and `"v":1`, keys in
    /// alphabetical order (serde_json's map), so the text is stable.
    pub fn encode(&self) -> String {
        let fields = match self {
            Record::Sequence(r) => serde_json::to_value(r),
            Record::Roster(r) => serde_json::to_value(r),
            Record::Lesson(r) => serde_json::to_value(r),
            Record::File(r) => serde_json::to_value(r),
            Record::Settings(r) => serde_json::to_value(r),
        };
        let mut out = serde_json::Map::new();
        out.insert("v".into(), Value::from(RECORD_VERSION));
        if let Ok(Value::Object(map)) = fields {
            out.extend(map);
        }
        Value::Object(out).to_string()
    }

    /// Reads the value stored under `key`. `Err(Decode::Newer(v))` for a
    /// record of a newer version, `Err(Decode::Bad(reason))` (a stored French
    /// phrase) when it cannot be read or breaks a rule of v1.
    pub(crate) fn decode(key: &str, raw: &str) -> Result<Record, Decode> {
        let v: Value = serde_json::from_str(raw).map_err(|_| Decode::Bad("JSON illisible"))?;
        match v.get("v").and_then(Value::as_u64) {
            Some(RECORD_VERSION) => {}
            Some(n) if n > RECORD_VERSION => return Err(Decode::Newer(n)),
            _ => return Err(Decode::Bad("sans version")),
        }
        let kind = if key == SETTINGS_RECORD_KEY {
            Kind::Settings
        } else {
            PREFIXES.iter().find(|(p, _)| key.starts_with(p)).map(|(_, k)| *k).ok_or(Decode::Bad("clé inconnue"))?
        };
        let bad = |_| Decode::Bad("champs illisibles");
        let record = match kind {
            Kind::Sequence => Record::Sequence(serde_json::from_value(v).map_err(bad)?),
            Kind::Roster => Record::Roster(serde_json::from_value(v).map_err(bad)?),
            Kind::Lesson => Record::Lesson(serde_json::from_value(v).map_err(bad)?),
            Kind::File => Record::File(serde_json::from_value(v).map_err(bad)?),
            Kind::Settings => Record::Settings(serde_json::from_value(v).map_err(bad)?),
        };
        if record.validate().is_err() {
            return Err(Decode::Bad("valeur hors des règles"));
        }
        if record.key() != key {
            return Err(Decode::Bad("clé et identifiant différents"));
        }
        Ok(record)
    }
}

/// Why a stored record was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Decode {
    /// Written by a newer version (its `v`).
    Newer(u64),
    /// Unreadable, with the reason stored in the quarantine value.
    Bad(&'static str),
}
