#!/usr/bin/env bash
# The one build command: sets up what is missing, then builds the static site
# into dist/ (trunk: the app, the class module, the prerendered page; see
# scripts/post_build.py). Used by ./run, ./test, the benchmark and the
# GitHub Pages workflow. WTP_SITE_URL (optional) makes preview addresses absolute.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@"
. scripts/env.sh
trunk build --release
