//! Proptest strategies shared by the core's tests.

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
