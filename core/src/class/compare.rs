//! A reader's own tags beside the class's most common answers.

use super::measures::{leading, Leading};
use super::ClassCounts;
use crate::tags::{Tag, Tags};

/// How the reader's tag on a point stands to the class's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The reader chose the class's single most common answer.
    Matches,
    /// The reader chose one of the answers tied for first.
    InTie,
    /// The reader chose an answer that is not the class's most common.
    Differs,
    /// The reader left the point untagged, or nobody in the class tagged it.
    NotComparable,
}

/// One point of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PointComparison {
    pub number: u8,
    pub yours: Option<Tag>,
    pub class: Leading,
    pub verdict: Verdict,
}

/// How many points fall under each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ComparisonSummary {
    pub matches: usize,
    pub in_tie: usize,
    pub differs: usize,
    pub not_comparable: usize,
}

impl ComparisonSummary {
    /// Points where both the reader and the class answered.
    pub fn comparable(&self) -> usize {
        self.matches + self.in_tie + self.differs
    }
}

pub fn verdict(yours: Option<Tag>, class: Leading) -> Verdict {
    match (yours, class) {
        (None, _) | (_, Leading::NoAnswers) => Verdict::NotComparable,
        (Some(t), Leading::Answer(a)) if t == a => Verdict::Matches,
        (Some(t), Leading::Tie(..)) if class.includes(t) => Verdict::InTie,
        _ => Verdict::Differs,
    }
}

/// Every point, in order.
pub fn compare_with_class(yours: &Tags, class: &ClassCounts) -> Vec<PointComparison> {
    class
        .iter()
        .map(|(number, tally)| {
            let (mine, class) = (yours.get(number), leading(tally));
            PointComparison { number, yours: mine, class, verdict: verdict(mine, class) }
        })
        .collect()
}

pub fn summarize(points: &[PointComparison]) -> ComparisonSummary {
    let mut s = ComparisonSummary::default();
    for p in points {
        match p.verdict {
            Verdict::Matches => s.matches += 1,
            Verdict::InTie => s.in_tie += 1,
            Verdict::Differs => s.differs += 1,
            Verdict::NotComparable => s.not_comparable += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{any_tags, tags_of as tags};
    use crate::POINT_COUNT;
    use proptest::prelude::*;
    use Tag::*;

    #[test]
    fn each_verdict() {
        let class = ClassCounts::count(&[
            tags(&[(1, Russia), (2, Russia), (3, Neutral)]),
            tags(&[(1, Russia), (2, Ukraine), (3, Neutral)]),
            tags(&[(1, Ukraine)]),
        ]);
        let me = tags(&[(1, Russia), (2, Ukraine), (3, Russia), (4, Neutral)]);
        let points = compare_with_class(&me, &class);
        assert_eq!(points.len(), POINT_COUNT);
        assert_eq!(points[0].class, Leading::Answer(Russia));
        assert_eq!(points[0].verdict, Verdict::Matches);
        assert_eq!(points[1].class, Leading::Tie(Russia, Ukraine, None));
        assert_eq!(points[1].verdict, Verdict::InTie);
        assert_eq!(points[2].verdict, Verdict::Differs);
        assert_eq!(points[3].class, Leading::NoAnswers);
        assert_eq!(points[3].verdict, Verdict::NotComparable);
        assert_eq!(points[4].verdict, Verdict::NotComparable);
        assert_eq!(points[0].yours, Some(Russia));
        let s = summarize(&points);
        assert_eq!(s, ComparisonSummary { matches: 1, in_tie: 1, differs: 1, not_comparable: POINT_COUNT - 3 });
        assert_eq!(s.comparable(), 3);
        assert_eq!(verdict(Some(Neutral), Leading::Tie(Russia, Ukraine, None)), Verdict::Differs);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn summary_covers_every_point(me in any_tags(), class in proptest::collection::vec(any_tags(), 0..6)) {
            let s = summarize(&compare_with_class(&me, &ClassCounts::count(&class)));
            prop_assert_eq!(s.comparable() + s.not_comparable, POINT_COUNT);
            // A one-student class matches that student wherever they tagged.
            if class.len() == 1 {
                let own = summarize(&compare_with_class(&class[0], &ClassCounts::count(&class)));
                prop_assert_eq!(own.matches, POINT_COUNT - class[0].numbers_with(None).len());
            }
        }
    }
}
