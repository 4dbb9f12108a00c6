#!/usr/bin/env python3
"""Trunk's post-build hook: finishes index.html in the staging folder.

Link previews (Open Graph, Twitter cards) need absolute image addresses, and a
static build does not know where it will be served. Set WTP_SITE_URL to the
page's public address (e.g. https://example.org/plan/) when building for a
deploy: the preview image and og:url then point there. Without it the
addresses stay relative, which browsers accept and most preview bots do not
(docs/DEPLOY.md says the same).
"""
import os
import re
import sys
from pathlib import Path


def absolute_previews(html: str, site: str) -> str:
    site = site.rstrip("/") + "/"
    html = re.sub(r'content="?og-image\.png"?', f'content="{site}og-image.png"', html)
    if 'property="og:url"' not in html and "property=og:url" not in html:
        html = html.replace("<meta property=og:type", f'<meta property="og:url" content="{site}"><meta property=og:type', 1)
        html = html.replace('<meta property="og:type"', f'<meta property="og:url" content="{site}"><meta property="og:type"', 1)
    return html


def main() -> int:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    site = os.environ.get("WTP_SITE_URL", "").strip()
    if site:
        if not re.match(r"^https?://", site):
            print(f"post_build: WTP_SITE_URL must start with http:// or https:// (got {site!r})", file=sys.stderr)
            return 1
        html = absolute_previews(html, site)
    index.write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
