//! Per-point counts of a class: how many students, and for each point how
//! many tagged it Russia, Ukraine or Neutral, or left it untagged.
//!
//! Each point's counts are a [`Tally`] whose total is the number of students,
//! so `Tally::percent` gives a share of the class, rounded like every other
//! percentage on the page.

use crate::tags::{Tag, Tags};
use crate::tally::{percent, Tally};
use crate::POINT_COUNT;

/// The class's answers, point by point. The fields stay private so that every
/// value keeps its invariant: each point's four counts add up to `students`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassCounts {
    students: usize,
    points: [Tally; POINT_COUNT],
}

impl Default for ClassCounts {
    fn default() -> Self {
        ClassCounts { students: 0, points: [Tally::default(); POINT_COUNT] }
    }
}

impl ClassCounts {
    /// Counts a class, one `Tags` a student (empty ones count as students
    /// who tagged nothing: leaving them out is the caller's choice).
    pub fn count<'a>(students: impl IntoIterator<Item = &'a Tags>) -> Self {
        let mut counts = ClassCounts::default();
        for tags in students {
            counts.add(tags);
        }
        counts
    }

    /// Adds one student.
    pub fn add(&mut self, tags: &Tags) {
        self.students += 1;
        for (tally, tag) in self.points.iter_mut().zip(tags.as_array()) {
            *tally = add_one(*tally, *tag);
        }
    }

    /// Rebuilds counts from the number of students and, per point in order,
    /// how many tagged it Russia, Ukraine, Neutral. `None` when there is not
    /// one triple per point or a point's triple adds up to more than the class.
    pub fn from_tagged(students: usize, tagged: &[[usize; 3]]) -> Option<Self> {
        if tagged.len() != POINT_COUNT {
            return None;
        }
        let mut points = [Tally::default(); POINT_COUNT];
        for (tally, &[russia, ukraine, neutral]) in points.iter_mut().zip(tagged) {
            let sum = russia.checked_add(ukraine)?.checked_add(neutral)?;
            let untagged = students.checked_sub(sum)?;
            *tally = Tally { russia, ukraine, neutral, untagged };
        }
        Some(ClassCounts { students, points })
    }

    pub fn students(&self) -> usize {
        self.students
    }

    /// Counts of point `number` (1-based); `None` out of range.
    pub fn point(&self, number: u8) -> Option<&Tally> {
        self.points.get(usize::from(number).checked_sub(1)?)
    }

    /// Every point's counts; index `i` is point `i + 1`.
    pub fn tallies(&self) -> &[Tally; POINT_COUNT] {
        &self.points
    }

    /// (number, counts) for every point, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u8, &Tally)> + '_ {
        self.points.iter().enumerate().map(|(i, t)| (i as u8 + 1, t))
    }

    /// Share of the class (untagged included) in `category` on point `number`,
    /// as a rounded whole percentage; 0 for an empty class or an unknown point.
    pub fn percent(&self, number: u8, category: Option<Tag>) -> u8 {
        self.point(number).map_or(0, |t| t.percent(category))
    }

    /// Share of those who tagged point `number` who chose `tag`.
    pub fn percent_of_tagged(&self, number: u8, tag: Tag) -> u8 {
        self.point(number).map_or(0, |t| percent(t.get(Some(tag)), t.tagged()))
    }

    /// The whole class's tally: every student's every point, summed.
    pub fn overall(&self) -> Tally {
        self.points.iter().fold(Tally::default(), |sum, t| add_tallies(sum, *t))
    }

    /// The tally of some points only (a theme's, say); unknown numbers are skipped.
    pub fn overall_of(&self, numbers: impl IntoIterator<Item = u8>) -> Tally {
        numbers.into_iter().filter_map(|n| self.point(n)).fold(Tally::default(), |sum, t| add_tallies(sum, *t))
    }
}

fn add_one(mut tally: Tally, tag: Option<Tag>) -> Tally {
    match tag {
        Some(Tag::Russia) => tally.russia += 1,
        Some(Tag::Ukraine) => tally.ukraine += 1,
        Some(Tag::Neutral) => tally.neutral += 1,
        None => tally.untagged += 1,
    }
    tally
}

fn add_tallies(a: Tally, b: Tally) -> Tally {
    Tally {
        russia: a.russia + b.russia,
        ukraine: a.ukraine + b.ukraine,
        neutral: a.neutral + b.neutral,
        untagged: a.untagged + b.untagged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{any_tags, tags_of as tags};
    use crate::{content, Tally};
    use proptest::prelude::*;

    #[test]
    fn counts_a_constructed_class_exactly() {
        use Tag::*;
        let class = [
            tags(&[(1, Russia), (2, Ukraine), (POINT_COUNT as u8, Neutral)]),
            tags(&[(1, Russia), (2, Russia)]),
            tags(&[(1, Ukraine), (3, Neutral)]),
            tags(&[(1, Russia)]),
        ];
        let c = ClassCounts::count(&class);
        assert_eq!(c.students(), 4);
        assert_eq!(*c.point(1).unwrap(), Tally { russia: 3, ukraine: 1, neutral: 0, untagged: 0 });
        assert_eq!(*c.point(2).unwrap(), Tally { russia: 1, ukraine: 1, neutral: 0, untagged: 2 });
        assert_eq!(*c.point(3).unwrap(), Tally { russia: 0, ukraine: 0, neutral: 1, untagged: 3 });
        assert_eq!(*c.point(POINT_COUNT as u8).unwrap(), Tally { russia: 0, ukraine: 0, neutral: 1, untagged: 3 });
        assert_eq!(*c.point(4).unwrap(), Tally { russia: 0, ukraine: 0, neutral: 0, untagged: 4 });
        assert!(c.point(0).is_none() && c.point(POINT_COUNT as u8 + 1).is_none());
        assert_eq!(c.percent(1, Some(Russia)), 75);
        assert_eq!(c.percent(2, None), 50);
        assert_eq!(c.percent_of_tagged(2, Russia), 50);
        assert_eq!(c.percent_of_tagged(4, Russia), 0);
        let all = c.overall();
        assert_eq!((all.russia, all.ukraine, all.neutral, all.untagged), (4, 2, 2, 4 * POINT_COUNT - 8));
        assert_eq!(c.overall_of([1, 2, 99]), Tally { russia: 4, ukraine: 2, neutral: 0, untagged: 2 });
        assert_eq!(c.iter().next().map(|(n, _)| n), Some(1));
        assert_eq!(c.iter().count(), POINT_COUNT);
    }

    #[test]
    fn an_empty_class_shows_zeros() {
        let c = ClassCounts::count(&[]);
        assert_eq!(c, ClassCounts::default());
        assert_eq!(c.percent(1, None), 0);
        assert_eq!(c.overall().total(), 0);
    }

    #[test]
    fn rebuilding_checks_the_sums() {
        let ok = vec![[1, 1, 1]; POINT_COUNT];
        assert_eq!(ClassCounts::from_tagged(3, &ok).unwrap().point(5).unwrap().untagged, 0);
        assert!(ClassCounts::from_tagged(2, &ok).is_none());
        assert!(ClassCounts::from_tagged(3, &ok[1..]).is_none());
        assert!(ClassCounts::from_tagged(usize::MAX, &vec![[usize::MAX, 1, 0]; POINT_COUNT]).is_none());
    }

    #[test]
    fn theme_tallies_partition_the_class() {
        let class = [tags(&[(1, Tag::Russia), (9, Tag::Neutral)]), Tags::default()];
        let c = ClassCounts::count(&class);
        let sum = content()
            .themes
            .iter()
            .map(|t| c.overall_of(content().points.iter().filter(|p| p.theme == t.id).map(|p| p.number)))
            .fold(0, |s, t| s + t.total());
        assert_eq!(sum, c.overall().total());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_point_adds_up_to_the_class(class in proptest::collection::vec(any_tags(), 0..20)) {
            let c = ClassCounts::count(&class);
            prop_assert_eq!(c.students(), class.len());
            for (_, t) in c.iter() {
                prop_assert_eq!(t.total(), class.len());
            }
            let tagged: Vec<[usize; 3]> = c.tallies().iter().map(|t| [t.russia, t.ukraine, t.neutral]).collect();
            prop_assert_eq!(ClassCounts::from_tagged(class.len(), &tagged), Some(c.clone()));
            let overall = c.overall();
            let each: usize = class.iter().map(|t| Tally::of(t).tagged()).sum();
            prop_assert_eq!(overall.tagged(), each);
        }
    }
}
