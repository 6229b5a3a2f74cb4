//! The attempts policy of an activity view, as a small state machine: the
//! controls are open until an answer is scored; a right answer, or a wrong one
//! with no try left, reveals the solution and the explanation; a wrong answer
//! with tries left says how many remain; a participation is thanked. Every
//! answered state offers « Recommencer », which opens the controls again and
//! keeps the count of tries (so a solution once earned is shown again at the
//! next answer). A malformed answer (nothing chosen) changes nothing.

use crate::lesson::scoring::Outcome;

/// Where the view of an activity stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Controls open: nothing answered yet, or « Recommencer » pressed.
    Open,
    /// Answered, not fully right, `left` tries before the solution is shown.
    TryAgain { left: u32 },
    /// The solution is shown (once the answer is right, `found`, or no try is left).
    Revealed { found: bool },
    /// A participation (sondage, nuage de mots, remue-méninges) was answered.
    Participated,
}

/// The attempts of one view: the phase and the tries counted so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tries {
    phase: Phase,
    tries: u32,
    limit: u32,
}

impl Tries {
    /// A view not yet answered, for an activity allowing `allowed` tries
    /// before the solution (`Activity::attempts`; 0 counts as 1).
    pub fn new(allowed: u8) -> Tries {
        Tries { phase: Phase::Open, tries: 0, limit: u32::from(allowed.max(1)) }
    }

    /// After `outcome` was scored. Ignored unless the controls are open, and
    /// for a malformed answer (it is not a try).
    pub fn answer(self, outcome: &Outcome) -> Tries {
        if self.phase != Phase::Open || outcome.malformed {
            return self;
        }
        let tries = self.tries.saturating_add(1);
        let phase = if outcome.participation_only {
            Phase::Participated
        } else if outcome.correct || tries >= self.limit {
            Phase::Revealed { found: outcome.correct }
        } else {
            Phase::TryAgain { left: self.limit - tries }
        };
        Tries { phase, tries, ..self }
    }

    /// « Recommencer »: the controls open again; tries are kept.
    pub fn retry(self) -> Tries {
        Tries { phase: Phase::Open, ..self }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Answers counted in this view.
    pub fn tries(&self) -> u32 {
        self.tries
    }

    /// An answer is shown: the controls are locked and « Recommencer » is offered.
    pub fn answered(&self) -> bool {
        self.phase != Phase::Open
    }

    /// The solution is shown (and missed items are marked, hints are no longer offered).
    pub fn revealed(&self) -> bool {
        matches!(self.phase, Phase::Revealed { .. })
    }

    /// The explanation is shown: once revealed, or after a participation.
    pub fn explained(&self) -> bool {
        matches!(self.phase, Phase::Revealed { .. } | Phase::Participated)
    }

    /// Tries left before the solution, while there are some after a wrong answer.
    pub fn tries_left(&self) -> Option<u32> {
        match self.phase {
            Phase::TryAgain { left } => Some(left),
            _ => None,
        }
    }
}
