# Sourced by ./run, ./test, scripts/setup.sh and scripts/bench.sh: where the
# project's tools live (outside the work tree, so fresh clones reuse them).
WTP_TOOLS="${WTP_TOOLS:-$HOME/.cache/weigh-the-plan}"
export WTP_TOOLS
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$WTP_TOOLS/binaryen/node_modules/.bin:$PATH"
# Trunk asks crates.io for its latest version on start; that call fails here.
export TRUNK_SKIP_VERSION_CHECK=true
# Never let Playwright fetch a browser: tests use Debian's chromium (scripts/chromium.js).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
