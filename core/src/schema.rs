// The content schema of `content/plan.json`, declared once. Read twice:
// - by `content.rs` (and `territory.rs`), as the page's data types: `Text` is
//   `&'static str`, `List<T>` a static slice, and `Prose<T>` the text only the
//   prerendered page shows, which is `T` with the `prose` feature (the build
//   that renders the page) and `Absent<T>` without it (the browser build: the
//   text is not in the binary, and no code there can even name it);
//   `ClassText<T>` is the same for text only the class view shows (the
//   `class-text` feature: the class module, and the prerender);
// - by `build.rs`, as owned types that deserialize the JSON (unknown fields
//   are errors) and bake themselves into the Rust statics the page ships.
// Each flavour defines `content_schema!` before including this file.

content_schema! {
    structs {
        /// The whole content file (but its `ui` wording, see `ui.rs`).
        pub struct Content {
            pub title: Prose<Text>,
            pub kicker: Prose<Text>,
            pub dek: Prose<Text>,
            /// Dated line near the top: which version of the draft the page shows, and what followed.
            pub time_frame: Prose<Text>,
            /// What "Neutral" means, in the page's own words.
            pub neutral_definition: Prose<Text>,
            /// One per `Party`, in its order.
            pub parties: List<PartyInfo>,
            pub marker_labels: Prose<MarkerLabels>,
            pub story: List<Step>,
            pub points_intro: Prose<Text>,
            pub themes: List<Theme>,
            /// Where AFP's point texts come from (a point may name another source).
            pub afp_source: Prose<Text>,
            pub points: List<PlanPoint>,
            pub classroom: ClassText<Classroom>,
            pub territory: Prose<MapWords>,
            /// How far the page's checking reaches; the build fails without both dates.
            pub checked: Prose<Checked>,
            /// "What became of the plan": after the story's end, up to `checked.latest_event`.
            pub later: Prose<Later>,
            pub sources: Prose<List<Source>>,
        }

        /// The two dates a reader needs to judge how current the page is: single days
        /// ("5 March 2026"). Nothing on the page is dated after `latest_event` (`build.rs`).
        pub struct Checked {
            /// The day of the latest event the page reports from a source it names.
            pub latest_event: Text,
            /// The day the content was last checked against its sources.
            pub content_checked: Text,
        }

        pub struct PartyInfo {
            pub id: Party,
            /// The party's name as the page shows it.
            pub label: Text,
            /// Two characters for the speakers graphic, e.g. "US", "E3".
            pub mark: Text,
        }

        /// On the card: how AFP's summary compares with the draft.
        pub struct MarkerLabels {
            pub shorter: Text,
            pub reworded: Text,
            pub reported: Text,
        }

        /// One step of the narrative. Who speaks is the browser's too (the speakers graphic).
        pub struct Step {
            pub id: Text,
            pub heading: Prose<Text>,
            pub party: Party,
            pub party_label: Text,
            pub paragraphs: Prose<List<Text>>,
            pub quotes: Prose<List<Quote>>,
        }

        pub struct Quote {
            pub text: Text,
            pub speaker: Text,
            pub role: Text,
            /// Where or how it was said ("on X", "at the UN Security Council"), if the report says.
            pub said: Option<Text>,
            /// The day the words were said (not the day of the report).
            pub date: Text,
            pub reported: Reported,
        }

        /// The report a quote was read in: its outlet, the day it was published, and the
        /// site that carried it where that is not the outlet's own.
        pub struct Reported {
            pub outlet: Text,
            pub date: Text,
            pub via: Option<Text>,
        }

        pub struct Theme {
            pub id: Text,
            pub label: Text,
        }

        pub struct PlanPoint {
            /// Draft numbering, 1..=POINT_COUNT.
            pub number: u8,
            /// A theme's id.
            pub theme: Text,
            /// AFP's text, verbatim (or, for point 11, the page's own words).
            pub text: ClassText<Text>,
            /// True for draft point 11, which AFP's list skips.
            #[serde(default)]
            pub not_in_afp: bool,
            /// Where the text comes from, when it is not AFP's list.
            pub source: Prose<Option<Text>>,
            /// How AFP's line relates to the draft; none where nothing of substance
            /// differs or where nothing of the draft's wording could be checked.
            pub marker: Option<Marker>,
            /// One neutral sentence: what AFP's line leaves out or changes.
            pub leaves_out: Prose<Option<Text>>,
            /// The layer with the draft's wording, as outlets published it.
            pub draft: Prose<Draft>,
            /// What an outlet reported became of the point in the 20-point framework; none
            /// where no outlet compared (the page infers nothing).
            pub later: Prose<Option<Change>>,
        }

        /// On a card: what one outlet reported happened to the point in the 20-point framework.
        pub struct Change {
            /// One sentence naming the outlet, its words in quotation marks: a fact, not a verdict.
            pub text: Text,
            pub report: Citation,
        }

        /// What established outlets published of one point's full wording.
        pub struct Draft {
            pub parts: List<DraftPart>,
        }

        pub struct DraftPart {
            pub kind: PartKind,
            pub text: Text,
            /// Outlet that published it (quote, summary); one of the allowed list in `draft_rules.rs`.
            pub outlet: Option<Text>,
            /// Date of that outlet's report (quote, summary).
            pub date: Option<Text>,
            /// Address of the page where the text was read (quote, summary).
            pub url: Option<Text>,
            /// The site that carried the outlet's copy, where it is not the outlet's own.
            pub via: Option<Text>,
        }

        /// "What became of the plan": a dated timeline from the 20-point framework of
        /// December 2025, and that framework's points as outlets rendered them.
        pub struct Later {
            pub heading: Text,
            pub intro: Text,
            pub timeline_heading: Text,
            /// In date order; each names who said or reported it, and when.
            pub events: List<Event>,
            pub framework: Framework,
        }

        /// One dated entry of the timeline.
        pub struct Event {
            /// The day (or days, "4–5 February 2026") it happened.
            pub date: Text,
            /// Whose statement or action it is ("both" for talks between parties): the
            /// tests weigh the timeline's space and quotes by it.
            pub party: Party,
            /// What happened, in the page's words, naming the outlet that reported it.
            pub text: Text,
            /// Words someone said, each dated by the day it was said, each by `party`'s side.
            pub quotes: List<Quote>,
            /// The reports it rests on, each in the sources list.
            pub reports: List<Citation>,
        }

        /// An outlet's report: who published it, when, and where it was read.
        pub struct Citation {
            pub outlet: Text,
            /// The report's own date; "undated" where the copy shows none (the sources list says what is known).
            pub date: Text,
            pub url: Text,
            /// The site that carried the outlet's copy, where it is not the outlet's own.
            pub via: Option<Text>,
        }

        /// The 20-point framework of 23 December 2025. No text of it was published: each
        /// item is one outlet's English rendering, named, and never two outlets' mixed.
        pub struct Framework {
            pub heading: Text,
            pub intro: Text,
            pub items: List<FrameworkItem>,
            /// Which numbers no outlet the page cites gives in English.
            pub missing: Text,
        }

        pub struct FrameworkItem {
            /// The point's number, only where an outlet the page cites gives it.
            pub number: Option<u8>,
            /// Verbatim passages of one outlet's copy, in order.
            pub passages: List<Text>,
            /// The outlet describes the point in its own words rather than rendering it.
            #[serde(default)]
            pub described: bool,
            /// The copy read stops in the middle of the last passage.
            #[serde(default)]
            pub cut: bool,
            /// Reported without consensus between Ukraine and the US: the same outlet's words, in a sentence naming it.
            pub no_consensus: Option<Text>,
            pub rendering: Citation,
        }

        /// The lesson plan for teachers (the class module shows it).
        pub struct Classroom {
            pub heading: Text,
            /// What the exercise is and is not: a class exercise, not a poll; nothing leaves the teacher's browser.
            pub intro: Text,
            /// What Neutral means, in words for students.
            pub neutral: Text,
            /// In lesson order; exactly three (read, tag, discuss) have minutes, the others 0:
            /// setting up, gathering links, and an optional step (its title says so, and its time).
            pub steps: List<LessonStep>,
            /// Discussion prompts, none of which suggests an answer.
            pub prompts: List<Text>,
            pub debrief: Text,
            pub cautions: List<Text>,
        }

        pub struct LessonStep {
            pub title: Text,
            /// Class time; 0 for setting up, gathering links or an optional step.
            pub minutes: u32,
            pub text: Text,
        }

        pub struct Source {
            pub outlet: Text,
            pub detail: Text,
            pub date: Text,
            pub url: Text,
        }

        /// The map beside points 21-23: its wording (`territory` in plan.json); the
        /// boundaries are `MapData`, from `content/territory.json` (see `territory.rs`).
        pub struct MapWords {
            pub heading: Text,
            /// One line above the legend: whose words the terms are.
            pub intro: Text,
            /// The points during which the sticky graphic shows the map.
            pub points: List<u8>,
            /// The card that carries the map on phones and on paper.
            pub card_point: u8,
            /// One legend entry per term, in order; each names its regions.
            pub terms: List<Term>,
            /// The legend's last line: the regions no term names.
            pub elsewhere: Text,
            /// What the map does not draw (the line of contact), and why.
            pub caption: Text,
            /// The boundaries' source, its version and date.
            pub source: Text,
        }

        /// What the draft says about some regions; drawn with one neutral hatching.
        pub struct Term {
            /// Lowercase letters: names the hatching's CSS class and pattern id.
            pub id: Text,
            /// The regions in words, e.g. "Kherson and Zaporizhzhia".
            pub places: Text,
            pub text: Text,
            pub regions: List<TermRegion>,
        }

        pub struct TermRegion {
            /// ISO 3166-2 code, as in `content/territory.json`.
            pub id: Text,
            pub name: Text,
            /// Whether the map writes the name on the region (not for Sevastopol: too small).
            #[serde(default = "yes")]
            pub label: bool,
        }

        /// The map's boundaries (`view_box` and `regions` of `content/territory.json`,
        /// written by `scripts/territory.py` from Natural Earth's admin-1 data).
        pub struct MapData {
            /// x, y, width, height (it starts at 0 0).
            pub view_box: List<u32>,
            /// Every region drawn.
            pub regions: List<MapRegion>,
        }

        pub struct MapRegion {
            /// ISO 3166-2 code.
            pub id: Text,
            pub name: Text,
            /// Where the region's name goes (the centroid of its largest ring), x and y in view-box units.
            pub label: List<i32>,
            /// `M x y l dx dy … z`, one closed ring per `M`; whole view-box units.
            pub path: Text,
        }
    }
    enums {
        /// Who speaks in a story step; drives the "who is speaking" graphic.
        pub enum Party {
            UnitedStates = "us",
            Russia = "russia",
            Ukraine = "ukraine",
            /// France, Germany and the United Kingdom (not "the EU": the UK is not a member).
            Europe = "europe",
            /// Several voices: the debate over the plan's balance.
            Debate = "both",
        }

        /// On the card: how AFP's summary compares with the draft.
        pub enum Marker {
            /// The draft's wording, as an outlet quoted it, says more than AFP's line.
            Shorter = "shorter",
            Reworded = "reworded",
            /// The wording could not be checked, but outlets report terms AFP's line leaves out.
            Reported = "reported",
        }

        pub enum PartKind {
            /// The draft's English wording, exactly as the outlet published it.
            Quote = "quote",
            /// What the point adds, in our words, attributed to the outlet that reported it.
            Summary = "summary",
            /// The wording could not be checked (said once: by the card's marker, or first in
            /// this part beside an outlet's text), with what is known.
            Unverified = "unverified",
        }
    }
}
