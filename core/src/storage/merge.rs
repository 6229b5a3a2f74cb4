//! Cross-tab merge: another tab of the same browser changed a key (the
//! `storage` event). The view takes the other tab's value at once, and the
//! writes that restore what this tab had and the other lost are planned:
//! attempt chunks are merged by attempt id, progress by lesson, and the
//! index keeps this tab's id tables when they extend the other's.
//!
//! Known race (issue #14): two tabs interning a new id at the very same
//! moment can give one index two meanings; the fix belongs here.

use super::codec;
use super::schema::{classify, merge_progress_entry, read_meta, KeyKind, MetaRead};
use super::write::batch_from;
use super::*;

/// What a `storage` event from another tab asks of this tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChange<'a> {
    /// `localStorage.clear()`: read everything again ([`load`]).
    Cleared,
    /// One of our keys changed: hand it to [`Store::on_external_change`].
    Ours(&'a str),
    /// A key that is not Communs': nothing to do.
    NotOurs,
}

impl<'a> ExternalChange<'a> {
    /// Sorts a `storage` event by its key (`None` when storage was cleared).
    pub fn of(key: Option<&'a str>) -> ExternalChange<'a> {
        match key {
            None => ExternalChange::Cleared,
            Some(k) if k.starts_with(PREFIX) => ExternalChange::Ours(k),
            Some(_) => ExternalChange::NotOurs,
        }
    }
}

impl Store {
    /// Another tab changed `key` (the `storage` event). Returns the writes
    /// that restore anything this tab had and the other tab's value lost
    /// (attempts are merged by id, progress entries by lesson); apply them,
    /// then [`Store::apply`] them too. The view is updated with the other
    /// tab's value at once.
    pub fn on_external_change(&mut self, key: &str, new_value: Option<&str>) -> WriteBatch {
        if self.read_only.is_some() || !key.starts_with(PREFIX) {
            return WriteBatch::default();
        }
        let ours = self.raw.get(key).cloned();
        let external =
            WriteBatch { ops: vec![WriteOp { key: key.to_string(), value: new_value.map(str::to_string) }], undo: Vec::new() };
        // Work out the union before taking their value.
        let union: Option<String> = match (classify(key), &ours, new_value) {
            (KeyKind::Chunk(pid, _), Some(o), Some(t)) if self.profile(&pid).is_some() => Some(codec::merge_chunks(o, t)),
            (KeyKind::Progress(_), Some(o), Some(t)) => {
                let a = self.read_progress(o);
                self.apply(&external);
                let b = self.read_progress(t);
                let mut merged = b;
                for (lesson, p) in a {
                    merge_progress_entry(&mut merged, &lesson, p);
                }
                Some(self.progress_json(&merged))
            }
            (KeyKind::Meta, Some(o), Some(t)) => {
                // Keep their profile list; keep our id tables if they extend theirs.
                match (read_meta(o), read_meta(t)) {
                    (MetaRead::V2(a), MetaRead::V2(b))
                        if a.lessons.len() >= b.lessons.len()
                            && a.acts.len() >= b.acts.len()
                            && a.lessons.starts_with(&b.lessons)
                            && a.acts.starts_with(&b.acts)
                            && (a.lessons.len() > b.lessons.len() || a.acts.len() > b.acts.len()) =>
                    {
                        self.apply(&external);
                        self.lessons = a.lessons;
                        self.acts = a.acts;
                        self.rebuild_indexes();
                        Some(self.meta_json())
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        self.apply(&external);
        match union {
            Some(u) if Some(u.as_str()) != new_value => batch_from(&self.raw, vec![(key.to_string(), Some(u))]),
            _ => WriteBatch::default(),
        }
    }
}
