//! Cross-tab merge: another tab of the same browser changed a key (the
//! `storage` event). The view takes the other tab's value at once, and the
//! writes that restore what this tab had and the other lost are planned:
//! attempt chunks are merged by attempt id, progress by lesson, and the
//! index keeps this tab's id tables when they extend the other's.
//!
//! Two tabs adding a table entry at the same moment give one position two
//! meanings in their indexes; whichever index is written last wins. No
//! stored value depends on it: a batch that adds an entry writes the ids
//! themselves in its lines and progress, not the new position (see
//! `Store::act_ref`). When the other tab's index arrives and gives other
//! meanings to positions this tab used (a later batch of this tab planned
//! before the other tab's index reached it), this tab's values that use
//! those positions are rewritten with the ids first (renumbered), then the
//! other index is taken in.

use super::codec;
use super::schema::{classify, merge_progress_entry, read_meta, KeyKind, MetaParse, MetaRead};
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
        let mut renumbered: Vec<(String, Option<String>)> = Vec::new();
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
                Some(self.progress_json(&merged, self.lessons.len()))
            }
            (KeyKind::Meta, Some(o), Some(t)) => {
                // Keep their profile list; keep our id tables if they extend theirs.
                let parsed = (read_meta(o), read_meta(t));
                if let (MetaRead::Tables(a, _), MetaRead::Tables(b, _)) = &parsed {
                    renumbered = self.renumber_before(&a.lessons, &a.acts, &b.lessons, &b.acts);
                }
                match parsed {
                    (MetaRead::Tables(a, _), MetaRead::Tables(b, _))
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
                    (MetaRead::Tables(a, _), MetaRead::Tables(b, _)) if !renumbered_is_noop(&a, &b) => {
                        // A conflict: both tabs build the same union of the two
                        // tables (common part, then the other entries in sorted
                        // order), whichever event each hears first.
                        self.apply(&external);
                        let (lessons, acts) = union_tables(&a, &b);
                        self.lessons = lessons;
                        self.acts = acts;
                        self.rebuild_indexes();
                        Some(self.meta_json())
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        self.apply(&external);
        let mut changes = renumbered;
        match union {
            Some(u) if Some(u.as_str()) != new_value => changes.insert(0, (key.to_string(), Some(u))),
            _ => {}
        }
        if changes.is_empty() {
            return WriteBatch::default();
        }
        let fix = batch_from(&self.raw, changes);
        // The view reads the result at once (applying it again is harmless).
        self.apply(&WriteBatch { ops: fix.ops.clone(), undo: Vec::new() });
        fix
    }

    /// Our values (chunks, progress) that use table positions where `ours`
    /// and `theirs` disagree, rewritten with ids, read with our tables.
    fn renumber_before(
        &self,
        our_lessons: &[String],
        our_acts: &[(u32, String)],
        their_lessons: &[String],
        their_acts: &[(u32, String)],
    ) -> Vec<(String, Option<String>)> {
        let same_lessons = our_lessons.iter().zip(their_lessons).take_while(|(a, b)| a == b).count();
        // An activity entry of a moved lesson moved too.
        let same_acts = our_acts.iter().zip(their_acts).take_while(|(a, b)| a == b && (a.0 as usize) < same_lessons).count();
        // Only a real conflict: when one table extends the other, no
        // position changes meaning.
        let conflict = |same: usize, a: usize, b: usize| same < a.min(b);
        let (lessons_moved, acts_moved) =
            (conflict(same_lessons, our_lessons.len(), their_lessons.len()), conflict(same_acts, our_acts.len(), their_acts.len()));
        if !lessons_moved && !acts_moved {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (k, v) in &self.raw {
            match classify(k) {
                KeyKind::Chunk(..) if acts_moved || lessons_moved => {
                    if let Some(new) = self.chunk_with_ids_from(v, same_acts) {
                        out.push((k.clone(), Some(new)));
                    }
                }
                KeyKind::Progress(_) if lessons_moved => {
                    let new = self.progress_json(&self.read_progress(v), same_lessons);
                    if &new != v {
                        out.push((k.clone(), Some(new)));
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// True when one of the two tables extends the other (no position changes
/// meaning between them).
fn renumbered_is_noop(a: &MetaParse, b: &MetaParse) -> bool {
    let tables_extend = |x: &MetaParse, y: &MetaParse| x.lessons.starts_with(&y.lessons) && x.acts.starts_with(&y.acts);
    tables_extend(a, b) || tables_extend(b, a)
}

/// The union of two conflicting id tables, the same whichever is `a`: the
/// part they share, then every other lesson and activity of either, sorted.
fn union_tables(a: &MetaParse, b: &MetaParse) -> (Vec<String>, Vec<(u32, String)>) {
    use std::collections::BTreeSet;
    let same_lessons = a.lessons.iter().zip(&b.lessons).take_while(|(x, y)| x == y).count();
    let same_acts = a.acts.iter().zip(&b.acts).take_while(|(x, y)| x == y && (x.0 as usize) < same_lessons).count();
    let mut lessons: Vec<String> = a.lessons[..same_lessons].to_vec();
    let tail: BTreeSet<&String> = a.lessons[same_lessons..].iter().chain(&b.lessons[same_lessons..]).collect();
    lessons.extend(tail.into_iter().filter(|l| !a.lessons[..same_lessons].contains(l)).cloned());
    let named = |m: &MetaParse, from: usize| -> Vec<(String, String)> {
        m.acts[from..].iter().filter_map(|(l, act)| Some((m.lessons.get(*l as usize)?.clone(), act.clone()))).collect()
    };
    let mut acts: Vec<(u32, String)> = a.acts[..same_acts].to_vec();
    let shared: BTreeSet<(u32, String)> = acts.iter().cloned().collect();
    let others: BTreeSet<(String, String)> = named(a, same_acts).into_iter().chain(named(b, same_acts)).collect();
    for (lesson, act) in others {
        let Some(l) = lessons.iter().position(|x| *x == lesson) else { continue };
        let entry = (l as u32, act);
        if !shared.contains(&entry) {
            acts.push(entry);
        }
    }
    (lessons, acts)
}
