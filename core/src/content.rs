//! The page's text, generated at build time from `content/plan.json` (see
//! `build.rs`) and exposed as plain `'static` data. The types are declared
//! once, in `schema.rs`; this is their runtime flavour. `POINT_COUNT` comes
//! from the content file too.
//!
//! `Prose<T>` is text only the prerendered page shows: with the `prose`
//! feature (the build that renders the page) it is `T`; in the browser build
//! it is `Absent<T>`, which holds nothing and can be shown nowhere, so no
//! browser code can depend on text that is not in its binary. `ClassText<T>`
//! is the same for what only the class view shows (the lesson plan, the
//! points' texts for its exports): the `class-text` feature.

use std::fmt;
use std::marker::PhantomData;

pub type Text = &'static str;
pub type List<T> = &'static [T];

#[cfg(feature = "prose")]
pub type Prose<T> = T;
#[cfg(not(feature = "prose"))]
pub type Prose<T> = Absent<T>;

#[cfg(feature = "class-text")]
pub type ClassText<T> = T;
#[cfg(not(feature = "class-text"))]
pub type ClassText<T> = Absent<T>;

/// A value the browser build leaves out (see `Prose`).
pub struct Absent<T: ?Sized>(PhantomData<fn() -> T>);

impl<T: ?Sized> Absent<T> {
    pub const A: Self = Absent(PhantomData);
}

impl<T: ?Sized> fmt::Debug for Absent<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Absent")
    }
}

macro_rules! content_schema {
    (
        structs { $(
            $(#[doc = $sdoc:literal])*
            pub struct $name:ident { $(
                $(#[doc = $fdoc:literal])*
                $(#[serde($($serde:tt)*)])*
                pub $field:ident : $ty:ty,
            )* }
        )* }
        enums { $(
            $(#[doc = $edoc:literal])*
            pub enum $ename:ident { $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = $json:literal,
            )* }
        )* }
    ) => {
        $(
            $(#[doc = $sdoc])*
            #[derive(Debug)]
            pub struct $name { $( $(#[doc = $fdoc])* pub $field: $ty, )* }
        )*
        $(
            $(#[doc = $edoc])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub enum $ename { $( $(#[doc = $vdoc])* $variant, )* }

            impl $ename {
                /// Its id in `content/plan.json`.
                pub fn json(self) -> &'static str {
                    match self { $( $ename::$variant => $json, )* }
                }
            }
        )*
    };
}

include!("schema.rs");

include!(concat!(env!("OUT_DIR"), "/content.rs"));

pub fn content() -> &'static Content {
    &CONTENT
}

impl Party {
    pub const SPEAKERS: [Party; 4] = [Party::UnitedStates, Party::Russia, Party::Ukraine, Party::Europe];

    fn info(self) -> &'static PartyInfo {
        // `build.rs` checks that `parties` lists every party once, in this enum's order.
        &CONTENT.parties[self as usize]
    }

    /// The party's name as the page shows it.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// Two characters for the speakers graphic, e.g. "US", "E3".
    pub fn mark(self) -> &'static str {
        self.info().mark
    }

    /// The party's id ("us", "russia", "ukraine", "europe", "both"): its CSS class.
    pub fn id(self) -> &'static str {
        self.json()
    }
}

#[cfg(feature = "prose")]
impl Marker {
    /// "AFP's summary is shorter than the draft" / "… is worded differently from the draft" /
    /// "Outlets report terms that AFP's summary leaves out".
    pub fn label(self) -> &'static str {
        let labels = &CONTENT.marker_labels;
        match self {
            Marker::Shorter => labels.shorter,
            Marker::Reworded => labels.reworded,
            Marker::Reported => labels.reported,
        }
    }
}

#[cfg(feature = "class-text")]
impl Classroom {
    /// Class time of the whole lesson: the timed phases' minutes.
    pub fn minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }
}

impl PlanPoint {
    /// Whether AFP's list has this point (all but draft point 11).
    pub fn in_afp_list(&self) -> bool {
        !self.not_in_afp
    }

    /// Where the card's text comes from: AFP's list, unless the point names another source.
    #[cfg(feature = "prose")]
    pub fn source(&self) -> &'static str {
        self.source.unwrap_or(CONTENT.afp_source)
    }
}

impl Content {
    /// The point with draft number `number` (1-based).
    pub fn point(&self, number: u8) -> Option<&'static PlanPoint> {
        CONTENT.points.get(usize::from(number).checked_sub(1)?)
    }

    /// The theme a point belongs to (`build.rs` checks that every point names one).
    pub fn theme_of(&self, point: &PlanPoint) -> &'static Theme {
        CONTENT.themes.iter().find(|t| t.id == point.theme).unwrap_or(&CONTENT.themes[0])
    }

    /// The index of a point's theme in `themes`.
    pub fn theme_index(&self, point: &PlanPoint) -> usize {
        CONTENT.themes.iter().position(|t| t.id == point.theme).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The sourcing rules `build.rs` enforces, checked here too.
    include!("draft_rules.rs");

    /// A file from the project's shared/ folder beside the repository. A clone
    /// elsewhere has none: `build.rs` then leaves `shared_sources` unset and the
    /// tests that need it are ignored, with the reason printed by `cargo test`.
    fn shared(name: &str) -> String {
        let path = format!("{}/../../shared/source/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn every_point_has_text_theme_and_source() {
        let c = content();
        for p in c.points {
            assert!(!p.text.trim().is_empty(), "point {} has no text", p.number);
            assert!(!p.source().trim().is_empty(), "point {} has no source", p.number);
            assert!(!c.theme_of(p).label.is_empty());
        }
    }

    #[test]
    fn only_point_11_is_outside_afp_list() {
        assert_eq!(POINT_COUNT, 28, "the draft has 28 points");
        let outside: Vec<u8> = content().points.iter().filter(|p| !p.in_afp_list()).map(|p| p.number).collect();
        assert_eq!(outside, vec![11]);
        let eleven = content().point(11).unwrap();
        // The card shows "Not in AFP's list" as a badge; the source line does not repeat it.
        assert!(!eleven.source().contains("Not in AFP"), "{}", eleven.source());
        assert!(eleven.source().contains("draft point 11") && eleven.source().contains("AP"));
        assert!(eleven.text.starts_with("Ukraine is eligible for") && eleven.text.contains("will receive"));
    }

    #[test]
    fn themes_of_points_9_and_15() {
        let c = content();
        assert_eq!(c.theme_of(c.point(9).unwrap()).id, "security");
        assert_eq!(c.theme_of(c.point(15).unwrap()).id, "implementation");
    }

    /// The committed copy of AFP's 27 bullets (`content/afp-bullets.txt`), without its comments.
    fn committed_bullets() -> Vec<&'static str> {
        include_str!("../../content/afp-bullets.txt").lines().filter(|l| !l.starts_with('#')).collect()
    }

    #[test]
    fn afp_texts_are_verbatim() {
        // The 27 AFP points, in order, word for word as the article prints them.
        let ours: Vec<&str> = content().points.iter().filter(|p| p.in_afp_list()).map(|p| p.text).collect();
        assert_eq!(committed_bullets().len(), 27);
        assert_eq!(ours, committed_bullets());
    }

    #[test]
    #[cfg_attr(not(shared_sources), ignore = "../shared/source is not beside this clone")]
    fn committed_bullets_match_the_article() {
        // The article lives in the project's shared/ folder beside the repository, which a
        // clone elsewhere does not have: then only the committed copy is checked (above).
        let article = shared("article.txt");
        let bullets: Vec<&str> = article.lines().filter_map(|l| l.trim_start().strip_prefix("• ")).collect();
        assert_eq!(bullets, committed_bullets());
    }

    #[test]
    fn every_theme_is_used_and_story_is_not_empty() {
        let c = content();
        for (i, t) in c.themes.iter().enumerate() {
            assert!(c.points.iter().any(|p| p.theme == t.id), "theme {} unused ({i})", t.id);
        }
        assert!(!c.story.is_empty());
        for s in c.story {
            assert!(!s.paragraphs.is_empty(), "step {} has no text", s.id);
            for q in s.quotes {
                // Speaker, role, the day it was said, and the report that carried it, with its own date.
                assert!(!q.speaker.is_empty() && !q.reported.outlet.is_empty() && !q.role.is_empty());
                quote_dates_in_order(q.date, q.reported.date).unwrap_or_else(|why| panic!("{}: {why}", q.speaker));
            }
        }
        assert!(!c.sources.is_empty());
    }

    #[test]
    fn the_lesson_plan_can_be_run() {
        let room = &content().classroom;
        // Three timed phases: read the story, tag, discuss; setting up and gathering links take none.
        let timed: Vec<u32> = room.steps.iter().map(|s| s.minutes).filter(|&m| m > 0).collect();
        assert_eq!(timed, vec![10, 15, 20]);
        assert_eq!(room.minutes(), 45);
        // Reading the story aloud takes about a minute for every 150 words: the step's time fits the text.
        let words = |t: &str| t.split_whitespace().count();
        let story: usize = content()
            .story
            .iter()
            .map(|s| {
                words(s.heading)
                    + s.paragraphs.iter().chain(s.quotes.iter().map(|q| &q.text)).map(|p| words(p)).sum::<usize>()
            })
            .sum();
        let read = room.steps.iter().find(|s| s.text.starts_with("Read the story")).expect("a reading step");
        assert!(read.minutes as usize * 150 >= story, "{story} words in {} minutes", read.minutes);
        assert!(
            room.intro.contains(&format!("about {} minutes", room.minutes())),
            "the intro gives the lesson's length"
        );
        assert!(room.steps.first().is_some_and(|s| s.minutes == 0 && s.text.contains("#class")), "set up first");
        let text: String = room.steps.iter().map(|s| s.text).collect();
        assert!(text.contains("QR code") && text.contains("“Student links”") && text.contains("class label"));
        // Controls are named as the page labels them.
        assert!(text.contains(&format!("“{}”", crate::ui::draft_heading())), "the lesson names the cards' layer");
        for s in room.steps {
            assert!(!s.title.trim().is_empty() && !s.text.trim().is_empty());
        }
        assert!(
            room.intro.contains("not a representative poll") && room.intro.contains("no tags are stored on a server")
        );
        assert!(
            room.neutral.contains("neither side clearly gains") && room.neutral.contains("both gain about equally")
        );
        // The optional step names exactly the cards that carry a later line, and takes no timed class time.
        let optional = room.steps.iter().find(|s| s.title.contains("optional")).expect("an optional step");
        assert_eq!(optional.minutes, 0);
        let named: Vec<u8> = optional
            .text
            .split_once("(points ")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(list, _)| list.split([',', ' ']).filter_map(|w| w.parse().ok()).collect())
            .unwrap_or_default();
        let with_later: Vec<u8> = content().points.iter().filter(|p| p.later.is_some()).map(|p| p.number).collect();
        assert_eq!(named, with_later);
        assert!(optional.text.contains(content().later.heading));
        assert!(room.prompts.len() >= 3, "at least three discussion prompts");
        assert!(room.prompts.iter().any(|p| p.contains("three most split points")));
        assert!(!room.debrief.trim().is_empty());
        assert_eq!(room.cautions.len(), 2);
        assert!(room.cautions[0].contains("private window") && room.cautions[1].contains("each other"));
    }

    #[test]
    fn story_order_follows_the_dates() {
        // Kyiv spoke on Thursday 20 November, the Kremlin on Friday 21: Ukraine's steps come first.
        let ids: Vec<&str> = content().story.iter().map(|s| s.id).collect();
        let at = |id: &str| ids.iter().position(|i| *i == id).unwrap_or_else(|| panic!("no step {id}"));
        assert!(at("red-lines") < at("kremlin") && at("zelensky") < at("kremlin"));
        assert_eq!(ids.last(), Some(&"next"), "the story closes with what happened next");
        let leak = content().story.iter().find(|s| s.id == "leak").unwrap();
        assert_eq!(leak.party, Party::UnitedStates);
        assert!(!leak.quotes.is_empty(), "a step shown as the US speaking quotes a US speaker");
    }

    #[test]
    #[cfg_attr(not(shared_sources), ignore = "../shared/source is not beside this clone")]
    fn article_quotes_are_verbatim() {
        // Quotes carried by the Voz.us article appear in it character for character,
        // and so do the words the story quotes in Voz.us's name.
        let article = shared("article.txt");
        for s in content().story {
            for q in s.quotes.iter().filter(|q| q.reported.outlet == "Voz.us" || q.reported.via == Some("Voz.us")) {
                assert!(article.contains(q.text), "not verbatim in the article: {:?}", q.text);
            }
            for sentence in s.paragraphs.iter().flat_map(|p| p.split(". ")).filter(|s| s.contains("Voz.us")) {
                for quoted in quoted_in(sentence) {
                    assert!(article.contains(quoted), "not verbatim in the article: {quoted:?}");
                }
            }
        }
    }

    /// The passages of `text` between curly double quotation marks.
    fn quoted_in(text: &str) -> Vec<&str> {
        text.split('“').skip(1).filter_map(|rest| rest.split('”').next()).collect()
    }

    #[test]
    #[cfg_attr(not(shared_sources), ignore = "../shared/source is not beside this clone")]
    fn the_maps_scale_figure_is_afps() {
        // The caption's one figure, in AFP's name and with its date, as the copy in the pack gives it.
        let caption = crate::territory::territory().words.caption;
        assert!(caption.contains("AFP wrote on 24 December 2025 that Kyiv controlled 20% of the Donetsk region"));
        assert!(shared("then-and-now.md").contains("the 20% of the Donetsk region that it controls"));
        assert!(content()
            .sources
            .iter()
            .any(|s| s.outlet == "AFP" && s.date == "24 December 2025" && s.url.contains("tag24")));
    }

    fn step(id: &str) -> &'static Step {
        content().story.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no step {id}"))
    }

    /// Whether the sources list has `outlet` with exactly this date.
    fn listed(outlet: &str, date: &str) -> bool {
        content().sources.iter().any(|s| s.outlet == outlet && s.date == date)
    }

    #[test]
    fn every_quote_is_dated_the_day_it_was_said_and_names_its_report() {
        // One convention: `date` is the day the words were said; the report's outlet and its own
        // date are `reported`, and that report is in the sources list with that date.
        for s in content().story {
            for q in s.quotes {
                quote_dates_in_order(q.date, q.reported.date).unwrap_or_else(|why| panic!("{}: {why}", q.speaker));
                assert!(
                    listed(q.reported.outlet, q.reported.date),
                    "{}: the report ({}, {}) is not in the sources list with that date",
                    q.speaker,
                    q.reported.outlet,
                    q.reported.date
                );
                assert!(q.reported.via.is_none_or(|v| !names_banned_source(v)));
            }
        }
        // The three who spoke on Thursday 20 November, reported the next day.
        let quote =
            |speaker: &str| content().story.iter().flat_map(|s| s.quotes).find(|q| q.speaker == speaker).unwrap();
        for speaker in ["Marco Rubio", "Volodymyr Zelensky", "Khrystyna Hayovyshyn"] {
            assert_eq!(quote(speaker).date, "20 November 2025", "{speaker}");
            assert_eq!(quote(speaker).reported.date, "21 November 2025", "{speaker}");
        }
        assert_eq!(quote("Marco Rubio").reported.outlet, "BBC");
        // The check itself.
        assert!(quote_dates_in_order("20 November 2025", "21 November 2025").is_ok());
        assert!(quote_dates_in_order("21 November 2025", "20 November 2025").is_err());
        assert!(quote_dates_in_order("20–21 November 2025", "21 November 2025").is_err());
        assert!(quote_dates_in_order("20 November 2025", "undated").is_err());
        assert!(quote_dates_in_order("30 November 2025", "1 December 2025").is_ok());
    }

    #[test]
    fn the_debate_quotes_a_named_critic_and_a_supporter() {
        let debate = step("debate");
        let text: String = debate.paragraphs.concat();
        // A named critic, quoted with role and the agency that reported the words.
        let critic = debate.quotes.iter().find(|q| q.speaker == "Roger Wicker").expect("a named critic is quoted");
        assert!(critic.role.contains("Senate Armed Services Committee"));
        assert_eq!(
            (critic.date, critic.reported.outlet, critic.reported.date),
            ("21 November 2025", "AFP", "22 November 2025")
        );
        assert!(critic.text.starts_with("Ukraine should not be forced to give up its lands"));
        assert!(text.contains("Roger Wicker") && text.contains("“highly skeptical”"));
        // And the supporter's side, with the same kind of attribution.
        let supporter = debate.quotes.iter().find(|q| q.speaker == "Karoline Leavitt").expect("a supporter is quoted");
        assert_eq!((supporter.date, supporter.reported.outlet), ("20 November 2025", "AFP"));
        // "By half" is Voz.us's summary of the FT: quoted as Voz.us's words, in Voz.us's name.
        let half = debate.paragraphs[0].split("; ").find(|s| s.contains("by half")).expect("the FT's terms, by half");
        assert!(half.contains("“reduces the Ukrainian military by half”"), "{half}");
        assert!(debate.paragraphs[0].contains("Summarizing the Financial Times, Voz.us"));
        assert!(listed("Financial Times", "19 November 2025"), "the FT's report is of 19 November");
        assert!(!text.contains("much smaller army"));
        // The comparison says what it could not check, with the BBC's sentence on it (card 20).
        assert!(text.contains("BBC, POLITICO and Just Security") && text.contains("(card 20)"));
        assert!(
            text.contains("According to the AP")
                && text.contains("“expected” not to invade")
                && text.contains("card 14")
        );
    }

    #[test]
    fn what_happened_next_names_each_outlet_and_date() {
        // (step, words that identify the sentence, outlet as the page names it, date in the text,
        // outlet and date in the sources list)
        let cases = [
            ("next", "800,000", "Reuters", "23 November", ("Reuters", "23 November 2025")),
            ("next", "Bishkek", "Africanews", "27 November", ("Africanews", "27 November 2025")),
            ("next", "19-point text", "Financial Times", "24 November", ("Financial Times", "24 November 2025")),
            ("leak", "Dmitriev", "BBC", "21 November", ("BBC", "21 November 2025")),
            (
                "leak",
                "worked together on the draft",
                "Associated Press",
                "20 November",
                ("Associated Press", "20 November 2025"),
            ),
        ];
        // From 23 December 2025 the story continues in the timeline, after the cards.
        assert!(step("next").paragraphs.last().unwrap().contains(content().later.heading));
        for (id, needle, outlet, date, (source, source_date)) in cases {
            let paragraph = step(id)
                .paragraphs
                .iter()
                .find(|p| p.contains(needle))
                .unwrap_or_else(|| panic!("step {id}: nothing about {needle:?}"));
            let sentence = paragraph
                .split_inclusive(". ")
                .find(|s| s.contains(needle))
                .unwrap_or_else(|| panic!("step {id}: no sentence with {needle:?}"));
            assert!(sentence.contains(outlet), "step {id}: {needle:?} is not attributed to {outlet}: {sentence:?}");
            assert!(paragraph.contains(date), "step {id}: {needle:?} has no date {date}");
            assert!(listed(source, source_date), "{source}, {source_date} is not in the sources list");
        }
    }

    /// The texts of "What became of the plan" in the page's own voice (quoted words left in).
    fn later_own_words() -> Vec<&'static str> {
        let l = &content().later;
        let mut texts = vec![l.heading, l.intro, l.timeline_heading, l.framework.heading, l.framework.intro];
        texts.push(l.framework.missing);
        texts.extend(l.events.iter().map(|e| e.text));
        texts.extend(l.framework.items.iter().filter_map(|i| i.no_consensus));
        texts
    }

    /// A text without the words it quotes.
    fn unquoted(text: &str) -> String {
        let mut out = String::new();
        for (i, piece) in text.split(['“', '”']).enumerate() {
            if i % 2 == 0 {
                out.push_str(piece);
            }
        }
        out
    }

    #[test]
    #[cfg_attr(not(shared_sources), ignore = "../shared/source is not beside this clone")]
    fn later_quotes_are_copied_character_for_character() {
        // Every word "What became of the plan" shows as someone's, in `then-and-now.md` exactly:
        // the quotes, the framework's passages and every passage between quotation marks.
        let pack = shared("then-and-now.md");
        let l = &content().later;
        let mut quoted: Vec<&str> = l.events.iter().flat_map(|e| e.quotes.iter().map(|q| q.text)).collect();
        quoted.extend(l.framework.items.iter().flat_map(|i| i.passages.iter().copied()));
        quoted.extend(later_own_words().into_iter().flat_map(quoted_in));
        quoted.extend(content().points.iter().filter_map(|p| p.later.as_ref()).flat_map(|ch| quoted_in(ch.text)));
        assert!(quoted.len() > 25, "the check reads the later part ({} passages)", quoted.len());
        for q in quoted {
            assert!(pack.contains(q), "not in then-and-now.md as written: {q:?}");
        }
    }

    #[test]
    fn the_timeline_gives_the_parties_comparable_space() {
        // Russia, the United States and Ukraine: one or two quotes each, of similar length, and
        // entries of similar length; Europe has its entry. (The pack holds more Russian
        // statements than US or European ones; the page picks a balanced set.)
        let events = content().later.events;
        let words = |t: &str| t.split_whitespace().count();
        let sides = [Party::UnitedStates, Party::Russia, Party::Ukraine];
        let own = |party: Party| events.iter().filter(move |e| e.party == party);
        let quotes: Vec<Vec<usize>> =
            sides.iter().map(|&p| own(p).flat_map(|e| e.quotes.iter().map(|q| words(q.text))).collect()).collect();
        let quoted: Vec<usize> = quotes.iter().map(|q| q.iter().sum()).collect();
        let entries: Vec<usize> = sides.iter().map(|&p| own(p).map(|e| words(e.text)).sum()).collect();
        let even = |v: &[usize]| *v.iter().max().unwrap() <= 2 * *v.iter().min().unwrap();
        assert!(quotes.iter().all(|q| (1..=2).contains(&q.len())), "quotes by side: {quotes:?}");
        assert!(even(&quoted), "quoted words by side: {quoted:?}");
        assert!(even(&entries), "entry words by side: {entries:?}");
        assert!(events.iter().any(|e| e.party == Party::Europe));
    }

    #[test]
    fn nothing_in_the_later_parts_own_words_judges_a_party() {
        // Outlets' and speakers' words are theirs; the page's own words report, never weigh.
        const JUDGING: &[&str] = &[
            "favor",
            "favour",
            "benefit",
            "advantag",
            "concession",
            "concede",
            "victor",
            "win",
            "won",
            "lose",
            "lost",
            "defeat",
            "capitulat",
            "reward",
            "blame",
            "fault",
            "stubborn",
            "intransigen",
            "hardline",
            "hard-line",
            "obstruct",
            "stall",
            "sabotag",
            "succeed",
            "success",
            "fail",
            "good",
            "bad",
        ];
        let mut texts: Vec<String> = later_own_words().into_iter().map(unquoted).collect();
        let c = content();
        texts.push(crate::ui::later_end(c.checked.latest_event));
        texts.extend(c.points.iter().filter_map(|p| p.later.as_ref()).map(|ch| unquoted(ch.text)));
        for text in &texts {
            let lower = text.to_lowercase();
            for word in lower.split(|c: char| !c.is_alphanumeric()) {
                let judges = JUDGING.iter().any(|j| word.starts_with(j) && !(*j == "win" && word.starts_with("wing")));
                assert!(!judges, "{word:?} in the page's own words: {text:?}");
            }
        }
        assert!(unquoted("a “good” plan") == "a  plan", "the check itself");
    }

    #[test]
    fn five_cards_say_what_outlets_reported_became_of_them() {
        // Where an outlet compared a point of the 28 with the 20-point framework (the pack finds
        // five), the card says so; where none compared, it says nothing.
        let with_later: Vec<u8> = content().points.iter().filter(|p| p.later.is_some()).map(|p| p.number).collect();
        assert_eq!(with_later, [6, 7, 10, 21, 26]);
        for p in content().points.iter().filter(|p| p.later.is_some()) {
            let change = p.later.as_ref().unwrap();
            assert!(change.text.contains("20-point framework of 23 December 2025"), "point {}", p.number);
            assert!(!quoted_in(change.text).is_empty(), "point {}: the outlet's own words", p.number);
        }
    }

    #[test]
    fn the_framework_numbers_only_what_outlets_number_and_marks_12_and_14() {
        let items = content().later.framework.items;
        let numbers: Vec<u8> = items.iter().filter_map(|i| i.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 12, 14]);
        let disputed: Vec<Option<u8>> = items.iter().filter(|i| i.no_consensus.is_some()).map(|i| i.number).collect();
        assert_eq!(disputed, [Some(12), Some(14)]);
        // Each item is one outlet's: the Kyiv Post's list has no numbers, so its items have none.
        assert!(items.iter().filter(|i| i.rendering.outlet == "Kyiv Post").all(|i| i.number.is_none()));
    }

    #[test]
    fn no_unnamed_reports_and_no_claim_about_the_whole_text() {
        let c = content();
        let mut texts: Vec<&str> = c.story.iter().flat_map(|s| s.paragraphs.iter().copied()).collect();
        texts.extend([c.time_frame, c.points_intro, c.dek]);
        texts.extend(c.points.iter().filter_map(|p| p.leaves_out));
        for t in texts {
            let lower = t.to_lowercase();
            for unnamed in ["according to reports", "reports say", "reports suggest", "reportedly", "it is reported"] {
                assert!(!lower.contains(unnamed), "unnamed source {unnamed:?} in {t:?}");
            }
            // The page has checked only parts of the text: it says "the published versions".
            for whole in ["28-point text does not", "the draft does not", "the plan does not", "the full text does not"]
            {
                assert!(!lower.contains(whole), "a claim about the whole text ({whole:?}) in {t:?}");
            }
        }
    }

    #[test]
    fn unchecked_points_say_so_once() {
        // The rule the build applies: a card with no outlet's text says "could not be checked" in
        // its marker, so its part must not repeat it; beside an outlet's text, the part says it first.
        assert!(check_unverified("The full wording of this point could not be checked.", true).is_err());
        assert_eq!(check_unverified("This page cannot say what AFP's line leaves out.", true), Ok(()));
        assert!(check_unverified("The BBC quotes a provision.", false).is_err());
        assert_eq!(check_unverified(&format!("{UNVERIFIED_LEAD}. The BBC describes it."), false), Ok(()));
        // The detail is said once, behind the card's disclosure, in the interface wording.
        assert!(
            crate::ui::unverified_why().contains("translations") && !crate::ui::unverified_why_summary().is_empty()
        );
        for n in [20, 21] {
            assert!(content().point(n).unwrap().leaves_out.is_some_and(|l| l.contains("could not check")), "point {n}");
        }
        assert!(content().point(21).unwrap().leaves_out.unwrap().contains("internationally recognized"));
        assert!(content().point(21).unwrap().leaves_out.unwrap().contains("line of contact"));
    }

    #[test]
    fn checked_up_to_is_the_latest_date_the_page_cites() {
        // "Checked up to" names the latest day a source on the page is dated (the build refuses
        // anything later): a new source with a later date must move it, or the build fails.
        let c = content();
        let latest = day_of(c.checked.latest_event).unwrap();
        let last_cited = c.sources.iter().filter_map(|s| day_of(s.date)).max().unwrap();
        assert_eq!(last_cited, latest, "checked.latest_event is not the latest source's date");
        let line = crate::ui::checked_up_to(c.checked.content_checked, c.checked.latest_event);
        assert!(line.contains(c.checked.latest_event) && line.contains(c.checked.content_checked), "{line}");
    }

    #[test]
    fn point_lookup_is_bounded() {
        let last = u8::try_from(POINT_COUNT).unwrap();
        assert!(content().point(0).is_none());
        assert!(content().point(last + 1).is_none());
        assert_eq!(content().point(last).unwrap().number, last);
    }

    #[test]
    fn no_translation_is_labelled_as_draft_wording() {
        for p in content().points {
            for part in p.draft.parts.iter().filter(|part| part.kind == PartKind::Quote) {
                assert!(!looks_translated(part.text), "point {}: a quote reads like a translation", p.number);
            }
        }
        // The check itself: translations and edited copies are caught, English wording is not.
        assert!(looks_translated("23. Rußland wird der Ukraine die Nutzung des Dnipro-Flusses nicht verwehren."));
        assert!(looks_translated("25. Ukrainā 100 dienu laikā notiks vēlēšanas."));
        assert!(looks_translated("Russia will not deny Ukraine the use of the Dnipro (our translation from German)"));
        assert!(looks_translated("Russia will renounce other territories (likely referring to Kharkiv - Ed.)"));
        assert!(looks_translated("22. ロシア連邦とウクライナは、将来の領土問題について合意した後"));
        assert!(!looks_translated("1. Ukraine’s sovereignty will be confirmed."));
        assert!(!looks_translated("Russian forces will not enter this demilitarised zone — “quoted”."));
    }

    #[test]
    #[cfg_attr(not(shared_sources), ignore = "../shared/source is not beside this clone")]
    fn quotes_are_copied_character_for_character() {
        // Every quote part is in the compiled source file exactly as written there.
        let full_draft = shared("full-draft.md");
        for p in content().points {
            for part in p.draft.parts.iter().filter(|part| part.kind == PartKind::Quote) {
                assert!(full_draft.contains(part.text), "point {}: not verbatim: {:?}", p.number, part.text);
            }
        }
    }

    #[test]
    fn build_rules_reject_unsourced_or_banned_parts() {
        let url = Some("https://example.org/a");
        let ok = check_part("quote", "1. Text.", Some("BBC"), Some("21 November 2025"), url, None);
        assert_eq!(ok, Ok(()));
        assert!(check_part("quote", "1. Text.", None, Some("21 November 2025"), url, None).is_err());
        assert!(check_part("summary", "Text.", Some("BBC"), None, url, None).is_err());
        assert!(check_part("summary", "Text.", Some("BBC"), Some("21 November 2025"), None, None).is_err());
        assert!(check_part("summary", "Text.", Some("BBC"), Some("yesterday"), url, None).is_err());
        let outside = check_part("quote", "Text.", Some("Sweden Herald"), Some("21 November 2025"), url, None);
        assert!(outside.unwrap_err().contains("allowed list"));
        let banned = check_part(
            "quote",
            "Text.",
            Some("BBC"),
            Some("21 November 2025"),
            Some("https://italy.news-pravda.com/russia/2025/11/21/326906.html"),
            None,
        );
        assert!(banned.unwrap_err().contains("banned"));
        assert!(check_part("quote", "Text.", Some("news-pravda.com"), Some("20 November 2025"), url, None).is_err());
        assert!(check_part("summary", "Text.", Some("BBC"), Some("21 November 2025"), url, Some("its9ja")).is_err());
        assert!(check_part("unverified", UNVERIFIED_LEAD, Some("BBC"), None, None, None).is_err());
        assert_eq!(check_part("unverified", UNVERIFIED_LEAD, None, None, None, None), Ok(()));
        assert!(check_part("paraphrase", "Text.", None, None, None, None).is_err());
        assert!(is_page_date("20–21 November 2025") && is_page_date("late 2025") && !is_page_date("2025-11-20"));
        assert!(is_page_date("undated") && !is_page_date("Undated") && !is_page_date("undated 2025"));
    }

    #[test]
    fn markers_on_the_points_that_need_them() {
        // Which card carries which marker (the build checks that each is backed; this pins the choice).
        let marker = |n: u8| content().point(n).unwrap().marker;
        for n in [2, 4, 7, 10, 21, 26] {
            assert_eq!(marker(n), Some(Marker::Shorter), "point {n}");
        }
        for n in [3, 9] {
            assert_eq!(marker(n), Some(Marker::Reworded), "point {n}");
        }
        // Where the wording could not be checked, the marker claims no comparison with the draft.
        for n in [13, 14, 20, 27, 28] {
            assert_eq!(marker(n), Some(Marker::Reported), "point {n}");
        }
    }

    #[test]
    fn the_marker_rule_refuses_a_comparison_with_unchecked_wording() {
        assert_eq!(check_marker(None, true, false), Ok(()));
        assert_eq!(check_marker(Some("shorter"), false, true), Ok(()));
        assert_eq!(check_marker(Some("reported"), true, true), Ok(()));
        assert!(check_marker(Some("shorter"), true, true).unwrap_err().contains("use \"reported\""));
        assert!(check_marker(Some("reworded"), true, true).is_err());
        assert!(check_marker(Some("reported"), false, true).is_err());
        assert!(check_marker(Some("shorter"), false, false).unwrap_err().contains("allowed outlet"));
    }

    #[test]
    fn points_10_21_and_28_show_the_missing_terms() {
        let text = |n: u8| -> String {
            content()
                .point(n)
                .unwrap()
                .draft
                .parts
                .iter()
                .filter(|p| p.kind == PartKind::Quote)
                .map(|p| p.text)
                .collect()
        };
        assert!(text(10).contains("If Ukraine invades Russia, it will lose the guarantee"));
        assert!(text(10).contains("without cause, the security guarantee will be deemed invalid"));
        assert!(text(21).contains("Ukrainian forces will withdraw from the part of Donetsk Oblast"));
        // Point 28's wording is known only from POLITICO's version, which may be a translation:
        // it is a summary in POLITICO's name, not a quote of the draft.
        let eight = content().point(28).unwrap();
        assert!(eight.draft.parts.iter().all(|p| p.kind != PartKind::Quote), "point 28 quotes a possible translation");
        assert!(eight
            .draft
            .parts
            .iter()
            .any(|p| p.outlet == Some("POLITICO")
                && p.text.contains("after both sides withdraw to the agreed positions")));
    }

    #[test]
    fn the_us_is_marked_us() {
        // The speakers graphic writes the marks; the build checks their number and length.
        assert_eq!(Party::UnitedStates.mark(), "US");
    }

    /// Every string the page shows, with whether it is someone's verbatim words (quotes).
    fn all_text() -> Vec<(&'static str, bool)> {
        let c = content();
        let mut all = vec![
            (c.title, false),
            (c.kicker, false),
            (c.dek, false),
            (c.time_frame, false),
            (c.neutral_definition, false),
            (c.points_intro, false),
            (c.classroom.heading, false),
            (c.classroom.intro, false),
            (c.classroom.neutral, false),
            (c.classroom.debrief, false),
            (Marker::Shorter.label(), false),
            (Marker::Reworded.label(), false),
            (Marker::Reported.label(), false),
        ];
        all.extend(c.classroom.steps.iter().flat_map(|s| [(s.title, false), (s.text, false)]));
        all.extend(c.classroom.prompts.iter().chain(c.classroom.cautions).map(|s| (*s, false)));
        all.extend(c.parties.iter().map(|p| (p.label, false)));
        for s in c.story {
            all.extend([(s.heading, false), (s.party_label, false)]);
            all.extend(s.paragraphs.iter().map(|p| (*p, false)));
            all.extend(s.quotes.iter().flat_map(|q| [(q.text, true), (q.role, false), (q.reported.outlet, false)]));
            all.extend(s.quotes.iter().filter_map(|q| q.said).map(|w| (w, false)));
        }
        for p in c.points {
            all.extend([(p.text, p.in_afp_list()), (p.source(), false)]);
            all.extend(p.leaves_out.map(|l| (l, false)));
            all.extend(p.draft.parts.iter().map(|part| (part.text, part.kind == PartKind::Quote)));
            all.extend(p.later.iter().map(|ch| (ch.text, false)));
        }
        all.extend(c.sources.iter().map(|s| (s.detail, false)));
        all.extend(later_own_words().into_iter().map(|t| (t, false)));
        for e in c.later.events {
            all.extend(e.quotes.iter().flat_map(|q| [(q.text, true), (q.role, false), (q.reported.outlet, false)]));
            all.extend(e.quotes.iter().filter_map(|q| q.said).map(|w| (w, false)));
        }
        all.extend(c.later.framework.items.iter().flat_map(|i| i.passages.iter().map(|p| (*p, true))));
        let t = &c.territory;
        all.extend([t.heading, t.intro, t.elsewhere, t.caption, t.source].map(|s| (s, false)));
        all.extend(t.terms.iter().flat_map(|term| [(term.places, false), (term.text, false)]));
        all
    }

    const INDEX_HTML: &str = include_str!("../../index.html");
    const OG_TEMPLATE: &str = include_str!("../../scripts/og-image.html");

    /// The text of every `<meta … content="…">` in index.html.
    fn meta_texts() -> Vec<&'static str> {
        INDEX_HTML.split("content=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect()
    }

    /// Whether `text` pairs a point with a side: a sentence naming a point by number, a side and a
    /// word of favor, or (with `tags_too`) a tag (R, U, N, Russia, Ukraine, Neutral) right beside a
    /// point number. The draft's own numbered wording ("5. Ukraine will…") is checked without `tags_too`.
    fn pairs_point_with_side(text: &str, tags_too: bool) -> bool {
        const FAVOR: &[&str] =
            &["favor", "favour", "benefit", "advantag", "tilt", "slant", "lean", "win", "gain", "reward"];
        const SIDES: &[&str] = &["russia", "ukrain", "kyiv", "moscow", "kremlin"];
        const TAGS: &[&str] = &["r", "u", "n", "russia", "ukraine", "neutral"];
        let lower = text.to_lowercase();
        for sentence in lower.split(['.', ';', '\n', '!', '?']) {
            let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let names_point = words
                .windows(2)
                .any(|w| matches!(w[0], "point" | "points" | "card" | "cards") && w[1].parse::<u8>().is_ok());
            let names_side = words.iter().any(|w| SIDES.iter().any(|s| w.starts_with(s)));
            let favors = words.iter().any(|w| FAVOR.iter().any(|f| w.starts_with(f)));
            if names_point && names_side && favors {
                return true;
            }
        }
        if !tags_too {
            return false;
        }
        let is_point_number = |w: &str| w.parse::<usize>().is_ok_and(|n| (1..=POINT_COUNT).contains(&n));
        let tokens: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let glued = |t: &str| {
            let (digits, rest): (String, String) = t.chars().partition(char::is_ascii_digit);
            !digits.is_empty() && is_point_number(&digits) && TAGS.contains(&rest.as_str())
        };
        tokens.iter().any(|t| glued(t))
            || tokens.windows(2).any(|w| {
                (is_point_number(w[0]) && TAGS.contains(&w[1])) || (TAGS.contains(&w[0]) && is_point_number(w[1]))
            })
    }

    #[test]
    fn no_text_pairs_a_point_with_a_side() {
        let mut texts: Vec<(&str, bool)> = all_text().into_iter().map(|(t, verbatim)| (t, !verbatim)).collect();
        texts.extend(meta_texts().into_iter().map(|t| (t, true)));
        texts.push((OG_TEMPLATE, true));
        for (t, tags_too) in texts {
            assert!(!pairs_point_with_side(t, tags_too), "pairs a point with a side: {t:?}");
        }
        // The check itself.
        assert!(pairs_point_with_side("Point 21 clearly favors Russia.", false));
        assert!(pairs_point_with_side("Cards 3 and 4 tilt toward Kyiv", false));
        assert!(pairs_point_with_side("3 R · 4 U · 5 N", true));
        assert!(pairs_point_with_side("<div class=cell>12R</div>", true));
        assert!(!pairs_point_with_side("It caps Ukraine's armed forces at 600,000 personnel (point 6).", true));
    }

    #[test]
    fn og_template_carries_no_tag_data() {
        let lower = OG_TEMPLATE.to_lowercase();
        for sign in ["data-tag", "tag-russia", "tag-ukraine", "tag-neutral", "favor"] {
            assert!(!lower.contains(sign), "scripts/og-image.html contains {sign:?}");
        }
    }

    #[test]
    fn previews_define_neutral_and_describe_a_neutral_image() {
        let c = content();
        assert!(c.neutral_definition.contains("neither side clearly gains"));
        let metas = meta_texts();
        assert!(metas.iter().any(|m| m.contains("neither side clearly gains")), "meta text uses the definition");
        assert!(!metas.iter().any(|m| m.contains("or neither")));
        let alt = INDEX_HTML.split("og:image:alt\" content=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        assert!(alt.contains("No point is tagged"), "{alt}");
    }

    #[test]
    fn one_spelling_across_the_page() {
        // American spelling in the page's own words; verbatim quotes keep theirs.
        const BRITISH: &[&str] = &[
            "favour",
            "criticis",
            "defence",
            "recognis",
            "organis",
            "neighbour",
            "programme",
            "demilitaris",
            "colour",
            "behaviour",
            "centre",
        ];
        let interface = crate::ui::UI_TEXTS.iter().map(|(_, text)| (*text, false));
        for (text, verbatim) in all_text().into_iter().chain(interface) {
            if verbatim {
                continue;
            }
            let lower = text.to_lowercase();
            for b in BRITISH {
                assert!(!lower.contains(b), "British spelling {b:?} in {text:?}");
            }
        }
    }

    #[test]
    fn sources_list_every_outlet_with_date_and_address() {
        let c = content();
        let listed: Vec<&str> = c.sources.iter().map(|s| s.outlet).collect();
        let cited = c.points.iter().flat_map(|p| p.draft.parts.iter().filter_map(|part| part.outlet));
        let article = ["Voz.us", "AFP", "Associated Press", "Financial Times", "Axios", "The New York Times"];
        for outlet in cited.chain(article) {
            assert!(listed.contains(&outlet), "{outlet} is cited but not in the sources list");
        }
        for s in c.sources {
            assert!(is_page_date(s.date), "{}: {}", s.outlet, s.date);
            assert!(s.url.starts_with("https://") && !names_banned_source(s.url), "{}", s.outlet);
        }
        assert!(c.points_intro.contains("27 of the 28 points"));
    }
}
