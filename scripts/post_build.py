#!/usr/bin/env python3
"""Trunk's post-build hook: finishes index.html in the staging folder.

1. Prerenders the page: runs the `prerender` binary (the app's own components,
   rendered to HTML with Leptos's `ssr` feature) and puts its output into
   `<div id="app">`, which the browser build then hydrates. The page reads
   before any script runs, and without scripts at all.
2. Fills in the no-script notice from content/plan.json (`ui.noscript`).
3. Names the class module (trunk builds it unhashed, as a "worker") after its
   content, like every other asset, and tells the page where it is in a
   `<meta name="class-view-module">`: the page imports it at #class only. The
   same for the QR decoder's worker (`<meta name="qr-worker">`), started only
   when the teacher scans students' codes.
4. Link previews (Open Graph, Twitter cards) need absolute image addresses, and
   a static build does not know where it will be served. Set WTP_SITE_URL to the
   page's public address (e.g. https://example.org/plan/) when building for a
   deploy: the preview image and og:url then point there. Without it the
   addresses stay relative, which browsers accept and most preview bots do not
   (docs/DEPLOY.md says the same).
5. Computes the Content-Security-Policy from the finished page (hashes of its
   inline scripts and of the prerendered inline style attributes), puts it in
   a `<meta http-equiv>` as the head's first child, and writes `_headers` (the
   same policy and the caching rules, for hosts that read it; docs/DEPLOY.md).
6. Puts the page's icon inline (see `inline_icon`).
7. Writes the service worker (`sw.js`) last, from the finished files: it
   precaches this build's files, so the page works offline after the first
   visit; its version is a hash of them, so a new deploy installs a new worker
   with a new cache. It also carries the build files the page names, and keeps
   only a page that names exactly those (not a stale copy of the last build's).
"""
import base64
import hashlib
import html as html_lib
import json
import os
import re
import subprocess
import sys
import urllib.parse
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
    """The no-script notice, and the boot line's two messages: the app's script
    cannot start, and a choice held on an address that is not the reader's own page."""
    ui = json.loads((SOURCE / "content" / "plan.json").read_text(encoding="utf-8"))["ui"]
    page = page.replace("NOSCRIPT", html_lib.escape(ui["noscript"]), 1)
    # The minifier may have dropped the attribute's quotes: put them back around the text.
    message = html_lib.escape(ui["app_failed"], quote=True)
    page, found = re.subn(r'data-message="?APP_FAILED"?', lambda _: f'data-message="{message}"', page, count=1)
    if not found:
        raise SystemExit("post_build: index.html has no data-message=APP_FAILED to fill")
    held = html_lib.escape(ui["app_held"], quote=True)
    page, found = re.subn(r'data-held="?APP_HELD"?', lambda _: f'data-held="{held}"', page, count=1)
    if not found:
        raise SystemExit("post_build: index.html has no data-held=APP_HELD to fill")
    return page


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
    return add_to_head(page, f'<meta name="class-view-module" content="./{name}.js">')


QR_WORKER = "qr-worker"


def hash_qr_worker(staging: Path, page: str) -> str:
    """The QR decoder: trunk writes it unhashed (a "worker"), with a loader that
    imports it. All three files get the content's hash, and the page learns the
    loader's name from `<meta name="qr-worker">` (the class module starts the
    worker from it when the teacher starts scanning, never before)."""
    js, wasm, loader = (staging / f"{QR_WORKER}{end}" for end in (".js", "_bg.wasm", "_loader.js"))
    for f in (js, wasm, loader):
        if not f.exists():
            raise SystemExit(f"post_build: {f.name} is missing from the build")
    digest = hashlib.sha256(js.read_bytes() + wasm.read_bytes() + loader.read_bytes()).hexdigest()[:16]
    name = f"{QR_WORKER}-{digest}"
    code, boot = js.read_text(encoding="utf-8"), loader.read_text(encoding="utf-8")
    if f"{QR_WORKER}_bg.wasm" not in code or f"./{QR_WORKER}.js" not in boot:
        raise SystemExit(f"post_build: {js.name} or {loader.name} does not name the file it loads")
    (staging / f"{name}.js").write_text(code.replace(f"{QR_WORKER}_bg.wasm", f"{name}_bg.wasm"), encoding="utf-8")
    (staging / f"{name}_loader.js").write_text(boot.replace(f"./{QR_WORKER}.js", f"./{name}.js"), encoding="utf-8")
    wasm.rename(staging / f"{name}_bg.wasm")
    js.unlink()
    loader.unlink()
    return add_to_head(page, f'<meta name="qr-worker" content="./{name}_loader.js">')


def absolute_previews(page: str, site: str) -> str:
    site = site.rstrip("/") + "/"
    page = re.sub(r'content="?og-image\.png"?', f'content="{site}og-image.png"', page)
    if "og:url" not in page:
        page = re.sub(r'(<meta property="?og:type"?)', f'<meta property="og:url" content="{site}">\\1', page, count=1)
    return page


# Files a reader's browser keeps for offline use, beside the page itself (the
# worker fetches the page from its folder's address, whatever the host does
# with /index.html: see scripts/sw.template.js): everything but the preview
# image (for link previews only) and the host's header file.
NOT_PRECACHED = {"og-image.png", "_headers", "sw.js", ".trunk-lock"}


def precache_list(staging: Path) -> list:
    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and p.name not in NOT_PRECACHED and not p.name.startswith(".")
    )
    return [f"./{f}" for f in files if f != "index.html"]


# How a build file is named: after its content. The worker (scripts/sw.template.js,
# BUILD_FILE) finds the files a page names with the same pattern. Trunk writes its
# 64-bit hash without leading zeros (one name in sixteen has 15 digits or fewer).
BUILD_FILE = re.compile(r"[A-Za-z0-9_-]+-[0-9a-f]{12,16}(?:_bg\.wasm|_loader\.js|\.js|\.css)")


def page_files(page: str, files: list) -> list:
    """The build files the page names: the worker keeps only a page that names
    exactly these (a stale copy of the previous build's page names others)."""
    named = sorted(set(BUILD_FILE.findall(page)))
    if not named:
        raise SystemExit("post_build: index.html names no build file for the service worker to check")
    unknown = [n for n in named if f"./{n}" not in files]
    if unknown:
        raise SystemExit(f"post_build: index.html names build files that are not in the build: {unknown}")
    return named


def write_service_worker(staging: Path, page: str) -> None:
    files = precache_list(staging)
    named = page_files(page, files)
    template = (SOURCE / "scripts" / "sw.template.js").read_text(encoding="utf-8")
    # The version (and so the cache's name) changes with the page, any file, or
    # the worker's own code.
    digest = hashlib.sha256(template.encode())
    digest.update(b"./index.html")
    digest.update(page.encode())
    for f in files:
        digest.update(f.encode())
        digest.update((staging / f[2:]).read_bytes())
    version = digest.hexdigest()[:16]
    worker = (
        template.replace("__VERSION__", version)
        .replace("__FILES__", json.dumps(files, indent=2))
        .replace("__PAGE_FILES__", json.dumps(named, indent=2))
    )
    (staging / "sw.js").write_text(worker, encoding="utf-8")


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(page: str) -> str:
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
    # Inline style attributes come from the prerendered page (the bars' widths,
    # the overview's columns); hashed, they are allowed one by one.
    styles = sorted({
        html_lib.unescape(next(g for g in m.groups() if g is not None))
        for m in re.finditer(r"""\sstyle=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", page)
    } - {""})
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'"] + sorted({sha256(s) for s in scripts if s.strip()}))
    style_src = " ".join(["'self'"] + (["'unsafe-hashes'"] + [sha256(s) for s in styles] if styles else []))
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        f"style-src {style_src}",
        "img-src 'self' data:",
        # The QR decoder's worker (the class view's camera): a file of this site, never a blob.
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


# The minified page may leave out the optional <head> and </head> tags: new
# head elements go right after the charset declaration, always the first.
CHARSET = re.compile(r"<meta charset=\"?utf-8\"?>", re.I)


def add_to_head(page: str, element: str) -> str:
    if not CHARSET.search(page):
        raise SystemExit("post_build: no <meta charset=utf-8> in index.html to place head elements after")
    return CHARSET.sub(lambda m: m.group(0) + element, page, count=1)


def add_csp_meta(page: str, policy: str) -> str:
    # Before every script, so the policy covers them all.
    return add_to_head(page, f'<meta http-equiv="Content-Security-Policy" content="{policy}">')


HEADERS = """# Written by scripts/post_build.py for this build (docs/DEPLOY.md).
# Netlify and Cloudflare Pages apply this file as it is.
/*
  Content-Security-Policy: {policy}; frame-ancestors {frame_ancestors}
  Referrer-Policy: no-referrer
  Permissions-Policy: camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()
  X-Content-Type-Options: nosniff

/
  Cache-Control: no-cache
/index.html
  Cache-Control: no-cache
/sw.js
  Cache-Control: no-cache
/manifest.webmanifest
  Cache-Control: no-cache
/snippets/*
  Cache-Control: no-cache
{immutable}"""


def write_headers(staging: Path, policy: str) -> None:
    # Only files whose names carry their content's hash are immutable; wasm-bindgen's
    # snippets/ folder is named after the crate, not the content, so it is not.
    hashed = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.iterdir()
        if p.is_file() and re.search(r"-[0-9a-f]{12,16}(_bg|_loader)?\.(js|wasm|css)$", p.name)
    )
    immutable = "".join(f"/{f}\n  Cache-Control: public, max-age=31536000, immutable\n" for f in hashed)
    # Who may frame the page (docs/EMBED.md): the page's own site unless the
    # deploy names the embedding origins, e.g. WTP_FRAME_ANCESTORS="https://news.example".
    frame_ancestors = os.environ.get("WTP_FRAME_ANCESTORS", "").strip() or "'self'"
    text = HEADERS.format(policy=policy, immutable=immutable, frame_ancestors=frame_ancestors)
    (staging / "_headers").write_text(text, encoding="utf-8")


# Trunk's preload links for the story module (its loader, its snippet, its wasm)
# move from the head to the end of the body. In the head, the wasm shares a slow
# connection with the HTML and CSS still arriving (and a tag needs neither the
# script nor the wasm); without them, the wasm waits until the page is parsed and
# its download no longer overlaps the first layout. At the end of the body the
# parser finds them once the HTML has arrived (bench/preload.js measures all three).
PRELOAD = re.compile(r"<link[^>]*\brel=\"?(?:modulepreload|preload)\"?[^>]*>")


def preload_after_the_page(page: str) -> str:
    links = PRELOAD.findall(page)
    if not links:
        raise SystemExit("post_build: trunk wrote no preload links to move (has its output changed?)")
    page = PRELOAD.sub("", page)
    if "</body>" not in page:
        raise SystemExit("post_build: no </body> in index.html to put the preload links before")
    return page.replace("</body>", "".join(links) + "</body>", 1)


# The browser fetches a page's icon itself: on load, and again on every change of
# address in the page (the step observer's, as the reader scrolls). Through the
# service worker, such a fetch arriving just as the reader takes an update can
# hold the old worker busy until the page is gone: Chromium then never hands over
# and "Reload now" does nothing (tests/e2e/offline.spec.js; in about a third of
# runs of the offline tests before). An icon in the page needs no fetch.
ICON_LINK = re.compile(r"<link(?=[^>]*\brel=\"?icon\b)[^>]*\bhref=\"?favicon\.svg\"?[^>]*>")


def inline_icon(staging: Path, page: str) -> str:
    link = ICON_LINK.search(page)
    if not link:
        raise SystemExit("post_build: no favicon.svg icon link in index.html to put inline")
    # Single quotes in the SVG keep the address short (a double quote is three characters).
    svg = (staging / "favicon.svg").read_text(encoding="utf-8").strip().replace('"', "'")
    data = "data:image/svg+xml," + urllib.parse.quote(svg, safe=" /:;=,'")
    return page.replace(link.group(0), f'<link rel=icon type=image/svg+xml href="{data}">', 1)


def main() -> int:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", SOURCE / "dist"))
    index = staging / "index.html"
    page = index.read_text(encoding="utf-8")
    page = preload_after_the_page(page)
    page = inline_icon(staging, page)
    page = fill_root(page, prerender())
    page = fill_noscript(page)
    page = hash_class_module(staging, page)
    page = hash_qr_worker(staging, page)
    site = os.environ.get("WTP_SITE_URL", "").strip()
    if site:
        if not re.match(r"^https?://", site):
            print(f"post_build: WTP_SITE_URL must start with http:// or https:// (got {site!r})", file=sys.stderr)
            return 1
        page = absolute_previews(page, site)
    policy = content_security_policy(page)
    page = add_csp_meta(page, policy)
    index.write_text(page, encoding="utf-8")
    write_service_worker(staging, page)
    write_headers(staging, policy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
