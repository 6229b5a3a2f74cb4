//! The one seeded generator of the core tests (included with `#[path]` by
//! the shared helpers and the test files that draw numbers): splitmix64,
//! through `communs_core::text::splitmix64`, with the draws tests need.
//! Same seed, same sequence, so a failing case can be replayed.
#![allow(dead_code)]

/// splitmix64 from the state in `.0` (any seed, 0 included, is fine).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        communs_core::text::splitmix64(&mut self.0)
    }
    /// `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    /// An index in `0..len` (0 when `len` is 0).
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }
    /// True `percent` times in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.index(v.len())]
    }
    /// Fisher–Yates, in place.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.index(i + 1);
            v.swap(i, j);
        }
    }
}
