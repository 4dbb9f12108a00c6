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

/// The snippet to paste: the iframe and its resizing script. `title` names the frame for screen readers.
pub fn snippet(page_url: &str, title: &str) -> String {
    let src = embed_url(page_url);
    let origin = origin(&src).unwrap_or_default();
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" referrerpolicy=\"no-referrer\" \
         style=\"width:100%;border:0;height:900px\"></iframe>\n\
         <script>\n\
         addEventListener(\"message\", (event) => {{\n  \
         if (event.origin !== \"{origin}\" || !event.data || event.data.type !== \"weigh-the-plan:height\") return;\n  \
         for (const frame of document.querySelectorAll(\"iframe\")) {{\n    \
         if (frame.contentWindow === event.source) frame.style.height = event.data.height + \"px\";\n  \
         }}\n\
         }});\n\
         </script>",
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
    fn the_snippet_checks_the_origin_and_escapes_the_title() {
        let s = snippet("https://example.org/plan/", "A \"quoted\" <title>");
        assert!(s.contains("src=\"https://example.org/plan/?embed\""));
        assert!(s.contains("event.origin !== \"https://example.org\""));
        assert!(s.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""));
        assert!(s.contains("weigh-the-plan:height"));
    }
}
