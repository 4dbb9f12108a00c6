//! Every sentence the page builds from data: whose tags are shown, counts,
//! point lists, the comparison, the spoken announcement. Pure, so the class
//! view reuses them and tests cover singular, plural, no name and long names.
//! The wording itself lives in `content/plan.json` (`ui`).

use crate::tags::{Comparison, Tag};
use crate::tally::Tally;
use crate::ui;
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
    category.map(Tag::label).unwrap_or(ui::untagged())
}

/// The tally's title: "Your tags", "Ana's tags", "Tags from a shared link".
pub fn whose_tags(whose: Whose) -> String {
    match whose {
        Whose::Own => ui::whose_own().to_owned(),
        Whose::Shared(Some(name)) => ui::whose_named(name),
        Whose::Shared(None) => ui::whose_anonymous().to_owned(),
    }
}

/// The summary's heading.
pub fn summary_heading(whose: Whose) -> String {
    match whose {
        Whose::Own => ui::summary_own().to_owned(),
        Whose::Shared(Some(name)) => ui::summary_named(name),
        Whose::Shared(None) => ui::summary_anonymous().to_owned(),
    }
}

/// The shared view's notice: whose tags these are.
pub fn shared_notice(name: Option<&str>) -> String {
    name.map_or_else(|| ui::shared_anonymous().to_owned(), ui::shared_named)
}

/// The undo offer after "Make these mine".
pub fn replaced_by(name: Option<&str>) -> String {
    name.map_or_else(|| ui::replaced_anonymous().to_owned(), ui::replaced_named)
}

/// "3 of 28 points tagged."
pub fn tagged_of_total(tagged: usize, total: usize) -> String {
    ui::tagged_of_total(tagged, total)
}

/// "None", "Point 6", "Points 1, 5, 9".
pub fn point_list(numbers: &[u8]) -> String {
    let list = numbers.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
    match numbers.len() {
        0 => ui::list_none().to_owned(),
        1 => ui::list_one(&list),
        _ => ui::list_other(&list),
    }
}

/// How the reader's tags compare with a shared link's, in one sentence.
pub fn comparison(c: Comparison) -> String {
    match (c.same + c.different, c.same) {
        (0, _) => ui::comparison_none().to_owned(),
        (1, 1) => ui::comparison_one_same().to_owned(),
        (1, _) => ui::comparison_one_different().to_owned(),
        (both, same) => ui::comparison_other(both, c.different, same),
    }
}

/// The card's compare line: " · Yours: Russia · Shared: untagged".
pub fn compare_line(mine: Option<Tag>, theirs: Option<Tag>) -> String {
    let label = |t: Option<Tag>| t.map(Tag::label).unwrap_or(ui::untagged_lower());
    ui::compare_line(label(mine), label(theirs))
}

/// What a screen reader hears after a tag changes: one short sentence.
pub fn announcement(number: u8, tag: Option<Tag>, tally: &Tally) -> String {
    match tag {
        Some(t) => ui::announce_tagged(number, t.label(), tally.tagged(), tally.total()),
        None => ui::announce_cleared(number, tally.tagged(), tally.total()),
    }
}

/// Said once when the app adopts the choices a reader made before it started.
pub fn early_announcement(count: usize, tally: &Tally) -> String {
    match count {
        1 => ui::announce_early_one(tally.tagged(), tally.total()),
        n => ui::announce_early(n, tally.tagged(), tally.total()),
    }
}

/// Said when another tab's saved tags were taken in.
pub fn other_tab_announcement(tally: &Tally) -> String {
    ui::announce_other_tab(tally.tagged(), tally.total())
}

/// "Point 7 of 28".
pub fn progress_point(number: u8) -> String {
    ui::progress_point(number, POINT_COUNT)
}

/// The notice after opening a teacher's `#join=` address.
pub fn joined_class(label: &str) -> String {
    ui::cv_joined(label)
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
        assert_eq!(ui::legend(9u8), "Who does point 9 favor?");
        assert_eq!(ui::points_heading(POINT_COUNT), format!("The {POINT_COUNT} points"));
    }
}
