//! The fragment router's pure half: what a `#...` fragment means.
//! One owner for the fragment: points (`#point-7`), shared tags
//! (`#share=…`), the class view (`#class`), a class's result
//! (`#result=…`) and a class label for students (`#join=9B`).

use crate::class::ClassCounts;
use crate::class_link::{self, ClassLinkError};
use crate::share::{self, clean_class, percent_decode, ShareError, SharedLink};
use crate::POINT_COUNT;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No fragment: the top of the story.
    Start,
    /// A fragment the router does not know (a link a chat app cut or garbled,
    /// or the id of an element on the page: only the browser can tell which).
    Unknown(String),
    Point(u8),
    /// A share link: its tags, name and class, and its reasons (or why they
    /// could not be read: the tags count all the same).
    Shared(Result<SharedLink, ShareError>),
    Class,
    /// A class's result, read-only: per-point counts and the class label.
    /// (Boxed: the counts are large beside the other routes.)
    ClassResult(Box<Result<(ClassCounts, Option<String>), ClassLinkError>>),
    /// The address a teacher shows students: their share links will carry
    /// this class label. `None` when the label is empty or damaged.
    Join(Option<String>),
}

/// Parses a fragment, with or without its leading `#`.
pub fn parse(fragment: &str) -> Route {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.is_empty() {
        return Route::Start;
    }
    if let Some(n) = f.strip_prefix("point-") {
        // Digits only: `parse` alone would also take "+7".
        if let Some(n) = n.bytes().all(|b| b.is_ascii_digit()).then(|| n.parse::<usize>().ok()).flatten() {
            if (1..=POINT_COUNT).contains(&n) {
                return Route::Point(n as u8);
            }
        }
        return Route::Unknown(f.to_owned());
    }
    if let Some(params) = f.strip_prefix("share=") {
        return Route::Shared(share::parse_link(params));
    }
    if f == "share" {
        return Route::Shared(Err(ShareError::Empty));
    }
    if f == "class" {
        return Route::Class;
    }
    if let Some(result) = class_link::parse_fragment(f) {
        return Route::ClassResult(Box::new(result));
    }
    if let Some(label) = f.strip_prefix("join=") {
        return Route::Join(percent_decode(label).as_deref().and_then(clean_class));
    }
    Route::Unknown(f.to_owned())
}

/// The address students open to join a class: the page with `#join=<label>`.
pub fn join_fragment(label: &str) -> Option<String> {
    clean_class(label).map(|l| format!("#join={}", share::percent_encode(&l)))
}

/// The id of a point's card, and its fragment without `#`: `point-7`.
pub fn point_id(number: u8) -> String {
    format!("point-{number}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reasons::{Reasons, ReasonsUnreadable};
    use crate::share::Shared;
    use crate::tags::{Tag, Tags};
    use proptest::prelude::*;

    #[test]
    fn points_in_range() {
        assert_eq!(parse("#point-1"), Route::Point(1));
        let last = POINT_COUNT as u8;
        assert_eq!(parse(&format!("point-{last}")), Route::Point(last));
        let past = format!("point-{}", POINT_COUNT + 1);
        for bad in ["point-0", past.as_str(), "point-x", "point-+7", "point-", "point-999999999999"] {
            assert_eq!(parse(&format!("#{bad}")), Route::Unknown(bad.into()));
        }
        assert_eq!(parse(&point_id(12)), Route::Point(12));
    }

    #[test]
    fn other_routes() {
        assert_eq!(parse(""), Route::Start);
        assert_eq!(parse("#"), Route::Start);
        assert_eq!(parse("#class"), Route::Class);
        assert_eq!(parse("#~Cskec"), Route::Unknown("~Cskec".into()));
        assert_eq!(parse("#join=9B"), Route::Join(Some("9B".into())));
        assert_eq!(parse("#join=%20"), Route::Join(None));
        assert_eq!(parse("#join=%E2%28"), Route::Join(None));
        assert_eq!(parse(&join_fragment(" 9 B ").unwrap()), Route::Join(Some("9 B".into())));
        assert_eq!(join_fragment("  "), None);
        assert!(matches!(parse("#result=1"), Route::ClassResult(r) if r.is_err()));
        let counts = ClassCounts::count([&Tags::default()]);
        let f = format!("#{}", class_link::encode(&counts, Some("9B")));
        assert_eq!(parse(&f), Route::ClassResult(Box::new(Ok((counts, Some("9B".into()))))));
        assert_eq!(parse("#points"), Route::Unknown("points".into()));
        assert_eq!(parse("#share"), Route::Shared(Err(ShareError::Empty)));
        assert_eq!(parse("#share=1AB"), Route::Shared(Err(ShareError::Incomplete)));
        let mut t = Tags::default();
        t.set(5, Some(Tag::Neutral));
        let f = format!("#{}", share::fragment(&t, Some("Ana"), None));
        let shared = Shared { tags: t, name: Some("Ana".into()), class: None };
        assert_eq!(parse(&f), Route::Shared(Ok(SharedLink { shared, reasons: Ok(Reasons::default()) })));
    }

    #[test]
    fn a_link_with_reasons_and_one_whose_reasons_are_damaged() {
        let mut t = Tags::default();
        t.set(5, Some(Tag::Neutral));
        let mut r = Reasons::default();
        r.set(5, "Both sides gain.").unwrap();
        let f = format!("#{}", share::fragment_with_reasons(&t, &r, Some("Ana"), None).unwrap());
        let shared = Shared { tags: t, name: Some("Ana".into()), class: None };
        assert_eq!(parse(&f), Route::Shared(Ok(SharedLink { shared: shared.clone(), reasons: Ok(r) })));
        let cut = &f[..f.len() - 2];
        assert_eq!(parse(cut), Route::Shared(Ok(SharedLink { shared, reasons: Err(ReasonsUnreadable::Damaged) })));
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,300}") {
            let _ = parse(&text);
        }
    }
}
