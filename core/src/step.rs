//! The steps of the page a reader moves through: story steps, point cards,
//! the summary. A step's id is written into the DOM (`data-step`, the
//! `data-steps` lists of panels that belong to steps) by the prerendered page
//! and read back by the step observer: one type does both, so the two can
//! never disagree.

use crate::POINT_COUNT;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// A step of the narrative, by its position.
    Story(usize),
    /// A point's card.
    Point(u8),
    /// The summary after the last card.
    End,
}

impl Step {
    /// The point this step is at or past (0 before the first point).
    pub fn point_reached(self) -> u8 {
        match self {
            Step::Story(_) => 0,
            Step::Point(n) => n,
            Step::End => POINT_COUNT as u8,
        }
    }

    /// Every point's step, in order.
    pub fn points() -> impl Iterator<Item = Step> {
        (1..=POINT_COUNT as u8).map(Step::Point)
    }

    /// A space-separated list of step ids (a panel's `data-steps`).
    pub fn list(steps: impl IntoIterator<Item = Step>) -> String {
        steps.into_iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" ")
    }

    /// Whether this step is in a `data-steps` list.
    pub fn in_list(self, list: &str) -> bool {
        list.split_ascii_whitespace().any(|id| id.parse() == Ok(self))
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Story(i) => write!(f, "story-{i}"),
            Step::Point(n) => write!(f, "point-{n}"),
            Step::End => f.write_str("end"),
        }
    }
}

/// Not a step id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAStep;

impl FromStr for Step {
    type Err = NotAStep;

    fn from_str(id: &str) -> Result<Self, NotAStep> {
        if let Some(i) = id.strip_prefix("story-") {
            return i.parse().map(Step::Story).map_err(|_| NotAStep);
        }
        if let Some(n) = id.strip_prefix("point-") {
            let n: u8 = n.parse().map_err(|_| NotAStep)?;
            return (1..=POINT_COUNT as u8).contains(&n).then_some(Step::Point(n)).ok_or(NotAStep);
        }
        (id == "end").then_some(Step::End).ok_or(NotAStep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ids_read_back_as_the_same_step() {
        for step in [Step::Story(0), Step::Story(6), Step::Point(1), Step::Point(POINT_COUNT as u8), Step::End] {
            assert_eq!(step.to_string().parse(), Ok(step));
        }
        assert_eq!(Step::Point(12).to_string(), "point-12");
        for bad in ["", "point-0", &format!("point-{}", POINT_COUNT + 1), "story-", "story-x", "End", "point-1 "] {
            assert_eq!(bad.parse::<Step>(), Err(NotAStep), "{bad:?}");
        }
    }

    #[test]
    fn lists_name_their_steps() {
        let map = Step::list([Step::Point(21), Step::Point(22), Step::Point(23)]);
        assert_eq!(map, "point-21 point-22 point-23");
        assert!(Step::Point(22).in_list(&map));
        assert!(!Step::Point(2).in_list(&map) && !Step::End.in_list(&map));
        assert_eq!(Step::Point(5).point_reached(), 5);
        assert_eq!(Step::End.point_reached() as usize, POINT_COUNT);
    }

    proptest! {
        #[test]
        fn any_text_parses_or_is_refused_without_panic(text in "\\PC{0,20}") {
            if let Ok(step) = text.parse::<Step>() {
                prop_assert_eq!(step.to_string(), text);
            }
        }
    }
}
