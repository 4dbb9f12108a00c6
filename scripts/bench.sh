#!/usr/bin/env bash
# Benchmark: release build, served on 127.0.0.1 beside a framework-free
# baseline page, measured in headless Chromium at 4x CPU throttling.
# Writes BENCHMARKS.md. Speed is measured here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# BENCH_DIST=<folder> measures another build (an older commit's dist/, built in its
# own work tree) with this benchmark; BENCH_LABEL names it in the tables.
if [ -n "${BENCH_DIST:-}" ]; then
  scripts/setup.sh --test
  . scripts/env.sh
  dist="$BENCH_DIST"
else
  scripts/build.sh --test
  . scripts/env.sh
  # Where the bytes go: twiggy (from crates.io, installed once) on the release module.
  command -v twiggy >/dev/null || cargo install twiggy --version 0.7.0 --locked
  python3 scripts/wasm_bytes.py
  dist=dist
fi
site="$(mktemp -d)"
cp -r "$dist"/. "$site/"
mkdir -p "$site/bench"
cp bench/baseline.html bench/baseline-counts-only.html "$site/bench/"
cp style/main.css "$site/bench/main.css"
port="${BENCH_PORT:-4180}"
python3 bench/serve.py "$port" "$site" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$site"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
node bench/bench.js "$port" > target/bench-result.json
# Trunk's preload links, with and without, on emulated slow 4G (bench/preload.js).
rm -f target/preload-result.json
node bench/preload.js "$port" "$site" > target/preload-result.json.part && mv target/preload-result.json.part target/preload-result.json \
  || echo "[bench] preload comparison failed (exit $?)" >&2
# The class view's camera (its decoder only exists in builds with it): a failure
# is said and leaves the other figures.
rm -f target/camera-result.json
if ls "$site"/qr-worker-*_loader.js >/dev/null 2>&1; then
  node bench/camera.js "$port" > target/camera-result.json.part && mv target/camera-result.json.part target/camera-result.json \
    || echo "[bench] camera benchmark failed (exit $?)" >&2
fi
# Lighthouse (mobile preset) on the same server: writes target/lighthouse.json,
# which bench/report.js reads (it says so when the file is missing, so a failed
# Lighthouse run does not lose the measurements above). A stale file is removed first.
rm -f target/lighthouse.json
node bench/lighthouse.js "http://127.0.0.1:$port/" || echo "[bench] Lighthouse failed (exit $?)" >&2
node bench/report.js target/bench-result.json "$dist" > BENCHMARKS.md
cat BENCHMARKS.md
