//! Made-up classes for the camp search: its tests, and the calibration and
//! timing examples (`core/examples/`), which include this file by path. It
//! names only what its parent module brings into scope (`Tag`, `Tags`,
//! `POINT_COUNT`), so it reads the same in both.

use super::{Tag, Tags, POINT_COUNT};

/// A small deterministic generator for test classes (no dependency).
pub struct Lcg(pub u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Every point tagged at random (or untagged with probability `gap` in 100).
pub fn random_class(rng: &mut Lcg, n: usize, gap: u64) -> Vec<Tags> {
    (0..n)
        .map(|_| {
            let mut t = Tags::default();
            for p in 1..=POINT_COUNT as u8 {
                if rng.below(100) >= gap {
                    t.set(p, Some(Tag::ALL[rng.below(3) as usize]));
                }
            }
            if t.is_empty() {
                t.set(1, Some(Tag::Neutral));
            }
            t
        })
        .collect()
}

/// Two camps of `a` and `b` students: they differ on the first `differ`
/// points (camp A Russia, camp B Ukraine) and agree (Neutral) on the rest;
/// each answer is replaced by a random one with probability `noise` in 100.
pub fn two_camps(rng: &mut Lcg, a: usize, b: usize, differ: u8, noise: u64) -> Vec<Tags> {
    (0..a + b)
        .map(|i| {
            let mut t = Tags::default();
            for p in 1..=POINT_COUNT as u8 {
                let mut tag = if p > differ {
                    Tag::Neutral
                } else if i < a {
                    Tag::Russia
                } else {
                    Tag::Ukraine
                };
                if rng.below(100) < noise {
                    tag = Tag::ALL[rng.below(3) as usize];
                }
                t.set(p, Some(tag));
            }
            t
        })
        .collect()
}
