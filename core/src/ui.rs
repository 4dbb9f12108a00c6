//! The page's interface wording: generated from the `ui` section of
//! `content/plan.json` (see `build_ui.rs`), and the one way to fill a
//! template's `{placeholders}`.

include!(concat!(env!("OUT_DIR"), "/ui.rs"));

pub fn ui() -> &'static Ui {
    &UI
}

/// Replaces each `{key}` in `template` with its value. A placeholder without a
/// value stays as it is, so a wording mistake shows on the page instead of
/// vanishing (and the tests in `words` catch it first).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(fill("Point {n} of {total}", &[("n", "3"), ("total", "28")]), "Point 3 of 28");
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
        assert_eq!(fill("Hi {who}", &[]), "Hi {who}");
        assert_eq!(fill("no braces", &[("n", "1")]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
    }

    #[test]
    fn a_value_is_never_read_as_a_template() {
        assert_eq!(fill("{name}'s tags", &[("name", "{name}")]), "{name}'s tags");
        assert_eq!(fill("{name}!", &[("name", "<b>{x}</b>")]), "<b>{x}</b>!");
    }
}
