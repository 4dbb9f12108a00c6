use super::*;
use crate::tags::Tags;

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::{random_class, two_camps, Lcg};

/// Tags from a string of letters, one per point: R, U, N, or `.` for untagged.
fn row(letters: &str) -> Tags {
    let mut t = Tags::default();
    for (i, c) in letters.chars().enumerate() {
        t.set(i as u8 + 1, Tag::from_key(&c.to_string()));
    }
    t
}

/// 28 letters: the first ten `a`, the rest `N`, with the points in `flips` set to `flip`.
fn leaning(a: char, flips: &[usize], flip: char) -> Tags {
    let letters: String = (0..POINT_COUNT)
        .map(|i| {
            if flips.contains(&i) {
                flip
            } else if i < 10 {
                a
            } else {
                'N'
            }
        })
        .collect();
    row(&letters)
}

/// Six students lean Russia on points 1–10, four lean Ukraine; all say
/// Neutral on 11–28; a few answers are flipped so no two rows are equal.
fn constructed_two_camps() -> Vec<Tags> {
    vec![
        leaning('R', &[], 'U'),
        leaning('R', &[0], 'U'),
        leaning('R', &[12], 'R'),
        leaning('R', &[3, 20], 'U'),
        leaning('R', &[5], 'N'),
        leaning('R', &[27], 'U'),
        leaning('U', &[], 'R'),
        leaning('U', &[1], 'R'),
        leaning('U', &[15], 'U'),
        leaning('U', &[8], 'N'),
    ]
}

fn found(c: Camps) -> Found {
    match c {
        Camps::Found(f) => f,
        other => panic!("expected camps, got {other:?}"),
    }
}

#[test]
fn too_few_students_say_how_many_more() {
    let class = constructed_two_camps();
    assert_eq!(find_camps(&class[..7], 3), Camps::NotEnough { students: 7, needed: 1, left_out: 0 });
    assert_eq!(find_camps(&[], 3), Camps::NotEnough { students: 0, needed: MIN_STUDENTS, left_out: 0 });
    // Students with fewer than MIN_TAGS tags are not placed.
    let mut sparse = class[..7].to_vec();
    sparse.push(row("RRRRRR"));
    assert_eq!(MIN_TAGS, 7);
    sparse.push(Tags::default());
    assert_eq!(find_camps(&sparse, 3), Camps::NotEnough { students: 7, needed: 1, left_out: 2 });
    sparse.push(row("RRRRRRR"));
    assert!(!matches!(find_camps(&sparse, 3), Camps::NotEnough { .. }));
    let mut class = constructed_two_camps();
    class.push(row("UUU"));
    assert_eq!(found(find_camps(&class, 3)).left_out, 1);
}

#[test]
fn a_constructed_two_camp_class_has_exactly_two_camps() {
    let f = found(find_camps(&constructed_two_camps(), 4));
    assert_eq!(f.camps.iter().map(|c| c.size).collect::<Vec<_>>(), vec![6, 4]);
    assert!(f.silhouette >= SILHOUETTE_AT, "{}", f.silhouette);
    // The larger camp is the Russia-leaning one: its distinctive answers are Russia on points 1–10.
    let big = &f.camps[0];
    assert_eq!(big.counts.students(), 6);
    assert_eq!(big.counts.point(3).unwrap().russia, 6);
    assert_eq!(big.distinctive.len(), 4);
    for d in &big.distinctive {
        assert!(d.number <= 10 && d.answer == Tag::Russia, "{d:?}");
        assert!(d.camp_share >= 83 && d.rest_share <= 25 && d.z >= Z_AT && d.ratio > 1.0, "{d:?}");
    }
    // Strongest first: 6 of 6 against 0 of 4.
    let top = big.distinctive[0];
    assert_eq!((top.camp_share, top.rest_share), (100, 0));
    assert!((top.ratio - (7.0 / 8.0) / (1.0 / 6.0)).abs() < 1e-9);
    for d in &f.camps[1].distinctive {
        assert!(d.number <= 10 && d.answer == Tag::Ukraine, "{d:?}");
    }
    // Common ground: Neutral on 11–28 (a flipped answer here and there still leaves a majority).
    let common: Vec<u8> = f.common_ground.iter().map(|c| c.number).collect();
    assert_eq!(common.len(), 18);
    assert!(common.iter().all(|&n| n > 10));
    assert!(f.common_ground.iter().all(|c| c.answer == Tag::Neutral));
    assert_eq!(f.common_ground[0].lowest_share, 100);
    assert_eq!(f.common_ground.last().unwrap().lowest_share, 75); // point 16: 3 of 4 in the Ukraine camp
}

#[test]
fn three_camps() {
    let mut class = Vec::new();
    for (i, a) in ['R', 'U', 'N'].into_iter().enumerate() {
        for j in 0..5 {
            let letters: String = (0..POINT_COUNT)
                .map(|p| {
                    if p == j + 5 * i {
                        'R'
                    } else if p < 15 {
                        a
                    } else {
                        'U'
                    }
                })
                .collect();
            class.push(row(&letters));
        }
    }
    let f = found(find_camps(&class, 2));
    assert_eq!(f.camps.iter().map(|c| c.size).collect::<Vec<_>>(), vec![5, 5, 5]);
    // Equal sizes go in the canonical order of their first rows: rows sort by
    // answer (Russia, Ukraine, Neutral), so the Russia camp comes first.
    assert_eq!(f.camps[0].counts.point(1).unwrap().russia, 5);
    assert_eq!(f.camps[1].counts.point(1).unwrap().ukraine, 5);
    assert_eq!(f.camps[2].counts.point(1).unwrap().neutral, 5);
    assert!(f.common_ground.iter().all(|c| c.number > 15 && c.answer == Tag::Ukraine));
}

#[test]
fn an_outlier_does_not_make_a_camp() {
    let mut class = constructed_two_camps();
    class.push(row(&"N".repeat(POINT_COUNT)));
    let f = found(find_camps(&class, 3));
    assert_eq!(f.camps.len(), 2);
    assert_eq!(f.camps.iter().map(|c| c.size).sum::<usize>(), 11);
}

#[test]
fn uniform_and_random_classes_have_no_camps() {
    // Everyone alike.
    let same = vec![row(&"RUN".repeat(POINT_COUNT)); 12];
    assert_eq!(find_camps(&same, 3), Camps::NoClearCamps { silhouette: 0.0 });
    // Answers at random, several classes and sizes.
    let mut rng = Lcg(2025);
    for n in [8, 12, 30, 60] {
        for _ in 0..5 {
            let class = random_class(&mut rng, n, 10);
            let result = find_camps(&class, 3);
            assert!(matches!(result, Camps::NoClearCamps { .. }), "n={n}: {result:?}");
        }
    }
    // Each point split evenly, but independently: no camps either.
    let cycle: Vec<Tags> = (0..9)
        .map(|i| {
            let letters: String = (0..POINT_COUNT).map(|p| ['R', 'U', 'N'][(i + i / 3 * p) % 3]).collect();
            row(&letters)
        })
        .collect();
    assert!(matches!(find_camps(&cycle, 3), Camps::NoClearCamps { .. }));
}

#[test]
fn the_same_class_in_any_order_gives_the_same_camps() {
    let class = constructed_two_camps();
    let first = find_camps(&class, 5);
    assert_eq!(find_camps(&class, 5), first);
    let mut rng = Lcg(3);
    for _ in 0..10 {
        let mut shuffled = class.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i as u64 + 1) as usize);
        }
        assert_eq!(find_camps(&shuffled, 5), first);
    }
    // A random class too, found or not.
    let random = random_class(&mut rng, 40, 20);
    let mut reversed = random.clone();
    reversed.reverse();
    assert_eq!(find_camps(&random, 3), find_camps(&reversed, 3));
}

#[test]
fn representativeness_and_z() {
    // 6 of 6 against 0 of 4.
    assert!((representativeness(6, 6, 0, 4) - 5.25).abs() < 1e-12);
    assert!((representativeness(1, 2, 1, 2) - 1.0).abs() < 1e-12);
    let z = z_score(6, 6, 0, 4).unwrap();
    assert!((z - 3.162).abs() < 1e-3, "{z}");
    assert!(z_score(3, 6, 2, 4).unwrap().abs() < 1e-12);
    assert_eq!(z_score(0, 0, 3, 4), None);
    assert_eq!(z_score(5, 5, 4, 4), None); // everyone alike: nothing to test
                                           // 2 of 3 against 1 of 3 is not enough evidence.
    assert!(z_score(2, 3, 1, 3).unwrap() < Z_AT);
}

#[test]
fn a_large_class_clusters_quickly() {
    let mut rng = Lcg(5);
    let mut class = two_camps(&mut rng, 1200, 800, 10, 20);
    class.extend(random_class(&mut rng, 100, 30));
    let f = found(find_camps(&class, 3));
    assert_eq!(f.camps.len(), 2);
    assert!(
        f.camps[0].size > 1150 && f.camps[1].size > 750,
        "{:?}",
        f.camps.iter().map(|c| c.size).collect::<Vec<_>>()
    );
}

mod properties {
    use super::*;
    use crate::strategies::any_tags;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_class_gives_an_answer_that_adds_up(class in proptest::collection::vec(any_tags(), 0..24)) {
            let placed = class.iter().filter(|t| POINT_COUNT - t.numbers_with(None).len() >= MIN_TAGS).count();
            match find_camps(&class, 3) {
                Camps::NotEnough { students, needed, left_out } => {
                    prop_assert_eq!(students, placed);
                    prop_assert_eq!(left_out, class.len() - placed);
                    prop_assert_eq!(students + needed, MIN_STUDENTS);
                }
                Camps::NoClearCamps { silhouette } => prop_assert!(silhouette < SILHOUETTE_AT),
                Camps::Found(f) => {
                    prop_assert!(f.camps.len() == 2 || f.camps.len() == 3);
                    prop_assert_eq!(f.camps.iter().map(|c| c.size).sum::<usize>(), placed);
                    prop_assert!(f.camps.windows(2).all(|w| w[0].size >= w[1].size));
                    prop_assert!(f.camps.iter().all(|c| c.size >= MIN_CAMP && c.distinctive.len() <= 3));
                    prop_assert!(f.silhouette >= SILHOUETTE_AT && f.silhouette <= 1.0);
                }
            }
        }

        #[test]
        fn order_never_matters(class in proptest::collection::vec(any_tags(), 8..20), rot in 0usize..20) {
            let mut turned = class.clone();
            turned.rotate_left(rot % class.len());
            prop_assert_eq!(find_camps(&class, 3), find_camps(&turned, 3));
        }
    }
}

#[test]
fn a_large_class_is_searched_in_small_steps_with_the_same_result() {
    let mut rng = Lcg(11);
    let class: Vec<Tags> = (0..3000).map(|_| random_class(&mut rng, 1, 20).remove(0)).collect();
    let mut search = CampSearch::new(&class, 5);
    let mut steps = 1;
    let camps = loop {
        if let Some(camps) = search.step() {
            break camps;
        }
        steps += 1;
    };
    assert!(steps > 3, "the search came in {steps} steps");
    assert!(steps <= 2 * (MAX_ITERATIONS + 2) + 2);
    assert_eq!(camps, find_camps(&class, 5));
    // Once done, it stays done.
    assert_eq!(search.step(), Some(camps));
}
