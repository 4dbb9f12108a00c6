//! Where the class agrees and where it is split, point by point. Both
//! measures look only at the students who tagged the point: leaving a point
//! untagged is not an answer.
//!
//! - **Agreement**: the most common answer's share, smoothed as if two more
//!   students had tagged the point and one of them had chosen that answer:
//!   `p = (x + 1) / (n + 2)` (`x` students chose it, `n` tagged the point).
//!   Smoothing keeps a tiny class from looking unanimous. The class *agrees*
//!   when `n ≥ MIN_TAGGED` and `p ≥ AGREE_NUM / AGREE_DEN` (0.7), tested in
//!   whole numbers so the boundary is exact: 4 of 4 (0.83), 4 of 5 (0.71),
//!   5 of 6 (0.75) and 6 of 8 (exactly 0.7) agree; 3 of 4 (0.67) and 5 of 7
//!   (0.67) do not; 2 of 2 (0.75) and 3 of 3 (0.8) do not either, as fewer
//!   than 4 tagged. A tie for first is never agreement (`p ≤ 0.5` then).
//! - **Split**: the normalised entropy of the three answers, `H / ln 3`, from
//!   0 (everyone gave the same answer) to 1 (a third each). An even split
//!   between two answers scores 0.63, 2:1:1 scores 0.95. A point is *split*
//!   when `n ≥ MIN_TAGGED`, the class does not agree on it, and the entropy
//!   is at least `SPLIT_AT` (0.6, just under the even two-way split).

use super::ClassCounts;
use crate::tags::Tag;
use crate::tally::Tally;
use std::cmp::Ordering;

/// Fewest students who must tag a point before the class can agree or be split on it.
pub const MIN_TAGGED: usize = 4;
/// Agreement threshold, `AGREE_NUM / AGREE_DEN` = 0.7, as a fraction for exact tests.
pub const AGREE_NUM: usize = 7;
pub const AGREE_DEN: usize = 10;
/// Normalised entropy from which a point counts as split.
pub const SPLIT_AT: f64 = 0.6;

/// The class's most common answer on a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leading {
    /// Nobody tagged the point.
    NoAnswers,
    /// One answer was chosen more often than each other.
    Answer(Tag),
    /// Two or three answers share first place, in `Tag::ALL` order.
    Tie(Tag, Tag, Option<Tag>),
}

impl Leading {
    /// Whether `tag` is (one of) the most common answer(s).
    pub fn includes(self, tag: Tag) -> bool {
        match self {
            Leading::NoAnswers => false,
            Leading::Answer(a) => a == tag,
            Leading::Tie(a, b, c) => a == tag || b == tag || c == Some(tag),
        }
    }
}

/// The most common answer among those who tagged.
pub fn leading(tally: &Tally) -> Leading {
    let top = top_count(tally);
    if top == 0 {
        return Leading::NoAnswers;
    }
    let mut leaders = Tag::ALL.into_iter().filter(|&t| tally.get(Some(t)) == top);
    match (leaders.next(), leaders.next(), leaders.next()) {
        (Some(a), None, _) => Leading::Answer(a),
        (Some(a), Some(b), c) => Leading::Tie(a, b, c),
        (None, ..) => Leading::NoAnswers, // unreachable: top > 0 is someone's count
    }
}

fn top_count(tally: &Tally) -> usize {
    tally.russia.max(tally.ukraine).max(tally.neutral)
}

/// `(x + 1) / (n + 2)`: see the module notes.
pub fn smoothed(x: usize, n: usize) -> f64 {
    (x as f64 + 1.0) / (n as f64 + 2.0)
}

/// Whether `x` of `n` is agreement: `n ≥ MIN_TAGGED` and `(x+1)/(n+2) ≥ 0.7`,
/// in whole numbers (`AGREE_DEN·(x+1) ≥ AGREE_NUM·(n+2)`).
pub fn is_agreement(x: usize, n: usize) -> bool {
    n >= MIN_TAGGED && x <= n && AGREE_DEN as u128 * (x as u128 + 1) >= AGREE_NUM as u128 * (n as u128 + 2)
}

/// Entropy of the three answer counts divided by `ln 3`: 0..=1; 0 when nobody answered.
pub fn normalised_entropy(counts: [usize; 3]) -> f64 {
    let n: usize = counts.iter().sum();
    if n == 0 {
        return 0.0;
    }
    // Summed in sorted order, so that the same counts in another order give the same bits.
    let mut sorted = counts;
    sorted.sort_unstable();
    let h: f64 = sorted
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n as f64;
            -p * p.ln()
        })
        .sum();
    (h / 3f64.ln()).clamp(0.0, 1.0)
}

/// Both measures of one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointMeasure {
    pub number: u8,
    /// Students who tagged the point.
    pub tagged: usize,
    /// How many chose Russia, Ukraine, Neutral.
    pub answers: [usize; 3],
    pub leading: Leading,
    /// How many chose the most common answer.
    pub top: usize,
    /// `(top + 1) / (tagged + 2)`.
    pub agreement: f64,
    /// Normalised entropy among those who tagged.
    pub entropy: f64,
    /// The answer the class agrees on, if it does.
    pub agreed: Option<Tag>,
    pub split: bool,
}

pub fn measure(number: u8, tally: &Tally) -> PointMeasure {
    let tagged = tally.tagged();
    let top = top_count(tally);
    let leading = leading(tally);
    let agreed = match leading {
        Leading::Answer(tag) if is_agreement(top, tagged) => Some(tag),
        _ => None,
    };
    let answers = [tally.russia, tally.ukraine, tally.neutral];
    let entropy = normalised_entropy(answers);
    let split = tagged >= MIN_TAGGED && agreed.is_none() && entropy >= SPLIT_AT;
    PointMeasure { number, tagged, answers, leading, top, agreement: smoothed(top, tagged), entropy, agreed, split }
}

/// One measure per point; index `i` is point `i + 1`.
pub fn measures(counts: &ClassCounts) -> Vec<PointMeasure> {
    counts.iter().map(|(n, t)| measure(n, t)).collect()
}

/// Points the class agrees on, strongest first (smoothed share, compared
/// exactly; then point number), at most `limit`.
pub fn agreed_points(counts: &ClassCounts, limit: usize) -> Vec<PointMeasure> {
    let mut agreed: Vec<PointMeasure> = measures(counts).into_iter().filter(|m| m.agreed.is_some()).collect();
    agreed.sort_by(|a, b| compare_smoothed(b, a).then(a.number.cmp(&b.number)));
    agreed.truncate(limit);
    agreed
}

/// Split points, most split first (entropy, then point number), at most `limit`.
pub fn split_points(counts: &ClassCounts, limit: usize) -> Vec<PointMeasure> {
    let mut split: Vec<PointMeasure> = measures(counts).into_iter().filter(|m| m.split).collect();
    split.sort_by(|a, b| b.entropy.total_cmp(&a.entropy).then(a.number.cmp(&b.number)));
    split.truncate(limit);
    split
}

/// `(a.top+1)/(a.tagged+2)` against `b`'s, by cross-multiplying whole numbers.
fn compare_smoothed(a: &PointMeasure, b: &PointMeasure) -> Ordering {
    let left = (a.top as u128 + 1) * (b.tagged as u128 + 2);
    let right = (b.top as u128 + 1) * (a.tagged as u128 + 2);
    left.cmp(&right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Tags;
    use crate::POINT_COUNT;
    use proptest::prelude::*;
    use Tag::*;

    fn tally(russia: usize, ukraine: usize, neutral: usize, untagged: usize) -> Tally {
        Tally { russia, ukraine, neutral, untagged }
    }

    /// A class whose point `n` has the given (R, U, N) counts; the rest untagged.
    fn class(students: usize, points: &[(u8, [usize; 3])]) -> ClassCounts {
        let mut tagged = vec![[0; 3]; POINT_COUNT];
        for &(n, c) in points {
            tagged[usize::from(n) - 1] = c;
        }
        ClassCounts::from_tagged(students, &tagged).unwrap()
    }

    #[test]
    fn agreement_boundaries_are_exact() {
        // Too few tagged, however unanimous.
        assert!(!is_agreement(2, 2));
        assert!(!is_agreement(3, 3));
        assert!((smoothed(2, 2) - 0.75).abs() < 1e-12);
        assert!((smoothed(3, 3) - 0.8).abs() < 1e-12);
        // From 4 tagged on, 0.7 of the smoothed share.
        assert!(is_agreement(4, 4));
        assert!(!is_agreement(3, 4));
        assert!(is_agreement(4, 5));
        assert!(is_agreement(5, 6));
        assert!(!is_agreement(5, 7));
        assert!(is_agreement(6, 8)); // exactly 0.7
        assert!(!is_agreement(7, 10));
        assert!(is_agreement(8, 10));
        assert!(!is_agreement(5, 4)); // impossible counts are not agreement
        assert!(is_agreement(usize::MAX, usize::MAX));
    }

    #[test]
    fn agreement_ignores_untagged_students() {
        // 2 of 2 tagged, 28 left it untagged: not agreement.
        assert_eq!(measure(1, &tally(2, 0, 0, 28)).agreed, None);
        // 4 of 4 tagged, 26 untagged: agreement.
        let m = measure(1, &tally(0, 4, 0, 26));
        assert_eq!((m.agreed, m.tagged, m.top), (Some(Ukraine), 4, 4));
        // 4 R against 4 U is a tie, never agreement.
        let m = measure(1, &tally(4, 4, 0, 0));
        assert_eq!((m.leading, m.agreed), (Leading::Tie(Russia, Ukraine, None), None));
    }

    #[test]
    fn leading_answers() {
        assert_eq!(leading(&tally(0, 0, 0, 5)), Leading::NoAnswers);
        assert_eq!(leading(&tally(1, 2, 0, 5)), Leading::Answer(Ukraine));
        assert_eq!(leading(&tally(2, 2, 2, 0)), Leading::Tie(Russia, Ukraine, Some(Neutral)));
        assert_eq!(leading(&tally(0, 3, 3, 0)), Leading::Tie(Ukraine, Neutral, None));
        assert!(Leading::Tie(Ukraine, Neutral, None).includes(Neutral));
        assert!(!Leading::Tie(Ukraine, Neutral, None).includes(Russia));
        assert!(!Leading::NoAnswers.includes(Russia));
    }

    #[test]
    fn entropy_values() {
        assert_eq!(normalised_entropy([0, 0, 0]), 0.0);
        assert_eq!(normalised_entropy([5, 0, 0]), 0.0);
        assert!((normalised_entropy([3, 3, 3]) - 1.0).abs() < 1e-12);
        assert!((normalised_entropy([4, 4, 0]) - 2f64.ln() / 3f64.ln()).abs() < 1e-12);
        assert!((normalised_entropy([2, 1, 1]) - 0.946).abs() < 1e-3);
        assert_eq!(normalised_entropy([1, 2, 3]).to_bits(), normalised_entropy([3, 1, 2]).to_bits());
    }

    #[test]
    fn split_needs_enough_answers_and_no_agreement() {
        assert!(!measure(1, &tally(1, 1, 1, 0)).split); // 3 tagged
        assert!(measure(1, &tally(2, 1, 1, 0)).split);
        assert!(measure(1, &tally(3, 3, 0, 0)).split); // even two-way: 0.63
        assert!(!measure(1, &tally(7, 3, 0, 0)).split); // 0.56
                                                        // 8 of 10 with 1 and 1: entropy 0.58 and agreement.
        let m = measure(1, &tally(8, 1, 1, 0));
        assert!(m.agreed.is_some() && !m.split);
        // 6 of 8 with 1 and 1: entropy 0.67, but the class agrees, so not split.
        let m = measure(1, &tally(6, 1, 1, 0));
        assert!(m.entropy > SPLIT_AT && m.agreed == Some(Russia) && !m.split);
    }

    #[test]
    fn lists_are_sorted_and_limited() {
        let c = class(
            12,
            &[
                (3, [0, 12, 0]), // 13/14
                (5, [4, 0, 0]),  // 5/6
                (9, [10, 1, 1]), // 11/14
                (2, [0, 0, 12]), // 13/14, before 3
                (7, [4, 4, 4]),  // split 1.0
                (8, [6, 6, 0]),  // split 0.63
                (11, [2, 1, 1]), // split 0.95
                (12, [2, 0, 0]), // too few
                (13, [1, 1, 1]), // too few
            ],
        );
        let agreed: Vec<u8> = agreed_points(&c, 10).iter().map(|m| m.number).collect();
        assert_eq!(agreed, vec![2, 3, 5, 9]);
        assert_eq!(agreed_points(&c, 2).len(), 2);
        let split: Vec<u8> = split_points(&c, 10).iter().map(|m| m.number).collect();
        assert_eq!(split, vec![7, 11, 8]);
        assert_eq!(split_points(&c, 1)[0].number, 7);
        assert!(agreed_points(&c, 0).is_empty());
        let m = measures(&c);
        assert_eq!(m.len(), POINT_COUNT);
        assert_eq!(m[2].agreed, Some(Ukraine));
    }

    #[test]
    fn ties_in_entropy_go_by_point_number() {
        let c = class(6, &[(9, [2, 2, 2]), (4, [2, 2, 2]), (6, [2, 2, 2])]);
        let split: Vec<u8> = split_points(&c, 10).iter().map(|m| m.number).collect();
        assert_eq!(split, vec![4, 6, 9]);
        let empty = ClassCounts::count(&[Tags::default()]);
        assert!(split_points(&empty, 5).is_empty() && agreed_points(&empty, 5).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn measures_stay_in_range(r in 0usize..50, u in 0usize..50, n in 0usize..50, none in 0usize..5) {
            let m = measure(1, &tally(r, u, n, none));
            prop_assert!((0.0..=1.0).contains(&m.entropy));
            prop_assert!(m.agreement > 0.0 && m.agreement < 1.0);
            prop_assert!(!(m.split && m.agreed.is_some()));
            if let Some(tag) = m.agreed {
                prop_assert_eq!(m.leading, Leading::Answer(tag));
                prop_assert!(m.agreement >= 0.7 - 1e-12 && m.tagged >= MIN_TAGGED);
            }
        }
    }
}
