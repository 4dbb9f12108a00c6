//! Issue 27's scan budget: a share link with every reason filled (the
//! longest of the English, Ukrainian and German samples in
//! `core/fixtures/reasons.txt`, with a 15-letter Cyrillic name and a class
//! label) must still be read by the class view's camera.
//!
//! The code is made as the page makes it (`src/components/qr_code.rs`:
//! error correction M, a quiet zone of 4 modules), drawn into a 640×480 grey
//! frame (the largest the camera loop sends the decoder) as a webcam sees a
//! phone held up to it: 370–440 px wide, turned up to 10°, anywhere near the
//! middle, sometimes a little out of focus, with sensor noise, each pixel the
//! average of the area it covers (module edges fall between pixels). Then
//! this crate's own `decode` reads it, from RGBA as the worker gets it.
//!
//! `rqrr` reads fewer held-up poses the larger the code's version:
//! `read_rates_by_version` below measures it (`cargo test -p qr-worker
//! --release --test full_budget -- --ignored --nocapture`). Of 100 poses
//! 370–440 px wide: version 9 (today's link with that name) 91, 11: 87,
//! 12: 83, 13: 67, 14: 65, 15: 60, 17: 48, 20 (the issue's 3 reasons of 120
//! characters): 35; at 300–370 px: 86, 76, 65, 50, 48, 42, 28, 25. So the
//! page's budget keeps a full link within version 12 (`plan_core::reasons`,
//! 2 reasons of 36 characters).

use plan_core::reasons::{Reasons, MAX_REASONS};
use plan_core::share::fragment_with_reasons;
use plan_core::tags::{Tag, Tags};
use qr_worker::{decode, encode, grey};
use qrcode::{Color, QrCode, Version};

const W: usize = 640;
const H: usize = 480;
const QUIET: usize = 4;
/// A realistic address for the page, and a realistic student in Ukraine.
const PAGE: &str = "https://weigh-the-plan.example.org/";
const NAME: &str = "Олена Коваленко";
const CLASS: &str = "9-Б";

/// (language, point, text) of a fixture file.
fn samples(fixture: &str) -> Vec<(&str, u8, &str)> {
    fixture
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            Some((parts.next()?, parts.next()?.parse().ok()?, parts.next()?))
        })
        .collect()
}

/// Every point tagged (the tags' part is the same length whatever they are).
fn all_tagged() -> Tags {
    let mut tags = Tags::default();
    for n in 1..=28u8 {
        tags.set(n, Some(Tag::ALL[usize::from(n) % 3]));
    }
    tags
}

/// Each language's link with every reason filled, as the page makes it.
fn full_budget_links() -> Vec<(String, String)> {
    let samples = samples(include_str!("../../core/fixtures/reasons.txt"));
    ["en", "uk", "de"]
        .iter()
        .map(|&lang| {
            let mut reasons = Reasons::default();
            for &(_, point, text) in samples.iter().filter(|s| s.0 == lang) {
                reasons.set(point, text).unwrap();
            }
            assert_eq!(reasons.len(), MAX_REASONS, "{lang}: every reason filled");
            let f = fragment_with_reasons(&all_tagged(), &reasons, Some(NAME), Some(CLASS)).unwrap();
            (lang.to_owned(), format!("{PAGE}#{f}"))
        })
        .collect()
}

fn longest_link() -> String {
    full_budget_links().into_iter().map(|(_, l)| l).max_by_key(String::len).unwrap()
}

/// How the camera sees the code: its side (quiet zone included) in pixels,
/// turned by `degrees`, its centre moved by (`dx`, `dy`) from the frame's,
/// blurred (`blur` passes of a 3×3 box) and with noise of ±`noise`.
#[derive(Clone, Copy, Debug)]
struct View {
    side: f64,
    degrees: f64,
    dx: f64,
    dy: f64,
    blur: usize,
    noise: i32,
    /// The sensor's noise differs from frame to frame.
    seed: u32,
}

/// An RGBA frame `W`×`H`: a grey room, the phone's white screen with the code.
fn frame(code: &QrCode, view: View) -> Vec<u8> {
    let w = code.width();
    let colors = code.to_colors();
    let modules = (w + 2 * QUIET) as f64;
    let scale = view.side / modules;
    let (sin, cos) = view.degrees.to_radians().sin_cos();
    let (cx, cy) = (W as f64 / 2.0 + view.dx, H as f64 / 2.0 + view.dy);
    // The screen's white reaches a little past the quiet zone, as a phone's does.
    let screen = modules / 2.0 + 2.0;
    let level = |x: f64, y: f64| -> f64 {
        // Frame point → code coordinates, in modules from the code's centre.
        let (rx, ry) = (x - cx, y - cy);
        let (u, v) = ((rx * cos + ry * sin) / scale, (-rx * sin + ry * cos) / scale);
        if u.abs() > screen || v.abs() > screen {
            return 120.0;
        }
        let (mx, my) = (
            (u + modules / 2.0).floor() as isize - QUIET as isize,
            (v + modules / 2.0).floor() as isize - QUIET as isize,
        );
        let inside = mx >= 0 && my >= 0 && (mx as usize) < w && (my as usize) < w;
        if inside && colors[my as usize * w + mx as usize] == Color::Dark {
            30.0
        } else {
            225.0
        }
    };
    // Each pixel is the mean of 4×4 points over its area.
    let mut luma = vec![0f64; W * H];
    for y in 0..H {
        for x in 0..W {
            let mut sum = 0.0;
            for sy in 0..4 {
                for sx in 0..4 {
                    sum += level(x as f64 + (sx as f64 + 0.5) / 4.0, y as f64 + (sy as f64 + 0.5) / 4.0);
                }
            }
            luma[y * W + x] = sum / 16.0;
        }
    }
    for _ in 0..view.blur {
        let copy = luma.clone();
        for y in 1..H - 1 {
            for x in 1..W - 1 {
                let mut sum = 0.0;
                for (ox, oy) in [(0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (0, 2), (2, 1), (1, 2), (2, 2)] {
                    sum += copy[(y + oy - 1) * W + x + ox - 1];
                }
                luma[y * W + x] = sum / 9.0;
            }
        }
    }
    // A fixed pseudo-random noise (a linear congruential generator): the same frame every run.
    let mut seed: u32 = 0x2545_F491 ^ view.seed.wrapping_mul(0x9E37_79B9);
    let mut rgba = vec![255u8; W * H * 4];
    for (i, l) in luma.iter().enumerate() {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let n = if view.noise == 0 { 0 } else { (seed >> 16) as i32 % (2 * view.noise + 1) - view.noise };
        let v = (*l as i32 + n).clamp(0, 255) as u8;
        rgba[i * 4..i * 4 + 3].copy_from_slice(&[v, v, v]);
    }
    rgba
}

fn reads(code: &QrCode, link: &str, view: View) -> bool {
    decode(&grey(&frame(code, view)), W) == vec![link.to_owned()]
}

const STILL: View = View { side: 400.0, degrees: 0.0, dx: 0.0, dy: 0.0, blur: 0, noise: 0, seed: 0 };

/// A code held up: `poses` random poses (size, angle, position, focus,
/// noise), each seen in `frames` consecutive frames that differ only in the
/// sensor's noise (a student holding the phone steady for a moment). Returns
/// how many poses were read in at least one frame, and the share of frames read.
fn held_up(link: &str, poses: u32, frames: u32, sides: (f64, f64)) -> (u32, f64) {
    let code = encode(link).unwrap();
    let mut rng: u32 = 12_345 ^ (sides.0 as u32).wrapping_mul(7919);
    let mut next = move || {
        rng = rng.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        f64::from(rng >> 8) / f64::from(1u32 << 24)
    };
    let (mut read_poses, mut read_frames) = (0, 0);
    for pose in 0..poses {
        let view = View {
            side: sides.0 + (sides.1 - sides.0) * next(),
            degrees: -10.0 + 20.0 * next(),
            dx: -60.0 + 120.0 * next(),
            dy: -8.0 + 16.0 * next(),
            blur: usize::from(next() < 0.5),
            noise: (16.0 * next()) as i32,
            seed: 0,
        };
        let mut any = false;
        for frame in 0..frames {
            if reads(&code, link, View { seed: pose * 100 + frame, ..view }) {
                read_frames += 1;
                any = true;
            }
        }
        read_poses += u32::from(any);
    }
    (read_poses, f64::from(read_frames) / f64::from(poses * frames))
}

#[test]
fn a_full_budget_link_stays_within_version_12() {
    for (lang, link) in full_budget_links() {
        let code = encode(&link).unwrap();
        println!("{lang}: {} characters, QR {:?}", link.len(), code.version());
        assert!(matches!(code.version(), Version::Normal(v) if v <= 12), "{lang}: {:?}", code.version());
        // It reads back as the page wrote it: the reasons survive the trip.
        let fragment = link.split_once('#').unwrap().1;
        let plan_core::route::Route::Shared(Ok(shared)) = plan_core::route::parse(fragment) else { panic!("{link}") };
        assert_eq!(shared.reasons.map(|r| r.len()), Ok(MAX_REASONS));
    }
}

#[test]
fn a_full_budget_link_scans_when_held_up() {
    let link = longest_link();
    let code = encode(&link).unwrap();
    // Held still, centred, 400 px wide.
    assert!(reads(&code, &link, STILL));
    // Held up in 30 poses, each for 3 frames: 26 of these are read. (Links as
    // long as versions 13 and 14 hold: 22 and 16; with the issue's 3 reasons
    // of 120 characters, version 20: 10.)
    let (poses, _) = held_up(&link, 30, 3, (370.0, 440.0));
    assert!(poses >= 24, "only {poses} of 30 poses read");
}

/// The figures behind the budget: how often a code held up is read, by QR
/// version (each link as long as the version holds at level M; the longest,
/// 661 bytes, is a link with the issue's 3 reasons of 120 characters).
#[test]
#[ignore]
fn read_rates_by_version() {
    let issue = samples(include_str!("../../core/fixtures/reasons-3x120.txt"));
    let texts: Vec<(u8, &str)> = issue.iter().filter(|s| s.0 == "uk").map(|s| (s.1, s.2)).collect();
    let mut one = Reasons::default();
    one.set(texts[0].0, "x").unwrap();
    let mut tags = all_tagged();
    for (n, _) in &texts {
        tags.set(*n, Some(Tag::Russia));
    }
    let f = fragment_with_reasons(&tags, &one, Some(NAME), Some(CLASS)).unwrap();
    let (before, _) = f.rsplit_once("why=").unwrap();
    let long = format!("{PAGE}#{before}why={}", plan_core::reasons::encode_texts(&texts));
    for (version, bytes) in
        [(9, 162), (11, 251), (12, 287), (13, 331), (14, 362), (15, 412), (17, 504), (20, long.len())]
    {
        let link = &long[..bytes];
        let code = encode(link).unwrap();
        assert_eq!(code.version(), Version::Normal(version));
        for band in [(300.0, 370.0), (370.0, 440.0)] {
            let (poses, frames) = held_up(link, 100, 3, band);
            println!(
                "version {version:2} ({bytes} bytes), {}-{} px: {poses}/100 poses read, {:.0}% of frames",
                band.0,
                band.1,
                frames * 100.0
            );
        }
    }
}
