//! Where a learner resumes a lesson: the activity after the last one (in the
//! lesson's order) that they answered, or the last activity when that was the
//! last one; nowhere when none was answered. The position stored in the
//! lesson progress is that activity's index.

use std::collections::HashSet;

use crate::storage::{Attempt, LessonStatus};

/// The activity to resume at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResumePoint {
    /// Its index in the lesson's activity order (the stored position).
    pub index: usize,
    /// Its id.
    pub activity: String,
}

impl ResumePoint {
    /// The position to store, when the lesson is in progress and its stored
    /// position is not this one yet (a finished lesson is left as it is).
    pub fn position_to_store(&self, status: Option<LessonStatus>, stored: Option<u32>) -> Option<u32> {
        let position = u32::try_from(self.index).unwrap_or(u32::MAX);
        (status == Some(LessonStatus::InProgress) && stored != Some(position)).then_some(position)
    }
}

/// The resume point of `lesson`, whose activities are `order` (ids in the
/// order of the text), from the learner's `attempts` (any lessons).
pub fn resume_point(lesson: &str, order: &[String], attempts: &[Attempt]) -> Option<ResumePoint> {
    let answered: HashSet<&str> = attempts.iter().filter(|t| t.lesson == lesson).map(|t| t.activity.as_str()).collect();
    let last = order.iter().rposition(|id| answered.contains(id.as_str()))?;
    let index = (last + 1).min(order.len().saturating_sub(1));
    Some(ResumePoint { index, activity: order.get(index)?.clone() })
}
