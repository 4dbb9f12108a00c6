//! Proptest strategies shared by the core's tests.

use crate::tags::{Tag, Tags};
use proptest::prelude::*;

/// Any tag, or none.
pub fn any_tag() -> impl Strategy<Value = Option<Tag>> {
    prop_oneof![Just(None), Just(Some(Tag::Russia)), Just(Some(Tag::Ukraine)), Just(Some(Tag::Neutral))]
}

/// Any of the 4^28 tag states.
pub fn any_tags() -> impl Strategy<Value = Tags> {
    proptest::array::uniform28(any_tag()).prop_map(Tags::from_array)
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
