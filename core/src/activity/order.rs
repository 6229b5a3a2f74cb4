//! Display orders: the options of an activity are shown in a shuffled order,
//! the same for one learner and one activity at every visit (seeded, see
//! [`crate::text::seeded_shuffle`]), while responses keep author indices.

use crate::text::{hash_seed, seeded_shuffle};

/// The display order of `len` items (author indices) for the activity's
/// `seed`; `salt` tells apart several lists of one activity (0 for the main
/// list, then e.g. one per blank or per scenario situation).
pub fn display_order(seed: u64, len: usize, salt: usize) -> Vec<usize> {
    let seed = if salt == 0 { seed } else { hash_seed(&[&seed.to_string(), &salt.to_string()]) };
    seeded_shuffle(len, seed)
}

/// The starting order of a remise-en-ordre: the display order, turned by one
/// place when it happens to be already right (two equal items are
/// interchangeable), so there is always something to do.
pub fn ordering_start<T: PartialEq>(items: &[T], seed: u64) -> Vec<usize> {
    let mut start = display_order(seed, items.len(), 0);
    let already_right = start.iter().enumerate().all(|(p, &a)| items.get(a) == items.get(p));
    if items.len() > 1 && already_right {
        start.rotate_left(1);
    }
    start
}
