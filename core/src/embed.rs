//! The code a newsroom or a school copies to embed the page (docs/EMBED.md):
//! an iframe on the page's `?embed` address, and a few lines that fit the
//! frame to the height the page reports.

/// The origin (`https://example.org`) of an absolute address, if it has one.
pub fn origin(url: &str) -> Option<&str> {
    let after_scheme = url.find("://")? + 3;
    let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
    Some(&url[..end])
}

/// The page's address without query or fragment, with `?embed`.
pub fn embed_url(page_url: &str) -> String {
    let end = page_url.find(['?', '#']).unwrap_or(page_url.len());
    format!("{}?embed", &page_url[..end])
}

/// Escapes text for an HTML attribute or a JavaScript string in double quotes.
fn quoted(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The snippet to paste (the same as in docs/EMBED.md): the iframe, and a
/// script that takes heights only from the page's origin and only for one of
/// the embedding page's own frames. `title` names the frame for screen readers.
pub fn snippet(page_url: &str, title: &str) -> String {
    let src = embed_url(page_url);
    let origin = origin(&src).unwrap_or_default();
    format!(
        r#"<iframe src="{src}" title="{title}" loading="lazy" referrerpolicy="no-referrer" style="width:100%;border:0;height:900px"></iframe>
<script>
  // Sets each Weigh the Plan frame to the height its page reports.
  window.addEventListener("message", function (event) {{
    if (event.origin !== "{origin}") return; // the page's origin
    var data = event.data;
    if (!data || data.type !== "weigh-the-plan:height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {{
      if (frames[i].contentWindow === event.source) {{
        frames[i].style.height = Math.ceil(height) + "px";
        return;
      }}
    }}
  }});
</script>"#,
        src = quoted(&src),
        title = quoted(title),
        origin = quoted(origin),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_and_embed_addresses() {
        assert_eq!(origin("https://example.org/plan/?x#y"), Some("https://example.org"));
        assert_eq!(origin("http://127.0.0.1:8080"), Some("http://127.0.0.1:8080"));
        assert_eq!(origin("no scheme"), None);
        assert_eq!(embed_url("https://example.org/plan/#share=1AAA"), "https://example.org/plan/?embed");
        assert_eq!(embed_url("https://example.org/plan/?embed#x"), "https://example.org/plan/?embed");
    }

    #[test]
    fn docs_embed_shows_exactly_the_snippet_the_page_writes() {
        let doc = include_str!("../../docs/EMBED.md");
        let block = doc.split("```html\n").nth(1).and_then(|b| b.split("\n```").next()).expect("a html block");
        let title = crate::ui::embed_title();
        assert_eq!(block, snippet("https://example.org/plan/", title));
    }

    #[test]
    fn the_snippet_checks_the_origin_and_escapes_the_title() {
        let s = snippet("https://example.org/plan/", "A \"quoted\" <title>");
        assert!(s.contains("src=\"https://example.org/plan/?embed\""));
        assert!(s.contains("event.origin !== \"https://example.org\""));
        assert!(s.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""));
        assert!(s.contains("weigh-the-plan:height"));
    }
}
