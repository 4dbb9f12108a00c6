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
