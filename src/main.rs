//! The browser's entry point: bring the prerendered page's islands to life.

fn main() {
    #[cfg(feature = "hydrate")]
    weigh_the_plan::hydrate();
}
