//! Every sentence the page builds from data: whose tags are shown, counts,
//! point lists, the comparison, the spoken announcement. Pure, so the class
//! view reuses them and tests cover singular, plural, no name and long names.
//! The wording itself lives in `content/plan.json` (`ui`).

use crate::tags::{Comparison, Tag};
use crate::tally::Tally;
use crate::ui::{fill, ui};
use crate::POINT_COUNT;

/// Whose tags the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whose<'a> {
    Own,
    /// From a shared link; the name is the sharer's, if the link has one.
    Shared(Option<&'a str>),
}

/// "Russia", "Ukraine", "Neutral" or "Untagged".
pub fn category_label(category: Option<Tag>) -> &'static str {
    category.map(Tag::label).unwrap_or(ui().untagged)
}

fn by_name(name: Option<&str>, named: &str, anonymous: &str) -> String {
    match name {
        Some(name) => fill(named, &[("name", name)]),
        None => anonymous.to_owned(),
    }
}

/// The tally's title: "Your tags", "Ana's tags", "Tags from a shared link".
pub fn whose_tags(whose: Whose) -> String {
    let u = ui();
    match whose {
        Whose::Own => u.whose_own.to_owned(),
        Whose::Shared(name) => by_name(name, u.whose_named, u.whose_anonymous),
    }
}

/// The summary's heading.
pub fn summary_heading(whose: Whose) -> String {
    let u = ui();
    match whose {
        Whose::Own => u.summary_own.to_owned(),
        Whose::Shared(name) => by_name(name, u.summary_named, u.summary_anonymous),
    }
}

/// The shared view's notice: whose tags these are.
pub fn shared_notice(name: Option<&str>) -> String {
    by_name(name, ui().shared_named, ui().shared_anonymous)
}

/// The undo offer after "Make these mine".
pub fn replaced_by(name: Option<&str>) -> String {
    by_name(name, ui().replaced_named, ui().replaced_anonymous)
}

/// "3 of 28 points tagged."
pub fn tagged_of_total(tagged: usize, total: usize) -> String {
    fill(ui().tagged_of_total, &[("tagged", &tagged.to_string()), ("total", &total.to_string())])
}

/// "None", "Point 6", "Points 1, 5, 9".
pub fn point_list(numbers: &[u8]) -> String {
    let list = numbers.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
    let template = match numbers.len() {
        0 => return ui().list_none.to_owned(),
        1 => ui().list_one,
        _ => ui().list_other,
    };
    fill(template, &[("list", &list)])
}

/// How the reader's tags compare with a shared link's, in one sentence.
pub fn comparison(c: Comparison) -> String {
    let u = ui();
    match (c.same + c.different, c.same) {
        (0, _) => u.comparison_none.to_owned(),
        (1, 1) => u.comparison_one_same.to_owned(),
        (1, _) => u.comparison_one_different.to_owned(),
        (both, same) => fill(
            u.comparison_other,
            &[("both", &both.to_string()), ("same", &same.to_string()), ("different", &c.different.to_string())],
        ),
    }
}

/// The card's compare line: " · Yours: Russia · Shared: untagged".
pub fn compare_line(mine: Option<Tag>, theirs: Option<Tag>) -> String {
    let label = |t: Option<Tag>| t.map(Tag::label).unwrap_or(ui().untagged_lower);
    fill(ui().compare_line, &[("mine", label(mine)), ("theirs", label(theirs))])
}

/// What a screen reader hears after a tag changes: one short sentence.
pub fn announcement(number: u8, tag: Option<Tag>, tally: &Tally) -> String {
    let (n, tagged, total) = (number.to_string(), tally.tagged().to_string(), tally.total().to_string());
    match tag {
        Some(t) => fill(ui().announce_tagged, &[("n", &n), ("tag", t.label()), ("tagged", &tagged), ("total", &total)]),
        None => fill(ui().announce_cleared, &[("n", &n), ("tagged", &tagged), ("total", &total)]),
    }
}

/// Said when another tab's saved tags were taken in.
pub fn other_tab_announcement(tally: &Tally) -> String {
    fill(ui().announce_other_tab, &[("tagged", &tally.tagged().to_string()), ("total", &tally.total().to_string())])
}

/// "Point 7 of 28".
pub fn progress_point(number: u8) -> String {
    fill(ui().progress_point, &[("n", &number.to_string()), ("total", &POINT_COUNT.to_string())])
}

/// A template whose only placeholder is the number of points: "The 28 points".
pub fn with_point_count(template: &str) -> String {
    fill(template, &[("count", &POINT_COUNT.to_string())])
}

/// A template whose only placeholder is a point's number: "Point 7", "Who does point 7 favor?".
pub fn with_point(template: &str, number: u8) -> String {
    fill(template, &[("n", &number.to_string())])
}

/// The notice after opening a teacher's `#join=` address.
pub fn joined_class(label: &str) -> String {
    fill(ui().cv_joined, &[("label", label)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Tags;

    #[test]
    fn whose_tags_with_and_without_a_name() {
        assert_eq!(whose_tags(Whose::Own), "Your tags");
        assert_eq!(whose_tags(Whose::Shared(Some("Ana"))), "Ana's tags");
        // Never "Shared's tags".
        assert_eq!(whose_tags(Whose::Shared(None)), "Tags from a shared link");
        assert_eq!(summary_heading(Whose::Own), "Summary of your tags");
        assert_eq!(summary_heading(Whose::Shared(Some("Ana"))), "Summary of Ana's tags");
        // Never "Summary of the shared's tags".
        assert_eq!(summary_heading(Whose::Shared(None)), "Summary of the shared tags");
        assert_eq!(shared_notice(None), "You are looking at tags from a shared link.");
        assert_eq!(replaced_by(Some("Ana")), "Your tags were replaced by Ana's tags.");
    }

    #[test]
    fn long_names_and_names_that_look_like_templates_are_kept_whole() {
        let long = "Maria-Magdalena von Hohenzollern-Sigmaringen";
        assert_eq!(whose_tags(Whose::Shared(Some(long))), format!("{long}'s tags"));
        assert_eq!(whose_tags(Whose::Shared(Some("{name}"))), "{name}'s tags");
    }

    #[test]
    fn point_lists_say_point_or_points() {
        assert_eq!(point_list(&[]), "None");
        assert_eq!(point_list(&[6]), "Point 6");
        assert_eq!(point_list(&[1, 5, 28]), "Points 1, 5, 28");
    }

    #[test]
    fn comparison_sentences_for_none_one_and_many() {
        let c = |same, different| Comparison { same, different, incomparable: POINT_COUNT - same - different };
        assert_eq!(comparison(c(0, 0)), "You have no tagged points in common with this link yet.");
        // Never "of the 1 points".
        assert_eq!(comparison(c(0, 1)), "You both tagged 1 point, and you differ on it.");
        assert_eq!(comparison(c(1, 0)), "You both tagged 1 point, and you agree on it.");
        assert_eq!(comparison(c(3, 2)), "You both tagged 5 points: you agree on 3 and differ on 2.");
    }

    #[test]
    fn announcements_for_every_category() {
        let mut tags = Tags::default();
        tags.set(7, Some(Tag::Ukraine));
        let tally = Tally::of(&tags);
        for tag in Tag::ALL {
            let s = announcement(7, Some(tag), &tally);
            assert_eq!(s, format!("Point 7 tagged {}; 1 of {POINT_COUNT} tagged.", tag.label()));
        }
        assert_eq!(announcement(7, None, &Tally::default()), "Point 7 cleared; 0 of 0 tagged.");
        assert_eq!(
            announcement(7, None, &Tally::of(&Tags::default())),
            format!("Point 7 cleared; 0 of {POINT_COUNT} tagged.")
        );
    }

    #[test]
    fn labels_and_small_sentences() {
        assert_eq!(category_label(None), "Untagged");
        assert_eq!(category_label(Some(Tag::Neutral)), "Neutral");
        assert_eq!(tagged_of_total(1, 28), "1 of 28 points tagged.");
        assert_eq!(compare_line(Some(Tag::Russia), None), " · Yours: Russia · Shared: untagged");
        assert_eq!(progress_point(3), format!("Point 3 of {POINT_COUNT}"));
        assert_eq!(with_point(ui().legend, 9), "Who does point 9 favor?");
        assert_eq!(with_point_count(ui().points_heading), format!("The {POINT_COUNT} points"));
    }

    /// Every template in the wording fills completely with the values its caller gives.
    #[test]
    fn no_placeholder_is_left_unfilled() {
        let samples = [
            whose_tags(Whose::Shared(Some("A"))),
            summary_heading(Whose::Shared(Some("A"))),
            shared_notice(Some("A")),
            replaced_by(Some("A")),
            tagged_of_total(2, 3),
            point_list(&[1, 2]),
            point_list(&[1]),
            comparison(Comparison { same: 2, different: 2, incomparable: 0 }),
            compare_line(None, None),
            announcement(1, Some(Tag::Russia), &Tally::default()),
            announcement(1, None, &Tally::default()),
            other_tab_announcement(&Tally::default()),
            progress_point(1),
            with_point_count(ui().skip_link),
            with_point_count(ui().reset_body),
            with_point(ui().point_heading, 1),
            with_point(ui().clear_which, 1),
            joined_class("9B"),
        ];
        for s in samples {
            assert!(!s.contains('{') && !s.contains('}'), "unfilled: {s}");
        }
    }
}
