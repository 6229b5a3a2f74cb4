//! The competency tracker: where a learner stands on the CRCN (a level from 0
//! to 8 and a Pix-like score for each of the 16 competences) and on the four
//! cycle 4 EMI goals (the school record's four mastery steps), and why. The
//! input is the learner's stored attempts and an [`EvidenceCatalogue`] saying
//! which activity is evidence of which competence, level and goal; the output
//! is a [`Profile`] in which every result lists the attempts behind it. The
//! rule and its numbers (the constants below) are explained with worked
//! examples in `docs/competency-model.md`. Results are a « positionnement
//! estimé, non certifiant », never a Pix certification: the app says so with
//! every result, in the words of the message catalogue (`communs-i18n`), as
//! it says mastery steps ([`Mastery`] is a code). The computation is one pass
//! over the attempts with no allocation per attempt, so that 10,000 attempts
//! fit the 5 ms budget of the browser.

mod catalogue;
mod profile;

pub use catalogue::{ActivityEvidence, EvidenceCatalogue};
pub use profile::{
    history, level_boundaries, profile, to_work_on, weakest, CompetenceResult, EmiResult, EvidenceItem, Mastery, NextLevel, Profile,
    WorkOn,
};

/// An attempt is a success when its score (0–100) is at least this.
pub const SUCCESS_THRESHOLD: u8 = 80;

/// Distinct activities that must succeed at a level to reach it (or every
/// activity of that level when the catalogue has fewer).
pub const REQUIRED_SUCCESSES: u32 = 2;

/// Pix-like points per level (as in Pix: level = points / 8).
pub const POINTS_PER_LEVEL: u16 = 8;

/// Highest score of one competence (8 levels × 8 points).
pub const MAX_COMPETENCE_SCORE: u16 = 64;

/// EMI: lowest success rate (in %) for « maîtrise fragile ».
pub const EMI_FRAGILE_PERCENT: u32 = 30;
/// EMI: lowest success rate (in %) for « maîtrise satisfaisante ».
pub const EMI_SATISFAISANTE_PERCENT: u32 = 60;
/// EMI: lowest success rate (in %) for « très bonne maîtrise » …
pub const EMI_TRES_BONNE_PERCENT: u32 = 80;
/// … which also needs at least this many distinct activities.
pub const EMI_TRES_BONNE_MIN_ACTIVITIES: u32 = 3;
