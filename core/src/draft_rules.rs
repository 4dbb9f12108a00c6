// Sourcing rules for the cards' layer of draft wording and for "What became of the
// plan", shared by `build.rs` (which rejects content that breaks them) and the content
// tests. Included with `include!`, so it holds items only, no `use`.

/// Outlets whose copies of the full draft the page may quote or summarise.
pub const DRAFT_OUTLETS: &[&str] =
    &["Associated Press", "Reuters", "Axios", "BBC", "POLITICO", "The Guardian", "Just Security"];

/// Outlets "What became of the plan" may cite (`then-and-now.md`, section 1): the
/// established outlets above and the first-hand reporters of the later events, and
/// the President of Ukraine's site for the President's own words.
#[allow(dead_code)]
pub const LATER_OUTLETS: &[&str] = &[
    "Associated Press",
    "Reuters",
    "AFP",
    "Axios",
    "BBC",
    "POLITICO",
    "The Guardian",
    "Financial Times",
    "Just Security",
    "Ukrinform",
    "hromadske",
    "RBC-Ukraine",
    "Kyiv Independent",
    "Kyiv Post",
    "Meduza",
    "CNN",
    "ABC News",
    "Bloomberg",
    "Channel NewsAsia",
    "The Moscow Times",
    "Mint",
    "President of Ukraine",
];

/// Sites that are never a source on the page, as named in a part or in its address:
/// the `*.news-pravda.com` network, the forum, the unattributed aggregators and
/// AI-rewrite sites of both source packs.
pub const BANNED_SOURCES: &[&str] = &[
    "news-pravda",
    "pravda network",
    "5ch",
    "its9ja",
    "atlantisthemes",
    "kudupinter",
    "liveindia.tv",
    "bharathorizon",
    "internewscast",
    "kentuckyinsider",
    "thetexasgazette",
    "theohioobserver",
    "newsfinale",
    "cccv.info",
    "devdiscourse",
    "brusselsmorning",
    "eir.news",
    "chronicleai",
    "gayaone",
    "analyze.news",
    "mdfy.news",
    "khabarasia",
    "pakistanscope",
    "businessstory",
    "deeproots",
    "thegeochronicle",
];

/// Sites `then-and-now.md` uses only to cross-check allowed copies: state media and the
/// copies it lists as cross-check only. The page names none of them.
pub const CROSS_CHECK_ONLY: &[&str] = &[
    "tass.",
    "ria.ru",
    "//rt.com",
    ".rt.com",
    "xinhua",
    "cgtn",
    "glavnoe.in.ua",
    "112.ua",
    "censor.net",
    "gamereactor",
    "un-news.org",
    "inkl.com",
    "lnginnorthernbc",
    "italy24",
    "rco.news",
    "turkiyetoday",
    "tvnewslies",
    "news.az",
    "ynetnews",
    "unb.com.bd",
    "nikvesti",
    "liga.net",
    "lj1995",
    "unn.ua",
    "feedman",
    "expertnews",
    "collector.com.tr",
];

/// The sentence an "unverified" part starts with when the card also has an outlet's text
/// (a card with nothing else says it once, in its marker: `ui.unchecked_marker`).
pub const UNVERIFIED_LEAD: &str = "The full wording of this point could not be checked";

/// Words that say a text was translated or edited: such text is never draft wording.
pub const TRANSLATION_SIGNS: &[&str] =
    &["our translation", "translated", "translation from", "(translation", "- ed.)", "– ed.)", "[sic]"];

/// Whether `text` names a banned source (case-insensitive).
#[allow(dead_code)]
pub fn names_banned_source(text: &str) -> bool {
    let lower = text.to_lowercase();
    BANNED_SOURCES.iter().any(|b| lower.contains(b))
}

/// Whether `text` names a site the page never cites: banned, or cross-check only (case-insensitive).
#[allow(dead_code)]
pub fn names_uncitable(text: &str) -> bool {
    let lower = text.to_lowercase();
    names_banned_source(text) || CROSS_CHECK_ONLY.iter().any(|x| lower.contains(x))
}

/// Whether `text` reads like a translation or an edited copy rather than English
/// wording as published: a sign word, or any letter outside ASCII (the draft's
/// English wording has none; curly quotes and dashes are punctuation, not letters).
#[allow(dead_code)]
pub fn looks_translated(text: &str) -> bool {
    let lower = text.to_lowercase();
    TRANSLATION_SIGNS.iter().any(|s| lower.contains(s)) || text.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// A date as the page writes it: "20 November 2025", "20–21 November 2025", "late 2025", or
/// "undated" for a text that shows no date (the sources list then says what is known).
#[allow(dead_code)]
pub fn is_page_date(date: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    let words: Vec<&str> = date.split(' ').collect();
    let year_ok = |y: &str| y.len() == 4 && y.starts_with("20") && y.chars().all(|c| c.is_ascii_digit());
    let day_ok = |d: &str| {
        d.split('–').all(|n| !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
    };
    match words.as_slice() {
        [day, month, year] => day_ok(day) && MONTHS.contains(month) && year_ok(year),
        ["late" | "early", year] => year_ok(year),
        ["undated"] => true,
        _ => false,
    }
}

/// `v`, trimmed, if it says anything.
#[allow(dead_code)]
fn present(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// Checks one part of a point's draft layer. `Err` says what is wrong, in a sentence.
#[allow(dead_code)]
pub fn check_part(
    kind: &str,
    text: &str,
    outlet: Option<&str>,
    date: Option<&str>,
    url: Option<&str>,
    via: Option<&str>,
) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("a {kind:?} part has no text"));
    }
    for named in [outlet, url, via].into_iter().flatten() {
        if names_banned_source(named) {
            let what = if kind == "quote" { "quotes" } else { "cites" };
            return Err(format!("a {kind:?} part {what} a banned site ({named:?}); it is never a source"));
        }
    }
    match kind {
        "quote" | "summary" => {
            let outlet = present(outlet).ok_or_else(|| format!("a {kind:?} part names no outlet"))?;
            let date = present(date).ok_or_else(|| format!("a {kind:?} part from {outlet} has no date"))?;
            let url = present(url).ok_or_else(|| format!("a {kind:?} part from {outlet} has no url"))?;
            if !DRAFT_OUTLETS.contains(&outlet) {
                return Err(format!("outlet {outlet:?} is not in the allowed list {DRAFT_OUTLETS:?}"));
            }
            if !is_page_date(date) {
                return Err(format!("date {date:?} is not written like \"20 November 2025\""));
            }
            if !url.starts_with("https://") {
                return Err(format!("url {url:?} is not an https address"));
            }
            if kind == "quote" && looks_translated(text) {
                return Err(format!("a quote from {outlet} reads like a translation: {text:?}"));
            }
            Ok(())
        }
        "unverified" => {
            if [outlet, date, url, via].iter().any(|v| present(*v).is_some()) {
                return Err("an \"unverified\" part carries no outlet, date, url or via".into());
            }
            Ok(())
        }
        other => Err(format!("unknown part kind {other:?} (quote, summary or unverified)")),
    }
}

/// The "could not be checked" notice, said once per card. `alone`: every part of the card is
/// unverified, so the card's marker already says it and the part must not say it again;
/// otherwise the part says it first, before the outlets' texts.
#[allow(dead_code)]
pub fn check_unverified(text: &str, alone: bool) -> Result<(), String> {
    let says_it = text.contains("could not be checked");
    match (alone, says_it) {
        (true, true) => Err(format!(
            "an \"unverified\" part repeats the card's marker (\"could not be checked\"); say what follows from it: {text:?}"
        )),
        (false, _) if !text.starts_with(UNVERIFIED_LEAD) => {
            Err(format!("an \"unverified\" part beside an outlet's text must start with {UNVERIFIED_LEAD:?}"))
        }
        _ => Ok(()),
    }
}

/// Which marker a card may carry. "shorter" and "reworded" compare AFP's line with the
/// draft's wording, so they need that wording checked (no unverified part); where it could
/// not be checked but an outlet reports more, the marker is "reported".
#[allow(dead_code)]
pub fn check_marker(marker: Option<&str>, unverified: bool, sourced: bool) -> Result<(), String> {
    match marker {
        None => Ok(()),
        Some(_) if !sourced => Err("a marker needs an allowed outlet's text to back it (a quote or summary part)".into()),
        Some("shorter" | "reworded") if unverified => Err(
            "a card whose wording could not be checked cannot compare AFP's line with the draft; use \"reported\""
                .into(),
        ),
        Some("reported") if !unverified => {
            Err("\"reported\" is for a card whose wording could not be checked; compare with \"shorter\"".into())
        }
        Some(_) => Ok(()),
    }
}

/// A day as (year, month, day): ordered as the calendar is.
pub type Day = (u32, u32, u32);

/// A single day written as the page writes it ("20 November 2025").
#[allow(dead_code)]
pub fn day_of(date: &str) -> Option<Day> {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    let words: Vec<&str> = date.split(' ').collect();
    let [day, month, year] = words.as_slice() else { return None };
    let month = MONTHS.iter().position(|m| m == month)?;
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: u32 = year.parse().ok().filter(|_| year.len() == 4)?;
    Some((year, u32::try_from(month).ok()? + 1, day))
}

/// The first and last day of a date the page writes as one day or a range of days in one
/// month ("4–5 February 2026").
#[allow(dead_code)]
pub fn days_of(date: &str) -> Option<(Day, Day)> {
    if let Some(day) = day_of(date) {
        return Some((day, day));
    }
    let (days, rest) = date.split_once(' ')?;
    let (first, last) = days.split_once('–')?;
    let first = day_of(&format!("{first} {rest}"))?;
    let last = day_of(&format!("{last} {rest}"))?;
    (first < last).then_some((first, last))
}

/// The quote-date convention: a quote's `date` is the single day the words were said, its
/// report's date is a single day too, and the report does not come before the words.
#[allow(dead_code)]
pub fn quote_dates_in_order(said: &str, reported: &str) -> Result<(), String> {
    let said_day = day_of(said).ok_or_else(|| format!("the day it was said, {said:?}, is not one day like \"20 November 2025\""))?;
    let report_day =
        day_of(reported).ok_or_else(|| format!("the report's date, {reported:?}, is not one day like \"21 November 2025\""))?;
    if report_day < said_day {
        return Err(format!("reported on {reported} but said on {said}: the report cannot come first"));
    }
    Ok(())
}
