//! The page's text: generated at build time from `content/plan.json`
//! (see `build.rs`), exposed as plain `'static` data.

/// The draft has 28 points; the whole app is sized by this.
pub const POINT_COUNT: usize = 28;

/// Who speaks in a story step; drives the "who is speaking" graphic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    UnitedStates,
    Russia,
    Ukraine,
    Europe,
    /// Several voices: the debate over the plan's balance.
    Debate,
}

impl Party {
    pub const SPEAKERS: [Party; 4] = [Party::UnitedStates, Party::Russia, Party::Ukraine, Party::Europe];

    pub fn label(self) -> &'static str {
        match self {
            Party::UnitedStates => "United States",
            Party::Russia => "Russia",
            Party::Ukraine => "Ukraine",
            Party::Europe => "Europe",
            Party::Debate => "Critics and supporters",
        }
    }
}

#[derive(Debug)]
pub struct Content {
    pub title: &'static str,
    pub kicker: &'static str,
    pub dek: &'static str,
    pub story: &'static [Step],
    pub points_intro: &'static str,
    pub themes: &'static [Theme],
    pub points: &'static [PlanPoint],
    pub classroom: Classroom,
    pub sources: &'static [Source],
}

#[derive(Debug)]
pub struct Step {
    pub id: &'static str,
    pub heading: &'static str,
    pub party: Party,
    pub party_label: &'static str,
    pub paragraphs: &'static [&'static str],
    pub quotes: &'static [Quote],
}

#[derive(Debug)]
pub struct Quote {
    pub text: &'static str,
    pub speaker: &'static str,
    pub role: &'static str,
    pub outlet: &'static str,
}

#[derive(Debug)]
pub struct Theme {
    pub id: &'static str,
    pub label: &'static str,
}

#[derive(Debug)]
pub struct PlanPoint {
    /// Draft numbering, 1..=28.
    pub number: u8,
    /// Index into `Content::themes`.
    pub theme: usize,
    pub text: &'static str,
    /// False for draft point 11, which AFP's list skips.
    pub in_afp_list: bool,
    pub source: &'static str,
}

#[derive(Debug)]
pub struct Classroom {
    pub heading: &'static str,
    pub intro: &'static str,
    pub steps: &'static [&'static str],
}

#[derive(Debug)]
pub struct Source {
    pub outlet: &'static str,
    pub detail: &'static str,
    pub date: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

pub fn content() -> &'static Content {
    &CONTENT
}

impl Content {
    /// The point with draft number `number` (1-based).
    pub fn point(&self, number: u8) -> Option<&'static PlanPoint> {
        self.points.get(usize::from(number).checked_sub(1)?)
    }

    pub fn theme_of(&self, point: &PlanPoint) -> &'static Theme {
        &self.themes[point.theme]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_28_points_numbered_in_order() {
        let c = content();
        assert_eq!(c.points.len(), POINT_COUNT);
        for (i, p) in c.points.iter().enumerate() {
            assert_eq!(usize::from(p.number), i + 1, "point out of order");
        }
    }

    #[test]
    fn every_point_has_text_theme_and_source() {
        let c = content();
        for p in c.points {
            assert!(!p.text.trim().is_empty(), "point {} has no text", p.number);
            assert!(!p.source.trim().is_empty(), "point {} has no source", p.number);
            assert!(!c.theme_of(p).label.is_empty());
        }
    }

    #[test]
    fn only_point_11_is_outside_afp_list() {
        let outside: Vec<u8> = content().points.iter().filter(|p| !p.in_afp_list).map(|p| p.number).collect();
        assert_eq!(outside, vec![11]);
        assert!(content().point(11).unwrap().source.contains("Not in AFP"));
    }

    /// The committed copy of AFP's 27 bullets (`content/afp-bullets.txt`), without its comments.
    fn committed_bullets() -> Vec<&'static str> {
        include_str!("../../content/afp-bullets.txt").lines().filter(|l| !l.starts_with('#')).collect()
    }

    #[test]
    fn afp_texts_are_verbatim() {
        // The 27 AFP points, in order, word for word as the article prints them.
        let ours: Vec<&str> = content().points.iter().filter(|p| p.in_afp_list).map(|p| p.text).collect();
        assert_eq!(committed_bullets().len(), 27);
        assert_eq!(ours, committed_bullets());
    }

    #[test]
    fn committed_bullets_match_the_article() {
        // The article lives in the project's shared/ folder beside the repository, which a
        // clone elsewhere does not have: then only the committed copy is checked (above).
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/source/article.txt");
        let Ok(article) = std::fs::read_to_string(path) else {
            eprintln!("note: {path} not found; checked the committed copy of the bullets only");
            return;
        };
        let bullets: Vec<&str> = article.lines().filter_map(|l| l.trim_start().strip_prefix("• ")).collect();
        assert_eq!(bullets, committed_bullets());
    }

    #[test]
    fn every_theme_is_used_and_story_is_not_empty() {
        let c = content();
        for (i, t) in c.themes.iter().enumerate() {
            assert!(c.points.iter().any(|p| p.theme == i), "theme {} unused", t.id);
        }
        assert!(!c.story.is_empty());
        for s in c.story {
            assert!(!s.paragraphs.is_empty(), "step {} has no text", s.id);
            for q in s.quotes {
                assert!(!q.speaker.is_empty() && !q.outlet.is_empty() && !q.role.is_empty());
            }
        }
        assert_eq!(c.classroom.steps.len(), 3);
        assert!(!c.sources.is_empty());
    }

    #[test]
    fn point_lookup_is_bounded() {
        assert!(content().point(0).is_none());
        assert!(content().point(29).is_none());
        assert_eq!(content().point(28).unwrap().number, 28);
    }
}
