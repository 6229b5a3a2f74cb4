//! Quarantine: values that could not be read are set aside under
//! `communs.q.<hash>` (`{"from": key, "reason": "…", "raw": "…"}`, the hash
//! of origin and content as name, so loading twice does not duplicate) and
//! never deleted. This module names and encodes those values, reads them
//! back, and makes the file a learner downloads to keep them
//! (`{"format":"communs-donnees-mises-de-cote","valeurs":[…]}`).

use super::{codec, QUARANTINE_PREFIX};
use serde_json::Value;

/// `format` of the file of values set aside.
pub const QUARANTINE_FILE_FORMAT: &str = "communs-donnees-mises-de-cote";

/// A value set aside because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// The quarantine key holding it (`communs.q.…`).
    pub key: String,
    /// The key it came from.
    pub from: String,
    /// Why, in French.
    pub reason: String,
    /// The raw text, exactly as it was.
    pub raw: String,
}

impl Quarantined {
    /// The quarantine entry of `raw`, read from `from`, with its key.
    pub(crate) fn new(from: &str, reason: &str, raw: &str) -> Quarantined {
        let h = crate::text::hash_seed(&[from, raw]);
        Quarantined {
            key: format!("{QUARANTINE_PREFIX}{}", codec::id_from_random(h)),
            from: from.to_string(),
            reason: reason.to_string(),
            raw: raw.to_string(),
        }
    }

    /// The value stored under [`Quarantined::key`].
    pub(crate) fn value(&self) -> String {
        serde_json::json!({ "from": self.from, "reason": self.reason, "raw": self.raw }).to_string()
    }

    /// Reads a stored quarantine value. A value that is not one (written by
    /// hand, damaged) is listed as its own raw text, from its own key.
    pub(crate) fn read(key: &str, value: &str) -> Quarantined {
        let v: Option<Value> = serde_json::from_str(value).ok();
        let field = |name: &str| v.as_ref().and_then(|v| v.get(name)).and_then(Value::as_str).map(str::to_string);
        match (field("from"), field("raw")) {
            (Some(from), Some(raw)) => Quarantined { key: key.to_string(), from, reason: field("reason").unwrap_or_default(), raw },
            _ => Quarantined { key: key.to_string(), from: key.to_string(), reason: String::new(), raw: value.to_string() },
        }
    }
}

/// The file of values set aside, to download: every entry with its
/// quarantine key (`cle`), origin (`origine`), reason (`raison`) and raw
/// text (`donnees`), in French field names for whoever opens it.
pub fn quarantine_document(values: &[Quarantined]) -> String {
    let list: Vec<Value> =
        values.iter().map(|q| serde_json::json!({ "cle": q.key, "origine": q.from, "raison": q.reason, "donnees": q.raw })).collect();
    serde_json::json!({ "format": QUARANTINE_FILE_FORMAT, "valeurs": list }).to_string()
}
