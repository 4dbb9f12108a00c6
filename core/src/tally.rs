//! Counting tags: totals, rounded percentages, per-theme breakdown (the
//! sentence a screen reader hears after each change is `words::announcement`).

use crate::content::Content;
use crate::tags::{Tag, Tags, CATEGORY_TABLE};

/// The four categories in display order (`tags::CATEGORY_TABLE`'s): the three tags, then untagged.
pub const CATEGORIES: [Option<Tag>; 4] =
    [CATEGORY_TABLE[0].tag, CATEGORY_TABLE[1].tag, CATEGORY_TABLE[2].tag, CATEGORY_TABLE[3].tag];

/// Where a category sits in `CATEGORIES`.
pub fn category_index(category: Option<Tag>) -> usize {
    CATEGORIES.iter().position(|c| *c == category).unwrap_or(3)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub russia: usize,
    pub ukraine: usize,
    pub neutral: usize,
    pub untagged: usize,
}

impl Tally {
    pub fn count_all(tags: impl IntoIterator<Item = Option<Tag>>) -> Self {
        let mut t = Tally::default();
        for tag in tags {
            match tag {
                Some(Tag::Russia) => t.russia += 1,
                Some(Tag::Ukraine) => t.ukraine += 1,
                Some(Tag::Neutral) => t.neutral += 1,
                None => t.untagged += 1,
            }
        }
        t
    }

    pub fn of(tags: &Tags) -> Self {
        Self::count_all(tags.as_array().iter().copied())
    }

    /// Moves one point from `from` to `to`: the O(1) update after a click,
    /// equal to counting again (a property test checks it).
    pub fn shift(&mut self, from: Option<Tag>, to: Option<Tag>) {
        *self.slot(from) -= 1;
        *self.slot(to) += 1;
    }

    fn slot(&mut self, tag: Option<Tag>) -> &mut usize {
        match tag {
            Some(Tag::Russia) => &mut self.russia,
            Some(Tag::Ukraine) => &mut self.ukraine,
            Some(Tag::Neutral) => &mut self.neutral,
            None => &mut self.untagged,
        }
    }

    pub fn get(&self, tag: Option<Tag>) -> usize {
        match tag {
            Some(Tag::Russia) => self.russia,
            Some(Tag::Ukraine) => self.ukraine,
            Some(Tag::Neutral) => self.neutral,
            None => self.untagged,
        }
    }

    pub fn total(&self) -> usize {
        self.russia + self.ukraine + self.neutral + self.untagged
    }

    pub fn tagged(&self) -> usize {
        self.total() - self.untagged
    }

    /// Share of all points, rounded half up (see `percent`).
    pub fn percent(&self, tag: Option<Tag>) -> u8 {
        percent(self.get(tag), self.total())
    }
}

/// `count` as a whole percentage of `total`, rounded half up. Each category is
/// rounded on its own so that equal counts always show equal percentages (the
/// four may then add up to 99 or 101, which readers forgive more readily).
pub fn percent(count: usize, total: usize) -> u8 {
    if total == 0 {
        return 0;
    }
    // In 64 bits: on wasm32 `count * 200` overflows from 21 million.
    let (count, total) = (count as u64, total as u64);
    ((count * 200 + total) / (2 * total)) as u8
}

/// Tally of the points under one theme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeTally {
    pub label: &'static str,
    pub points: Vec<u8>,
    pub tally: Tally,
}

/// One tally per theme, in the content's theme order.
pub fn by_theme(content: &Content, tags: &Tags) -> Vec<ThemeTally> {
    content
        .themes
        .iter()
        .map(|theme| {
            let points: Vec<u8> = content.points.iter().filter(|p| p.theme == theme.id).map(|p| p.number).collect();
            let tally = Tally::count_all(points.iter().map(|&n| tags.get(n)));
            ThemeTally { label: theme.label, points, tally }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::strategies::any_tags;
    use crate::POINT_COUNT;
    use proptest::prelude::*;

    const LAST: u8 = POINT_COUNT as u8;

    #[test]
    fn empty_tags_are_all_untagged() {
        let t = Tally::of(&Tags::default());
        assert_eq!(t, Tally { russia: 0, ukraine: 0, neutral: 0, untagged: POINT_COUNT });
        assert_eq!(t.percent(None), 100);
        assert_eq!(t.percent(Some(Tag::Russia)), 0);
    }

    #[test]
    fn counts_exactly() {
        let mut tags = Tags::default();
        tags.set(1, Some(Tag::Russia));
        tags.set(2, Some(Tag::Russia));
        tags.set(3, Some(Tag::Ukraine));
        tags.set(LAST, Some(Tag::Neutral));
        let t = Tally::of(&tags);
        assert_eq!((t.russia, t.ukraine, t.neutral, t.untagged), (2, 1, 1, 24));
        assert_eq!(t.untagged, POINT_COUNT - 4);
        // Each category rounded on its own, half up.
        let p: Vec<u8> = CATEGORIES.map(|x| t.percent(x)).to_vec();
        let expect = |c: usize| ((c * 200 + POINT_COUNT) / (2 * POINT_COUNT)) as u8;
        assert_eq!(p, vec![expect(2), expect(1), expect(1), expect(POINT_COUNT - 4)]);
        assert_eq!(percent(2, 28), 7);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
    }

    #[test]
    fn themes_partition_the_points() {
        let by = by_theme(content(), &Tags::default());
        let mut all: Vec<u8> = by.iter().flat_map(|t| t.points.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (1..=LAST).collect::<Vec<u8>>());
    }

    proptest! {
        #[test]
        fn counts_always_sum_to_the_point_count(tags in any_tags()) {
            prop_assert_eq!(Tally::of(&tags).total(), POINT_COUNT);
        }

        #[test]
        fn percentages_round_to_nearest_and_equal_counts_match(tags in any_tags()) {
            let t = Tally::of(&tags);
            let cats = [Some(Tag::Russia), Some(Tag::Ukraine), Some(Tag::Neutral), None];
            let sum: u32 = cats.iter().map(|&c| u32::from(t.percent(c))).sum();
            prop_assert!((98..=102).contains(&sum));
            for a in cats {
                let exact = t.get(a) as f64 * 100.0 / POINT_COUNT as f64;
                prop_assert!((f64::from(t.percent(a)) - exact).abs() <= 0.5);
                for b in cats {
                    if t.get(a) == t.get(b) {
                        prop_assert_eq!(t.percent(a), t.percent(b));
                    }
                }
            }
        }

        #[test]
        fn shifting_equals_counting_again(tags in any_tags(), n in 1u8..=LAST, tag in 0u8..4) {
            let to = Tag::from_bits(tag);
            let mut shifted = Tally::of(&tags);
            shifted.shift(tags.get(n), to);
            let mut changed = tags;
            changed.set(n, to);
            prop_assert_eq!(shifted, Tally::of(&changed));
        }

        #[test]
        fn theme_tallies_add_up_to_the_whole(tags in any_tags()) {
            let whole = Tally::of(&tags);
            let by = by_theme(content(), &tags);
            for tag in [None, Some(Tag::Russia), Some(Tag::Ukraine), Some(Tag::Neutral)] {
                prop_assert_eq!(by.iter().map(|t| t.tally.get(tag)).sum::<usize>(), whole.get(tag));
            }
        }
    }
}
