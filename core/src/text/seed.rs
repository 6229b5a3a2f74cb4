//! Stable orders without a randomness source: [`hash_seed`] (FNV-1a, 64-bit)
//! turns names into a seed, [`splitmix64`] draws from it and
//! [`seeded_shuffle`] (Fisher–Yates) makes the display order of an
//! activity's options. Same inputs, same permutation, on every platform and
//! every version of this crate: changing any of them reorders the options
//! every learner sees, and the tests pin their outputs.

/// One step of splitmix64: advances `state` and returns the next value.
///
/// ```
/// use communs_core::text::splitmix64;
/// let mut state = 0;
/// assert_eq!(splitmix64(&mut state), 0xe220_a839_7b1d_cdaf);
/// ```
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A deterministic permutation of `0..len`: `result[display_position]` is the
/// author index shown at that position. Splitmix64 seeded with `seed`, then a
/// Fisher–Yates shuffle (bounded draws by 128-bit multiply-shift). Same
/// `(len, seed)`, same permutation, everywhere.
///
/// ```
/// use communs_core::text::seeded_shuffle;
/// assert_eq!(seeded_shuffle(5, 42), vec![1, 2, 4, 0, 3]);
/// ```
pub fn seeded_shuffle(len: usize, seed: u64) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..len).collect();
    let mut state = seed;
    let mut i = len;
    while i > 1 {
        let r = splitmix64(&mut state);
        // j uniform-ish in 0..i (bias < i / 2^64, negligible).
        let j = ((u128::from(r) * i as u128) >> 64) as usize;
        i -= 1;
        perm.swap(i, j.min(i));
    }
    perm
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64-bit, continuing from the hash `h`.
fn fnv1a_64_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        h ^= u64::from(byte);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// FNV-1a, 64-bit, of `bytes` (the published algorithm, as is).
///
/// ```
/// use communs_core::text::fnv1a_64;
/// assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
/// ```
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    fnv1a_64_from(FNV_OFFSET, bytes)
}

/// [`fnv1a_64`] of the parts, each part followed by a 0xFF separator byte
/// (never present in UTF-8), so `["ab", "c"]` and `["a", "bc"]` differ.
/// Typical use: `hash_seed(&[profile_id, lesson_id, activity_id])` as the
/// seed of [`seeded_shuffle`].
///
/// ```
/// use communs_core::text::hash_seed;
/// assert_ne!(hash_seed(&["ab", "c"]), hash_seed(&["a", "bc"]));
/// assert_eq!(hash_seed(&[]), 0xcbf2_9ce4_8422_2325);
/// ```
pub fn hash_seed(parts: &[&str]) -> u64 {
    parts.iter().fold(FNV_OFFSET, |h, part| fnv1a_64_from(fnv1a_64_from(h, part.as_bytes()), &[0xff]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_64_published_vectors() {
        // FNV-1a 64-bit test vectors of the FNV authors (Fowler, Noll, Vo;
        // draft-eastlake-fnv), not recomputed here.
        let cases: &[(&[u8], u64)] =
            &[(b"", 0xcbf2_9ce4_8422_2325), (b"a", 0xaf63_dc4c_8601_ec8c), (b"foobar", 0x8594_4171_f739_67e8)];
        for (input, expected) in cases {
            assert_eq!(fnv1a_64(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn hash_seed_is_fnv1a_of_the_separated_parts() {
        let cases: &[(&[&str], &[u8])] = &[
            (&[], b""),
            (&[""], b"\xff"),
            (&["a"], b"a\xff"),
            (&["foo", "bar"], b"foo\xffbar\xff"),
            (&["", "droit-auteur", "q1"], b"\xffdroit-auteur\xffq1\xff"),
        ];
        for (parts, bytes) in cases {
            assert_eq!(hash_seed(parts), fnv1a_64(bytes), "{parts:?}");
        }
    }

    #[test]
    fn hash_seed_pinned_values() {
        // Seeds of learners' display orders: changing a value here changes
        // the order of the options every learner sees.
        let cases: &[(&[&str], u64)] = &[
            (&[], 0xcbf2_9ce4_8422_2325),
            (&[""], 0xaf64_724c_8602_eb6e),
            (&["a"], 0x089b_c907_b544_c769),
            (&["ab", "c"], 0x20ba_9b30_25a8_b421),
            (&["a", "bc"], 0xa0a3_542c_19b9_00ab),
            (&["", "droit-auteur", "q1"], 0x31d3_593c_bdea_6f05),
            (&["", "droit-auteur", "q2"], 0x31dd_593c_bdf2_c38a),
            (&["p1", "l1", "a1"], 0x1b33_746e_c769_26d8),
        ];
        for (parts, expected) in cases {
            assert_eq!(hash_seed(parts), *expected, "{parts:?}");
        }
    }

    #[test]
    fn splitmix64_reference_values() {
        // The first outputs of the reference splitmix64 (Vigna) from state 0.
        let mut state = 0u64;
        let got: Vec<u64> = (0..3).map(|_| splitmix64(&mut state)).collect();
        assert_eq!(got, vec![0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f]);
        let mut state = 1_234_567u64;
        assert_eq!(splitmix64(&mut state), 0x599e_d017_fb08_fc85);
    }

    #[test]
    fn shuffle_pinned_permutations() {
        // Today's orders, computed once and written down: changing one of
        // them changes the order of the options every learner sees.
        let cases: &[(usize, u64, &[usize])] = &[
            (0, 42, &[]),
            (1, 42, &[0]),
            (2, 0, &[0, 1]),
            (3, 1, &[0, 2, 1]),
            (4, 42, &[1, 3, 0, 2]),
            (5, 42, &[1, 2, 4, 0, 3]),
            (8, 1, &[0, 3, 7, 1, 2, 6, 5, 4]),
            (8, 2, &[0, 2, 7, 1, 6, 3, 5, 4]),
            (10, 0xdead_beef, &[4, 8, 9, 5, 6, 1, 3, 0, 7, 2]),
            (6, u64::MAX, &[3, 2, 1, 0, 4, 5]),
            (4, 0x31d3_593c_bdea_6f05, &[1, 3, 0, 2]),
            (4, 0x31dd_593c_bdf2_c38a, &[3, 2, 0, 1]),
        ];
        for (len, seed, expected) in cases {
            assert_eq!(seeded_shuffle(*len, *seed), *expected, "len {len}, seed {seed:#x}");
        }
    }

    #[test]
    fn shuffle_is_a_permutation() {
        for len in 0..40usize {
            for seed in [0u64, 1, 42, u64::MAX, 0xdead_beef] {
                let mut sorted = seeded_shuffle(len, seed);
                sorted.sort_unstable();
                assert_eq!(sorted, (0..len).collect::<Vec<_>>(), "len {len}, seed {seed:#x}");
            }
        }
    }

    #[test]
    fn shuffle_is_roughly_uniform() {
        // Each of the 6 permutations of 3 items should appear about 1/6 of the time.
        let mut counts = std::collections::HashMap::new();
        for seed in 0..6000u64 {
            *counts.entry(seeded_shuffle(3, hash_seed(&[&seed.to_string()]))).or_insert(0u32) += 1;
        }
        assert_eq!(counts.len(), 6);
        for (perm, n) in counts {
            assert!((800..1200).contains(&n), "{perm:?} appeared {n} times");
        }
    }
}
