//! The fragment router's pure half: what a `#...` fragment means.
//! One owner for the fragment: points (`#point-7`), shared tags
//! (`#share=…`) and the class view (`#class`).

use crate::share::{self, ShareError, Shared};
use crate::POINT_COUNT;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No fragment, or one we do not know: the top of the story.
    Start,
    Point(u8),
    Shared(Result<Shared, ShareError>),
    Class,
}

/// Parses a fragment, with or without its leading `#`.
pub fn parse(fragment: &str) -> Route {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if let Some(n) = f.strip_prefix("point-") {
        return match n.parse::<u8>() {
            Ok(n) if (1..=POINT_COUNT as u8).contains(&n) => Route::Point(n),
            _ => Route::Start,
        };
    }
    if let Some(params) = f.strip_prefix("share=") {
        return Route::Shared(share::parse_params(params));
    }
    if f == "share" {
        return Route::Shared(Err(ShareError::Empty));
    }
    if f == "class" {
        return Route::Class;
    }
    Route::Start
}

pub fn point_fragment(number: u8) -> String {
    format!("#point-{number}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{Tag, Tags};
    use proptest::prelude::*;

    #[test]
    fn points_in_range() {
        assert_eq!(parse("#point-1"), Route::Point(1));
        assert_eq!(parse("point-28"), Route::Point(28));
        assert_eq!(parse("#point-0"), Route::Start);
        assert_eq!(parse("#point-29"), Route::Start);
        assert_eq!(parse("#point-x"), Route::Start);
        assert_eq!(parse(&point_fragment(12)), Route::Point(12));
    }

    #[test]
    fn other_routes() {
        assert_eq!(parse(""), Route::Start);
        assert_eq!(parse("#"), Route::Start);
        assert_eq!(parse("#class"), Route::Class);
        assert_eq!(parse("#share"), Route::Shared(Err(ShareError::Empty)));
        assert_eq!(parse("#share=1AB"), Route::Shared(Err(ShareError::Incomplete)));
        let mut t = Tags::default();
        t.set(5, Some(Tag::Neutral));
        let f = format!("#{}", share::fragment(&t, Some("Ana")));
        assert_eq!(parse(&f), Route::Shared(Ok(Shared { tags: t, name: Some("Ana".into()) })));
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,300}") {
            let _ = parse(&text);
        }
    }
}
