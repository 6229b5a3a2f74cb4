//! What an activity does around scoring, in plain data the app lays out: the
//! attempts policy of a view ([`attempts`]), the walk through a scenario and
//! its best path ([`scenario`]), the tallies of participation answers (polls,
//! word clouds, idea walls: [`participation`]), display orders ([`order`]) and
//! where a learner resumes a lesson ([`resume`]). Scoring itself is
//! [`crate::lesson::scoring`]. Everything here is total: bad input gives an
//! empty or neutral result, never a panic.

pub mod attempts;
pub mod order;
pub mod participation;
pub mod resume;
pub mod scenario;
