//! Camps: groups of students who tagged alike, found without any randomness,
//! and what sets each group apart from the rest of the class.
//!
//! **Students.** Each student is a row of answers, one per point, untagged
//! points *missing* (not a fourth answer: leaving a point out says nothing).
//! Students who tagged fewer than `MIN_TAGS` points (7 of 28) are left out
//! and counted as such: with a few answers, anyone fits some camp by chance.
//! Camps are looked for from `MIN_STUDENTS` (8) placed students on. Rows are
//! sorted (canonical order), so the input order never matters, and nothing
//! is random, so the same class gives the same camps on every run.
//!
//! **Distance.** A camp's centre holds, per point, the share of each answer
//! among its members who tagged the point (a point none of them tagged takes
//! the whole class's shares). A student's distance to a centre is the root
//! mean, over the points *the student* tagged, of the squared distance
//! between their answer (one-hot: 1 for the answer, 0 for the other two) and
//! the centre's shares: 0 when the camp answered like them throughout,
//! √2 when it always answered otherwise. Points a student left out do not
//! count for or against any camp.
//!
//! **Grouping.** k-means for k = 2 and k = 3 (Lloyd's iterations, ties to
//! the lower camp, until no student moves, or at most one in a thousand in a
//! large class, or `MAX_ITERATIONS`). Seeds by farthest point: the
//! student farthest from the class centre, then each time the student
//! farthest from the seeds chosen so far (ties to the first in canonical
//! order). Seeds are drawn from students who tagged at least half as many
//! points as the most thorough one, so a single answer cannot found a camp.
//!
//! **Choosing k, or none.** Each grouping is scored by the *simplified
//! silhouette* over all students: `s = (b − a) / max(a, b)` with `a` the
//! distance to the student's own camp centre computed without the student
//! (so a small camp does not look tight only because it contains them), and
//! `b` the distance to the nearest other centre; the score is the mean `s`.
//! It costs O(students × k × points), where the full silhouette would be
//! quadratic. A grouping counts only when every camp has at least
//! `MIN_CAMP` students; the better score wins (ties to k = 2); below
//! `SILHOUETTE_AT` (0.3) there are no clear camps. Calibration
//! (`cargo run -p plan-core --release --example camps_calibration`): classes
//! of 8 to 30 students answering at random scored at most 0.16 with every
//! point tagged and 0.23 with 30% untagged (1,000 runs a size); with 60%
//! untagged, 0.3 was reached in at most 0.3% of runs (2.4% with 72% untagged
//! and 10 students). Two planted camps of 6 and 6 that differ on 10 points, with
//! one answer in eight changed at random, scored 0.32 or more.
//!
//! **What sets a camp apart** (as Pol.is does): for answer `a` on point
//! `p`, with `g` the camp and `r` the rest of the class, `n_g` the members
//! who tagged `p` and `n_ga` those who answered `a` (likewise `n_r`,
//! `n_ra`), the representativeness ratio is
//! `((n_ga + 1) / (n_g + 2)) / ((n_ra + 1) / (n_r + 2))`. A pair is kept
//! when the ratio is above 1 and a one-sided two-proportion z-test (pooled)
//! gives `z ≥ Z_AT` (1.645: 95% one-sided); kept pairs are sorted by ratio,
//! then z, then point number.
//!
//! **Common ground**: points where every camp's most common answer is the
//! same single answer, held by a strict majority of the camp's members who
//! tagged the point (the smoothed share `(x + 1) / (n + 2)` is above one half
//! exactly when `x > n / 2`), with at least `MIN_CAMP_TAGGED` of them tagging it.
//!
//! Results carry counts and point numbers only, never a name, and not which
//! student is in which camp.

use super::measures::{leading, Leading};
use super::ClassCounts;
use crate::tags::{Tag, Tags};
use crate::tally::{percent, Tally};
use crate::POINT_COUNT;

/// Fewest students (with at least `MIN_TAGS` tags) before camps are looked for.
pub const MIN_STUDENTS: usize = 8;
/// Fewest points a student must tag to be placed in a camp: a quarter of the
/// draft (7 of 28). With fewer, a handful of answers would fit some camp by
/// chance; Pol.is likewise groups only participants with 7 votes or more.
pub const MIN_TAGS: usize = POINT_COUNT.div_ceil(4);
/// Fewest students in a camp.
pub const MIN_CAMP: usize = 3;
/// Lowest silhouette score that counts as clear camps.
pub const SILHOUETTE_AT: f64 = 0.3;
/// One-sided z for 95% confidence.
pub const Z_AT: f64 = 1.645;
/// Fewest members of each camp who must tag a point for it to be common ground.
pub const MIN_CAMP_TAGGED: usize = 2;
pub const MAX_ITERATIONS: usize = 100;

const UNTAGGED: u8 = 3;
type Counts = [[usize; 3]; POINT_COUNT];

/// What the camp search found.
#[derive(Clone, Debug, PartialEq)]
pub enum Camps {
    /// Fewer than `MIN_STUDENTS` students with `MIN_TAGS` tags: `needed`
    /// more are; `left_out` students tagged too few points to be placed.
    NotEnough {
        students: usize,
        needed: usize,
        left_out: usize,
    },
    /// No grouping scored `SILHOUETTE_AT`; `silhouette` is the best score of
    /// a grouping with big enough camps (0 when there was none).
    NoClearCamps {
        silhouette: f64,
    },
    Found(Found),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Largest first; equal sizes in canonical order of their first student.
    pub camps: Vec<Camp>,
    pub silhouette: f64,
    /// Students who tagged fewer than `MIN_TAGS` points: in no camp.
    pub left_out: usize,
    /// Strongest first: see `CommonGround::lowest_share`.
    pub common_ground: Vec<CommonGround>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Camp {
    pub size: usize,
    /// The camp's own per-point counts.
    pub counts: ClassCounts,
    /// What sets the camp apart, strongest first.
    pub distinctive: Vec<Distinctive>,
}

/// An answer on a point that a camp gave much more often than the rest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Distinctive {
    pub number: u8,
    pub answer: Tag,
    /// Percentage of the camp's members who tagged the point that chose `answer`.
    pub camp_share: u8,
    /// The same among the rest of the class.
    pub rest_share: u8,
    pub ratio: f64,
    pub z: f64,
}

/// A point on which every camp leans the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommonGround {
    pub number: u8,
    pub answer: Tag,
    /// The smallest of the camps' shares (of members who tagged the point) for `answer`.
    pub lowest_share: u8,
}

/// Looks for camps among `students`; each camp lists at most `distinctive`
/// points that set it apart. All in one go: see [`CampSearch`] for the same
/// search in slices, for a large class.
pub fn find_camps<'a>(students: impl IntoIterator<Item = &'a Tags>, distinctive: usize) -> Camps {
    let mut search = CampSearch::new(students, distinctive);
    loop {
        if let Some(camps) = search.step() {
            return camps;
        }
    }
}

/// The camp search, resumable: each [`CampSearch::step`] does one slice of
/// the work (seeding, one k-means iteration, one silhouette, the
/// description), each linear in the class's size, so a page can run a large
/// class's search over several tasks and none of them runs long. The slices
/// are the one-go search's own steps, in the same order: the result is the same.
pub struct CampSearch {
    students: Vec<Student>,
    left_out: usize,
    distinctive: usize,
    all: Counts,
    mean: Centre,
    stage: Stage,
    /// The best grouping so far (every camp at least `MIN_CAMP`).
    best: Option<Grouping>,
}

enum Stage {
    /// Seeding the grouping into `k` camps.
    Seed(usize),
    /// Lloyd's iterations for `k` camps.
    Iterate {
        k: usize,
        centres: Vec<Centre>,
        camp_of: Vec<usize>,
        iteration: usize,
    },
    /// Scoring the settled grouping.
    Score {
        k: usize,
        camp_of: Vec<usize>,
    },
    Describe,
    Done(Camps),
}

/// The groupings tried, in order.
const KS: [usize; 2] = [2, 3];

impl CampSearch {
    pub fn new<'a>(students: impl IntoIterator<Item = &'a Tags>, distinctive: usize) -> CampSearch {
        let (students, left_out) = canonical(students);
        let all = point_counts(&students, &vec![0; students.len()], 1).remove(0);
        let mean = Centre::from_counts(&all, None);
        let stage = if students.len() < MIN_STUDENTS {
            Stage::Done(Camps::NotEnough { students: students.len(), needed: MIN_STUDENTS - students.len(), left_out })
        } else {
            Stage::Seed(KS[0])
        };
        CampSearch { students, left_out, distinctive, all, mean, stage, best: None }
    }

    /// How many students take part (a measure of each step's cost).
    pub fn students(&self) -> usize {
        self.students.len()
    }

    /// One slice of the work; the camps once the search is done.
    pub fn step(&mut self) -> Option<Camps> {
        let stage = std::mem::replace(&mut self.stage, Stage::Describe);
        self.stage = match stage {
            Stage::Seed(k) => match seeds(&self.students, k, &self.mean) {
                Some(centres) => {
                    Stage::Iterate { k, centres, camp_of: vec![usize::MAX; self.students.len()], iteration: 0 }
                }
                None => self.next_k(k),
            },
            Stage::Iterate { k, centres, mut camp_of, iteration } => {
                if lloyd_assign(&self.students, &centres, &mut camp_of) || iteration + 1 >= MAX_ITERATIONS {
                    Stage::Score { k, camp_of }
                } else {
                    let counts = point_counts(&self.students, &camp_of, k);
                    let centres = counts.iter().map(|c| Centre::from_counts(c, Some(&self.mean))).collect();
                    Stage::Iterate { k, centres, camp_of, iteration: iteration + 1 }
                }
            }
            Stage::Score { k, camp_of } => {
                let g = settle(&self.students, k, camp_of, &self.mean);
                if g.sizes.iter().all(|&s| s >= MIN_CAMP)
                    && self.best.as_ref().is_none_or(|b| g.silhouette > b.silhouette)
                {
                    self.best = Some(g);
                }
                self.next_k(k)
            }
            Stage::Describe => Stage::Done(match self.best.take() {
                Some(g) if g.silhouette >= SILHOUETTE_AT => {
                    Camps::Found(describe(&self.students, &g, &self.all, self.distinctive, self.left_out))
                }
                other => Camps::NoClearCamps { silhouette: other.map_or(0.0, |g| g.silhouette) },
            }),
            Stage::Done(camps) => {
                self.stage = Stage::Done(camps.clone());
                return Some(camps);
            }
        };
        match &self.stage {
            Stage::Done(camps) => Some(camps.clone()),
            _ => None,
        }
    }

    /// After the grouping into `k` camps: the next k, or the description.
    fn next_k(&self, k: usize) -> Stage {
        match KS.iter().position(|&x| x == k).and_then(|i| KS.get(i + 1)) {
            Some(&next) => Stage::Seed(next),
            None => Stage::Describe,
        }
    }
}

/// One student: an answer index per point (0 Russia, 1 Ukraine, 2 Neutral,
/// `UNTAGGED`), and how many points they tagged.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Student {
    answers: [u8; POINT_COUNT],
    tagged: usize,
}

fn answer_index(tag: Option<Tag>) -> u8 {
    match tag {
        Some(Tag::Russia) => 0,
        Some(Tag::Ukraine) => 1,
        Some(Tag::Neutral) => 2,
        None => UNTAGGED,
    }
}

/// Students with at least `MIN_TAGS` tags, in canonical (sorted) order, and
/// how many others were left out.
fn canonical<'a>(students: impl IntoIterator<Item = &'a Tags>) -> (Vec<Student>, usize) {
    let (mut rows, mut left_out) = (Vec::new(), 0);
    for tags in students {
        let answers = tags.as_array().map(answer_index);
        let tagged = answers.iter().filter(|&&a| a != UNTAGGED).count();
        if tagged >= MIN_TAGS {
            rows.push(Student { answers, tagged });
        } else {
            left_out += 1;
        }
    }
    rows.sort_unstable();
    (rows, left_out)
}

/// Per camp, per point, how many members gave each answer.
fn point_counts(students: &[Student], camp_of: &[usize], k: usize) -> Vec<Counts> {
    let mut counts = vec![[[0; 3]; POINT_COUNT]; k];
    for (s, &c) in students.iter().zip(camp_of) {
        for (p, &a) in s.answers.iter().enumerate() {
            if a != UNTAGGED {
                counts[c][p][usize::from(a)] += 1;
            }
        }
    }
    counts
}

/// A camp centre: per point, the share of each answer, and the cost of each
/// answer there: the squared distance `1 − 2·share + Σ share²` between the
/// answer (one-hot) and the shares, 0 for untagged. A distance is then one
/// table look-up per point.
#[derive(Clone)]
struct Centre {
    shares: [[f64; 3]; POINT_COUNT],
    cost: [[f64; 4]; POINT_COUNT],
}

impl Centre {
    /// Shares from counts; a point with no answers takes `fallback`'s shares.
    fn from_counts(counts: &Counts, fallback: Option<&Centre>) -> Centre {
        let mut centre = Centre { shares: [[0.0; 3]; POINT_COUNT], cost: [[0.0; 4]; POINT_COUNT] };
        for (p, answers) in counts.iter().enumerate() {
            let n: usize = answers.iter().sum();
            let shares =
                if n > 0 { answers.map(|c| c as f64 / n as f64) } else { fallback.map_or([0.0; 3], |f| f.shares[p]) };
            centre.set(p, shares);
        }
        centre
    }

    /// A student as a centre: their answers, the class's shares where they have none.
    fn of_student(student: &Student, mean: &Centre) -> Centre {
        let mut centre = mean.clone();
        for (p, &a) in student.answers.iter().enumerate() {
            if a != UNTAGGED {
                let mut one_hot = [0.0; 3];
                one_hot[usize::from(a)] = 1.0;
                centre.set(p, one_hot);
            }
        }
        centre
    }

    fn set(&mut self, p: usize, shares: [f64; 3]) {
        self.shares[p] = shares;
        self.cost[p] = costs(shares);
    }

    /// Mean squared distance over the student's tagged points (0..=2).
    fn distance(&self, s: &Student) -> f64 {
        let sum: f64 = s.answers.iter().zip(&self.cost).map(|(&a, cost)| cost[usize::from(a)]).sum();
        sum / s.tagged as f64
    }
}

/// Squared distance from each answer (one-hot) to `shares`; 0 for untagged.
fn costs(shares: [f64; 3]) -> [f64; 4] {
    let norm: f64 = shares.iter().map(|s| s * s).sum();
    [1.0 - 2.0 * shares[0] + norm, 1.0 - 2.0 * shares[1] + norm, 1.0 - 2.0 * shares[2] + norm, 0.0]
}

/// A grouping into k camps, with its silhouette score.
struct Grouping {
    k: usize,
    camp_of: Vec<usize>,
    sizes: Vec<usize>,
    silhouette: f64,
}

/// One Lloyd assignment: each student to their nearest centre. True when
/// settled: nobody moved, or (in a large class) at most one student in a thousand.
fn lloyd_assign(students: &[Student], centres: &[Centre], camp_of: &mut [usize]) -> bool {
    let mut moved = 0;
    for (s, camp) in students.iter().zip(camp_of.iter_mut()) {
        let nearest = nearest(centres, s);
        moved += usize::from(nearest != *camp);
        *camp = nearest;
    }
    moved <= students.len() / 1000
}

/// A settled assignment as a grouping: its camps' sizes and its silhouette.
fn settle(students: &[Student], k: usize, camp_of: Vec<usize>, mean: &Centre) -> Grouping {
    let mut sizes = vec![0; k];
    for &c in &camp_of {
        sizes[c] += 1;
    }
    let silhouette = silhouette(students, &camp_of, k, mean);
    Grouping { k, camp_of, sizes, silhouette }
}

/// The nearest centre (the first of equals).
fn nearest(centres: &[Centre], s: &Student) -> usize {
    let mut best = (0, f64::INFINITY);
    for (i, c) in centres.iter().enumerate() {
        let d = c.distance(s);
        if d < best.1 {
            best = (i, d);
        }
    }
    best.0
}

/// Farthest-point seeds among students who tagged at least half as many points as the most thorough.
fn seeds(students: &[Student], k: usize, mean: &Centre) -> Option<Vec<Centre>> {
    let most = students.iter().map(|s| s.tagged).max()?;
    let candidates: Vec<&Student> = students.iter().filter(|s| 2 * s.tagged >= most).collect();
    let (first, _) = farthest(&candidates, |s| mean.distance(s))?;
    let mut centres = vec![Centre::of_student(first, mean)];
    while centres.len() < k {
        let (next, gap) =
            farthest(&candidates, |s| centres.iter().map(|c| c.distance(s)).fold(f64::INFINITY, f64::min))?;
        if gap <= 0.0 {
            return None; // every candidate answered like a seed: no room for another camp
        }
        centres.push(Centre::of_student(next, mean));
    }
    Some(centres)
}

/// The candidate with the largest `distance` (the first of equals), with that distance.
fn farthest<'a>(candidates: &[&'a Student], distance: impl Fn(&Student) -> f64) -> Option<(&'a Student, f64)> {
    let mut best: Option<(&Student, f64)> = None;
    for &s in candidates {
        let d = distance(s);
        if best.is_none_or(|(_, b)| d > b) {
            best = Some((s, d));
        }
    }
    best
}

/// Mean simplified silhouette, the own camp's centre taken without the student.
fn silhouette(students: &[Student], camp_of: &[usize], k: usize, mean: &Centre) -> f64 {
    let counts = point_counts(students, camp_of, k);
    let centres: Vec<Centre> = counts.iter().map(|c| Centre::from_counts(c, Some(mean))).collect();
    let mut sum = 0.0;
    for (s, &own) in students.iter().zip(camp_of) {
        let a = without(&counts[own], s, mean).sqrt();
        let b = (0..k).filter(|&c| c != own).map(|c| centres[c].distance(s)).fold(f64::INFINITY, f64::min).sqrt();
        let top = a.max(b);
        if top > 0.0 && top.is_finite() {
            sum += (b - a) / top;
        }
    }
    sum / students.len() as f64
}

/// Distance from `s` to its own camp's centre with `s` taken out of the camp
/// (a point no other member tagged takes the class's shares).
fn without(counts: &Counts, s: &Student, mean: &Centre) -> f64 {
    let mut sum = 0.0;
    for (p, &a) in s.answers.iter().enumerate() {
        if a == UNTAGGED {
            continue;
        }
        let mut others = counts[p];
        others[usize::from(a)] -= 1;
        let n: usize = others.iter().sum();
        let cost = if n == 0 { mean.cost[p] } else { costs(others.map(|x| x as f64 / n as f64)) };
        sum += cost[usize::from(a)];
    }
    sum / s.tagged as f64
}

/// Camps in display order, what sets each apart, and the common ground.
fn describe(students: &[Student], g: &Grouping, all: &Counts, distinctive: usize, left_out: usize) -> Found {
    let counts = point_counts(students, &g.camp_of, g.k);
    let first: Vec<usize> = (0..g.k).map(|c| g.camp_of.iter().position(|&x| x == c).unwrap_or(usize::MAX)).collect();
    let mut order: Vec<usize> = (0..g.k).collect();
    order.sort_by(|&a, &b| g.sizes[b].cmp(&g.sizes[a]).then(first[a].cmp(&first[b])));
    let camps: Vec<Camp> = order
        .iter()
        .map(|&c| Camp {
            size: g.sizes[c],
            counts: class_counts(g.sizes[c], &counts[c]),
            distinctive: distinctive_points(&counts[c], all, distinctive),
        })
        .collect();
    let common_ground = common_ground(&camps);
    Found { camps, silhouette: g.silhouette, left_out, common_ground }
}

fn class_counts(size: usize, counts: &Counts) -> ClassCounts {
    ClassCounts::from_tagged(size, counts).unwrap_or_default() // always adds up: counted from `size` students
}

/// Representativeness of each (point, answer) for a camp against the rest of the class.
fn distinctive_points(camp: &Counts, all: &Counts, limit: usize) -> Vec<Distinctive> {
    let mut found = Vec::new();
    for p in 0..POINT_COUNT {
        let n_g: usize = camp[p].iter().sum();
        let n_r: usize = all[p].iter().sum::<usize>() - n_g;
        for (i, answer) in Tag::ALL.into_iter().enumerate() {
            let (n_ga, n_ra) = (camp[p][i], all[p][i] - camp[p][i]);
            let ratio = representativeness(n_ga, n_g, n_ra, n_r);
            match z_score(n_ga, n_g, n_ra, n_r) {
                Some(z) if ratio > 1.0 && z >= Z_AT => found.push(Distinctive {
                    number: p as u8 + 1,
                    answer,
                    camp_share: percent(n_ga, n_g),
                    rest_share: percent(n_ra, n_r),
                    ratio,
                    z,
                }),
                _ => {}
            }
        }
    }
    found.sort_by(|a, b| {
        b.ratio
            .total_cmp(&a.ratio)
            .then(b.z.total_cmp(&a.z))
            .then(a.number.cmp(&b.number))
            .then(Tag::ALL.iter().position(|&t| t == a.answer).cmp(&Tag::ALL.iter().position(|&t| t == b.answer)))
    });
    found.truncate(limit);
    found
}

/// `((n_ga + 1) / (n_g + 2)) / ((n_ra + 1) / (n_r + 2))`.
pub fn representativeness(n_ga: usize, n_g: usize, n_ra: usize, n_r: usize) -> f64 {
    ((n_ga as f64 + 1.0) / (n_g as f64 + 2.0)) / ((n_ra as f64 + 1.0) / (n_r as f64 + 2.0))
}

/// Pooled two-proportion z for "the camp chose the answer more often than the
/// rest"; `None` when a group is empty or everyone answered alike (no spread to test).
pub fn z_score(n_ga: usize, n_g: usize, n_ra: usize, n_r: usize) -> Option<f64> {
    if n_g == 0 || n_r == 0 {
        return None;
    }
    let (g, r) = (n_g as f64, n_r as f64);
    let pooled = (n_ga + n_ra) as f64 / (g + r);
    let se = (pooled * (1.0 - pooled) * (1.0 / g + 1.0 / r)).sqrt();
    (se > 0.0).then(|| (n_ga as f64 / g - n_ra as f64 / r) / se)
}

/// Points where every camp's single most common answer is the same, held by
/// a strict majority of at least `MIN_CAMP_TAGGED` members who tagged it.
fn common_ground(camps: &[Camp]) -> Vec<CommonGround> {
    let mut found: Vec<(CommonGround, f64)> = Vec::new();
    for number in 1..=POINT_COUNT as u8 {
        let tallies: Vec<&Tally> = camps.iter().filter_map(|c| c.counts.point(number)).collect();
        let Some(Leading::Answer(answer)) = tallies.first().map(|t| leading(t)) else { continue };
        let leans = |t: &&Tally| {
            let (x, n) = (t.get(Some(answer)), t.tagged());
            leading(t) == Leading::Answer(answer) && n >= MIN_CAMP_TAGGED && 2 * x > n
        };
        if tallies.iter().all(leans) {
            let lowest = tallies.iter().map(|t| t.get(Some(answer)) as f64 / t.tagged() as f64).fold(1.0, f64::min);
            let lowest_share = tallies.iter().map(|t| percent(t.get(Some(answer)), t.tagged())).min().unwrap_or(0);
            found.push((CommonGround { number, answer, lowest_share }, lowest));
        }
    }
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.number.cmp(&b.0.number)));
    found.into_iter().map(|(c, _)| c).collect()
}

#[cfg(test)]
mod tests;
