//! Proptest strategies shared by the core's tests.

use crate::reasons::{Reasons, MAX_REASONS, MAX_REASON_CHARS};
use crate::tags::{Tag, Tags};
use crate::POINT_COUNT;
use proptest::prelude::*;

/// Any tag, or none.
pub fn any_tag() -> impl Strategy<Value = Option<Tag>> {
    (0u8..4).prop_map(Tag::from_bits)
}

/// Any of the 4^POINT_COUNT tag states. Built from a flat vector of two-bit
/// codes: a nested array strategy overflows the test thread's stack when a
/// test draws three of them.
pub fn any_tags() -> impl Strategy<Value = Tags> {
    proptest::collection::vec(0u8..4, POINT_COUNT).prop_map(|bits| {
        let mut tags = Tags::default();
        for (i, b) in bits.into_iter().enumerate() {
            tags.set(i as u8 + 1, Tag::from_bits(b));
        }
        tags
    })
}

/// A class of up to 300 students with any consistent counts: per point, three
/// tagged counts that add up to at most the class size.
pub fn any_class_counts() -> impl Strategy<Value = crate::class::ClassCounts> {
    (0usize..300).prop_flat_map(|students| {
        let triple = (0..=students)
            .prop_flat_map(move |tagged| (0..=tagged, Just(tagged)))
            .prop_flat_map(|(r, tagged)| (Just(r), 0..=tagged - r, Just(tagged)))
            .prop_map(|(r, u, tagged)| [r, u, tagged - r - u]);
        proptest::collection::vec(triple, crate::POINT_COUNT).prop_map(move |tagged| {
            crate::class::ClassCounts::from_tagged(students, &tagged).expect("counts add up by construction")
        })
    })
}

/// Tags with the given points set: `tags_of(&[(1, Tag::Russia)])`.
pub fn tags_of(pairs: &[(u8, Tag)]) -> Tags {
    let mut t = Tags::default();
    for &(n, tag) in pairs {
        t.set(n, Some(tag));
    }
    t
}

/// Any reasons within the budget: up to the most points, each with a text
/// in English, Ukrainian, German, any script, or with hidden and control
/// characters, of up to the most characters.
pub fn any_reasons() -> impl Strategy<Value = Reasons> {
    let text = |class: &str| proptest::string::string_regex(&format!("{class}{{1,{MAX_REASON_CHARS}}}")).unwrap();
    let text = prop_oneof![
        text("[A-Za-z ,.!?'-]"),
        text("[а-яА-ЯіїєґІЇЄҐ ,.’]"),
        text("[a-zäöüßÄÖÜ –]"),
        text("\\PC"),
        text("(?s:.)"),
    ];
    proptest::collection::vec((1..=POINT_COUNT as u8, text), 0..=MAX_REASONS).prop_map(|pairs| {
        let mut reasons = Reasons::default();
        for (n, text) in pairs {
            reasons.set(n, &text).expect("at most the most texts, none too long");
        }
        reasons
    })
}
