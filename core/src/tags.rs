//! The reader's judgement of each point: a tag per point, or none.

use crate::ui;
use crate::POINT_COUNT;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    Russia,
    Ukraine,
    Neutral,
}

/// How the page names and draws one category (a tag, or untagged): the one
/// table every mapping reads (letters, share-code bits, CSS ids and colours,
/// keys, labels).
#[derive(Debug)]
pub struct CategoryInfo {
    pub tag: Option<Tag>,
    /// CSS-friendly identifier: `tag-russia`, `data-tag="russia"`.
    pub id: &'static str,
    /// The second cue beside colour (never colour alone).
    pub letter: &'static str,
    /// Two-bit code in the share codec; 0 is untagged.
    pub bits: u8,
    /// The stylesheet's colour variable.
    pub color_var: &'static str,
    /// Keyboard shortcut (either case), for the tags.
    pub key: Option<char>,
}

/// The four categories in display order: the three tags, then untagged.
pub const CATEGORY_TABLE: [CategoryInfo; 4] = [
    CategoryInfo { tag: Some(Tag::Russia), id: "russia", letter: "R", bits: 1, color_var: "--russia", key: Some('r') },
    CategoryInfo {
        tag: Some(Tag::Ukraine),
        id: "ukraine",
        letter: "U",
        bits: 2,
        color_var: "--ukraine",
        key: Some('u'),
    },
    CategoryInfo {
        tag: Some(Tag::Neutral),
        id: "neutral",
        letter: "N",
        bits: 3,
        color_var: "--neutral",
        key: Some('n'),
    },
    CategoryInfo { tag: None, id: "none", letter: "–", bits: 0, color_var: "--untagged", key: None },
];

/// A category's row in `CATEGORY_TABLE`.
pub fn category_info(category: Option<Tag>) -> &'static CategoryInfo {
    &CATEGORY_TABLE[match category {
        Some(Tag::Russia) => 0,
        Some(Tag::Ukraine) => 1,
        Some(Tag::Neutral) => 2,
        None => 3,
    }]
}

impl Tag {
    pub const ALL: [Tag; 3] = [Tag::Russia, Tag::Ukraine, Tag::Neutral];

    fn info(self) -> &'static CategoryInfo {
        category_info(Some(self))
    }

    /// "Russia", "Ukraine" or "Neutral" (from the content's wording).
    pub fn label(self) -> &'static str {
        match self {
            Tag::Russia => ui::tag_russia(),
            Tag::Ukraine => ui::tag_ukraine(),
            Tag::Neutral => ui::tag_neutral(),
        }
    }

    /// The second cue beside colour (never colour alone).
    pub fn letter(self) -> &'static str {
        self.info().letter
    }

    /// CSS-friendly identifier.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The tag whose CSS-friendly identifier is `id` (a radio's value).
    pub fn from_id(id: &str) -> Option<Tag> {
        CATEGORY_TABLE.iter().find(|row| row.id == id).and_then(|row| row.tag)
    }

    /// Keyboard shortcut: `r`, `u`, `n` (either case).
    pub fn from_key(key: &str) -> Option<Tag> {
        let mut chars = key.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return None };
        CATEGORY_TABLE.iter().find(|row| row.key == Some(c.to_ascii_lowercase())).and_then(|row| row.tag)
    }

    /// Two-bit code used by the share codec; 0 is "untagged".
    pub fn to_bits(tag: Option<Tag>) -> u8 {
        category_info(tag).bits
    }

    pub fn from_bits(bits: u8) -> Option<Tag> {
        CATEGORY_TABLE.iter().find(|row| row.bits == bits & 0b11).and_then(|row| row.tag)
    }
}

/// One optional tag per point, indexed by draft number (1-based accessors).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tags([Option<Tag>; POINT_COUNT]);

impl Tags {
    pub fn from_array(tags: [Option<Tag>; POINT_COUNT]) -> Self {
        Tags(tags)
    }

    /// Tag of point `number` (1..=28); out-of-range numbers are untagged.
    pub fn get(&self, number: u8) -> Option<Tag> {
        let i = usize::from(number).checked_sub(1)?;
        self.0.get(i).copied().flatten()
    }

    /// Sets point `number`; out-of-range numbers are ignored.
    pub fn set(&mut self, number: u8, tag: Option<Tag>) {
        if let Some(slot) = usize::from(number).checked_sub(1).and_then(|i| self.0.get_mut(i)) {
            *slot = tag;
        }
    }

    pub fn as_array(&self) -> &[Option<Tag>; POINT_COUNT] {
        &self.0
    }

    /// (number, tag) for every point.
    pub fn iter(&self) -> impl Iterator<Item = (u8, Option<Tag>)> + '_ {
        self.0.iter().enumerate().map(|(i, t)| (i as u8 + 1, *t))
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// Points whose tag is `tag` (None: untagged), in order.
    pub fn numbers_with(&self, tag: Option<Tag>) -> Vec<u8> {
        self.iter().filter(|(_, t)| *t == tag).map(|(n, _)| n).collect()
    }
}

/// Three-way merge of one reader's tags kept in two tabs: `base` is what this
/// tab last saw in storage, `mine` what it shows now, `theirs` what another
/// tab has since saved. A point the other tab changed takes its value; every
/// other point keeps this tab's (which may hold a click not saved yet). So no
/// tab ever writes an older state over a newer one.
pub fn merge(base: &Tags, mine: &Tags, theirs: &Tags) -> Tags {
    let mut merged = *mine;
    for ((slot, b), t) in merged.0.iter_mut().zip(base.0).zip(theirs.0) {
        if t != b {
            *slot = t;
        }
    }
    merged
}

/// How two readers' tags compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    Same,
    Different,
    /// At least one of the two left the point untagged.
    Incomparable,
}

pub fn agreement(a: Option<Tag>, b: Option<Tag>) -> Agreement {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Agreement::Same,
        (Some(_), Some(_)) => Agreement::Different,
        _ => Agreement::Incomparable,
    }
}

/// Summary of a comparison: how many points agree, differ, or cannot be compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub same: usize,
    pub different: usize,
    pub incomparable: usize,
}

pub fn compare(a: &Tags, b: &Tags) -> Comparison {
    let mut c = Comparison::default();
    for (x, y) in a.as_array().iter().zip(b.as_array()) {
        match agreement(*x, *y) {
            Agreement::Same => c.same += 1,
            Agreement::Different => c.different += 1,
            Agreement::Incomparable => c.incomparable += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{any_tag, any_tags};
    use proptest::prelude::*;

    #[test]
    fn get_and_set_are_one_based_and_bounded() {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        let last = POINT_COUNT as u8;
        t.set(last, Some(Tag::Neutral));
        t.set(0, Some(Tag::Ukraine));
        t.set(last + 1, Some(Tag::Ukraine));
        assert_eq!(t.get(1), Some(Tag::Russia));
        assert_eq!(t.get(last), Some(Tag::Neutral));
        assert_eq!(t.get(0), None);
        assert_eq!(t.get(last + 1), None);
        assert_eq!(t.numbers_with(Some(Tag::Ukraine)), Vec::<u8>::new());
        assert_eq!(t.numbers_with(None).len(), POINT_COUNT - 2);
    }

    #[test]
    fn two_tabs_scenario_keeps_every_tag() {
        // Tab A tags 1 and 2 and saves; tab B, opened before, tags 3.
        let base = Tags::default();
        let mut a = base;
        a.set(1, Some(Tag::Russia));
        a.set(2, Some(Tag::Ukraine));
        let mut b = base;
        b.set(3, Some(Tag::Neutral));
        let merged = merge(&base, &b, &a);
        assert_eq!(merged.numbers_with(None).len(), POINT_COUNT - 3);
        assert_eq!(
            (merged.get(1), merged.get(2), merged.get(3)),
            (Some(Tag::Russia), Some(Tag::Ukraine), Some(Tag::Neutral))
        );
    }

    #[test]
    fn a_radios_value_names_its_tag() {
        for tag in Tag::ALL {
            assert_eq!(Tag::from_id(tag.id()), Some(tag));
        }
        assert_eq!(Tag::from_id("none"), None);
        assert_eq!(Tag::from_id("Russia"), None);
    }

    #[test]
    fn keys_map_to_tags() {
        assert_eq!(Tag::from_key("r"), Some(Tag::Russia));
        assert_eq!(Tag::from_key("U"), Some(Tag::Ukraine));
        assert_eq!(Tag::from_key("n"), Some(Tag::Neutral));
        assert_eq!(Tag::from_key("x"), None);
        assert_eq!(Tag::from_key("Enter"), None);
    }

    proptest! {
        #[test]
        fn bits_round_trip(t in any_tag()) {
            prop_assert_eq!(Tag::from_bits(Tag::to_bits(t)), t);
        }

        #[test]
        fn comparison_covers_every_point(a in any_tags(), b in any_tags()) {
            let c = compare(&a, &b);
            prop_assert_eq!(c.same + c.different + c.incomparable, POINT_COUNT);
            prop_assert_eq!(compare(&b, &a), c);
        }

        #[test]
        fn comparing_with_itself_agrees_on_every_tagged_point(a in any_tags()) {
            let c = compare(&a, &a);
            prop_assert_eq!(c.different, 0);
            prop_assert_eq!(c.same, POINT_COUNT - a.numbers_with(None).len());
        }

        #[test]
        fn merging_keeps_both_tabs_changes(base in any_tags(), mine in any_tags(), theirs in any_tags()) {
            let merged = merge(&base, &mine, &theirs);
            for n in 1..=POINT_COUNT as u8 {
                if theirs.get(n) != base.get(n) {
                    prop_assert_eq!(merged.get(n), theirs.get(n), "the other tab's change is taken");
                } else {
                    prop_assert_eq!(merged.get(n), mine.get(n), "this tab's own state is kept");
                }
            }
            prop_assert_eq!(merge(&base, &mine, &base), mine);
            prop_assert_eq!(merge(&base, &base, &theirs), theirs);
            prop_assert_eq!(merge(&base, &theirs, &theirs), theirs);
        }

        #[test]
        fn set_then_get(a in any_tags(), n in 1u8..=POINT_COUNT as u8, t in any_tag()) {
            let mut b = a;
            b.set(n, t);
            prop_assert_eq!(b.get(n), t);
            for m in (1..=POINT_COUNT as u8).filter(|m| *m != n) {
                prop_assert_eq!(b.get(m), a.get(m));
            }
        }
    }
}
