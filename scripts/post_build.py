#!/usr/bin/env python3
"""Trunk's post-build hook: finishes index.html in the staging folder.

1. Prerenders the page: runs the `prerender` binary (the app's own components,
   rendered to HTML with Leptos's `ssr` feature) and puts its output into
   `<div id="app">`, which the browser build then hydrates. The page reads
   before any script runs, and without scripts at all.
2. Fills in the no-script notice from content/plan.json (`ui.noscript`).
3. Names the class module (trunk builds it unhashed, as a "worker") after its
   content, like every other asset, and tells the page where it is in a
   `<meta name="class-view-module">`: the page imports it at #class only.
4. Link previews (Open Graph, Twitter cards) need absolute image addresses, and
   a static build does not know where it will be served. Set WTP_SITE_URL to the
   page's public address (e.g. https://example.org/plan/) when building for a
   deploy: the preview image and og:url then point there. Without it the
   addresses stay relative, which browsers accept and most preview bots do not
   (docs/DEPLOY.md says the same).
"""
import hashlib
import html as html_lib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

SOURCE = Path(os.environ.get("TRUNK_SOURCE_DIR", Path(__file__).resolve().parent.parent))


def prerender() -> str:
    # Debug profile: rendering takes milliseconds, and an optimized native
    # build of Leptos would add minutes to every release build.
    command = ["cargo", "run", "--quiet", "--offline", "--features", "ssr", "--bin", "prerender"]
    done = subprocess.run(command, cwd=SOURCE, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit("post_build: prerendering failed")
    return done.stdout


def fill_root(page: str, body: str) -> str:
    pattern = re.compile(r'<div id="?app"?>\s*</div>')
    if not pattern.search(page):
        raise SystemExit('post_build: index.html has no empty <div id="app"></div> to fill')
    return pattern.sub(lambda _: f'<div id="app">{body}</div>', page, count=1)


def fill_noscript(page: str) -> str:
    content = json.loads((SOURCE / "content" / "plan.json").read_text(encoding="utf-8"))
    return page.replace("NOSCRIPT", html_lib.escape(content["ui"]["noscript"]), 1)


CLASS_MODULE = "class-view"


def hash_class_module(staging: Path, page: str) -> str:
    js, wasm = staging / f"{CLASS_MODULE}.js", staging / f"{CLASS_MODULE}_bg.wasm"
    if not js.exists() or not wasm.exists():
        raise SystemExit(f"post_build: {js.name} or {wasm.name} is missing from the build")
    digest = hashlib.sha256(js.read_bytes() + wasm.read_bytes()).hexdigest()[:16]
    name = f"{CLASS_MODULE}-{digest}"
    code = js.read_text(encoding="utf-8")
    if f"{CLASS_MODULE}_bg.wasm" not in code:
        raise SystemExit(f"post_build: {js.name} does not name {wasm.name}")
    (staging / f"{name}.js").write_text(code.replace(f"{CLASS_MODULE}_bg.wasm", f"{name}_bg.wasm"), encoding="utf-8")
    wasm.rename(staging / f"{name}_bg.wasm")
    js.unlink()
    meta = f'<meta name="class-view-module" content="./{name}.js">'
    return page.replace("</head>", meta + "</head>", 1)


def absolute_previews(page: str, site: str) -> str:
    site = site.rstrip("/") + "/"
    page = re.sub(r'content="?og-image\.png"?', f'content="{site}og-image.png"', page)
    if "og:url" not in page:
        page = re.sub(r'(<meta property="?og:type"?)', f'<meta property="og:url" content="{site}">\\1', page, count=1)
    return page


def main() -> int:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", SOURCE / "dist"))
    index = staging / "index.html"
    page = index.read_text(encoding="utf-8")
    page = fill_root(page, prerender())
    page = fill_noscript(page)
    page = hash_class_module(staging, page)
    site = os.environ.get("WTP_SITE_URL", "").strip()
    if site:
        if not re.match(r"^https?://", site):
            print(f"post_build: WTP_SITE_URL must start with http:// or https:// (got {site!r})", file=sys.stderr)
            return 1
        page = absolute_previews(page, site)
    index.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
