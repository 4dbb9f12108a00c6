//! The browser's entry point: hydrate the prerendered page.

fn main() {
    #[cfg(feature = "hydrate")]
    weigh_the_plan::hydrate();
}
