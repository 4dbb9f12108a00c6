//! Calibration of the camp search's threshold, `SILHOUETTE_AT`
//! (`core/src/class/camps.rs` quotes the figures):
//!
//! ```sh
//! cargo run -p plan-core --release --example camps_calibration
//! ```
//!
//! 1. Classes answering at random: how often their best grouping scores
//!    above a threshold (it should almost never reach `SILHOUETTE_AT`).
//! 2. Two planted camps: the lowest score seen, and how often the search
//!    finds two camps of the right sizes.
//!
//! It prints figures to read, it asserts nothing: the camp search's tests
//! (`core/src/class/camps/tests.rs`) check the threshold's consequences.

use plan_core::class::camps::{find_camps, Camps};
use plan_core::{Tag, Tags, POINT_COUNT};

#[path = "../src/class/camps/synthetic.rs"]
mod synthetic;
use synthetic::{random_class, two_camps, Lcg};

fn main() {
    random_classes();
    planted_camps();
}

/// The best grouping's score for classes of `n` students answering at random, `gap` in 100 untagged.
fn random_classes() {
    let mut rng = Lcg(7);
    for n in [8, 10, 12, 20, 30] {
        for gap in [0, 30, 60, 72] {
            let mut scores = Vec::new();
            for _ in 0..1000 {
                let class = random_class(&mut rng, n, gap);
                match find_camps(&class, 0) {
                    Camps::NotEnough { .. } => continue,
                    Camps::NoClearCamps { silhouette } => scores.push(silhouette),
                    Camps::Found(found) => scores.push(found.silhouette),
                }
            }
            let above = |t: f64| scores.iter().filter(|&&s| s >= t).count() as f64 / scores.len() as f64 * 100.0;
            let max = scores.iter().copied().fold(0.0, f64::max);
            println!(
                "random n={n:2} gap {gap}: runs {:4}, >=0.2 {:5.1}%, >=0.25 {:5.1}%, >=0.3 {:5.1}%, >=0.35 {:5.1}%, max {max:.3}",
                scores.len(),
                above(0.2),
                above(0.25),
                above(0.3),
                above(0.35)
            );
        }
    }
}

/// How often planted camps are found, with the right sizes.
fn planted_camps() {
    let mut rng = Lcg(11);
    for (a, b) in [(5, 3), (6, 6), (10, 5), (15, 15)] {
        for differ in [5, 10, 28] {
            for noise in [0, 20, 40] {
                let mut lo: f64 = 2.0;
                let mut found = 0;
                for _ in 0..20 {
                    let class = two_camps(&mut rng, a, b, differ, noise);
                    match find_camps(&class, 3) {
                        Camps::Found(f) => {
                            lo = lo.min(f.silhouette);
                            if f.camps.len() == 2 && f.camps[0].size == a.max(b) {
                                found += 1;
                            }
                        }
                        Camps::NoClearCamps { silhouette } => lo = lo.min(silhouette),
                        Camps::NotEnough { .. } => {}
                    }
                }
                println!("{a}+{b} differ on {differ:2}, noise {noise:2}: lowest {lo:.3}, right sizes {found}/20");
            }
        }
    }
}
