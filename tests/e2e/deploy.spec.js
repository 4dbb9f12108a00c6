// Deploying: the GitHub Pages workflow builds with the project's build command
// and publishes what it writes, its caches are keyed on what installs the
// tools, the embed snippet docs/EMBED.md hands to other sites works, and a real
// build's _headers sends what a host needs. No browser page: these read and run
// files, once (playwright.config.js leaves this file out of the phone project).
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const WORKFLOW = '.github/workflows/pages.yml';

function workflow() {
  const doc = YAML.parseDocument(read(WORKFLOW));
  expect(doc.errors, 'the workflow is valid YAML').toEqual([]);
  return doc.toJS();
}

const allSteps = (wf) => Object.values(wf.jobs).flatMap((job) => job.steps || []);
const runSteps = (wf) => allSteps(wf).filter((step) => typeof step.run === 'string');
const usesStep = (wf, action) => allSteps(wf).filter((step) => (step.uses || '').startsWith(`${action}@`));

// ---------------------------------------------------------------------------

test('the workflow parses and has the shape of a Pages deploy', async () => {
  const wf = workflow();
  // `on:` stays the string "on" in YAML 1.2 (the yaml package's default).
  expect(wf.on.push.branches).toEqual(['main']);
  expect(wf.on).toHaveProperty('workflow_dispatch');
  expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  expect(wf.concurrency.group).toBe('pages');
  expect(Object.keys(wf.jobs).sort()).toEqual(['build', 'deploy']);

  const { build, deploy } = wf.jobs;
  expect(build['runs-on']).toBe('ubuntu-latest');
  expect(build.steps[0].uses).toMatch(/^actions\/checkout@v\d+$/);
  expect(usesStep(wf, 'actions/configure-pages')).toHaveLength(1);
  const upload = usesStep(wf, 'actions/upload-pages-artifact');
  expect(upload).toHaveLength(1);
  // dist/ is what trunk writes (Trunk.toml) and what the workflow publishes.
  expect(read('Trunk.toml')).toMatch(/^dist = "dist"$/m);
  expect(upload[0].with.path).toBe('dist');

  expect(deploy.needs).toBe('build');
  expect(deploy.environment.name).toBe('github-pages');
  const [deployStep] = deploy.steps;
  expect(deployStep.uses).toMatch(/^actions\/deploy-pages@v\d+$/);
  expect(deploy.environment.url).toContain(`steps.${deployStep.id}.outputs.page_url`);

  // Rust from the runner's own rustup.
  const rust = runSteps(wf).find((step) => /rustup toolchain install stable/.test(step.run));
  expect(rust.run).toContain('--profile minimal');

  // The build: exactly the project's build command (the one ./run uses), with the Pages address for the
  // link previews (configure-pages' base_url, with a slash); it is there and runs. Published once built.
  const builds = runSteps(wf).filter((step) => step.run.includes('build.sh'));
  expect(builds).toHaveLength(1);
  expect(builds[0].run.trim()).toBe('scripts/build.sh');
  expect(fs.statSync(path.join(ROOT, 'scripts/build.sh')).mode & 0o111, 'scripts/build.sh is executable').not.toBe(0);
  expect(builds[0].env.WTP_SITE_URL).toBe(`\${{ steps.${usesStep(wf, 'actions/configure-pages')[0].id}.outputs.base_url }}/`);
  expect(build.steps.indexOf(builds[0])).toBeLessThan(build.steps.indexOf(upload[0]));
});

test('the workflow caches the tools, the crates, target/, wasm-opt and npm, keyed on what installs them', async () => {
  const wf = workflow();
  const caches = usesStep(wf, 'actions/cache').map((step) => ({
    paths: String(step.with.path).split('\n').map((p) => p.trim()).filter(Boolean),
    key: step.with.key,
  }));
  const cacheOf = (prefix) => {
    const found = caches.find((c) => c.paths.some((p) => p === prefix || p.startsWith(prefix + '/')));
    expect(found, `a cache step for ${prefix}`).toBeTruthy();
    return found;
  };

  // Cache steps run before the build, or they restore nothing.
  const steps = wf.jobs.build.steps;
  const buildAt = steps.findIndex((step) => typeof step.run === 'string' && /scripts\/build\.sh/.test(step.run));
  steps.forEach((step, i) => { if ((step.uses || '').startsWith('actions/cache@')) expect(i).toBeLessThan(buildAt); });

  // ~/.cargo/bin: the binaries scripts/setup.sh installs with cargo install.
  const bin = cacheOf('~/.cargo/bin');
  const setup = read('scripts/setup.sh');
  expect(setup).toMatch(/cargo install trunk /);
  expect(setup).toMatch(/cargo install wasm-bindgen-cli /);
  expect(bin.paths).toEqual(expect.arrayContaining(['~/.cargo/bin/trunk', '~/.cargo/bin/wasm-bindgen']));
  expect(bin.key).toContain("hashFiles('Cargo.lock')");
  expect(bin.key).toContain('steps.versions.outputs.trunk');

  expect(cacheOf('~/.cargo/registry').key).toContain("hashFiles('Cargo.lock')");
  expect(cacheOf('~/.cargo/git').key).toContain("hashFiles('Cargo.lock')");

  const target = cacheOf('target');
  expect(target.key).toContain("hashFiles('Cargo.lock')");
  expect(target.key).toMatch(/hashFiles\([^)]*'src\/\*\*'[^)]*'core\/\*\*'/);

  // The tools folder is the one scripts/env.sh names.
  expect(read('scripts/env.sh')).toContain('WTP_TOOLS="${WTP_TOOLS:-$HOME/.cache/weigh-the-plan}"');
  expect(cacheOf('~/.cache/weigh-the-plan').key).toContain('steps.versions.outputs.binaryen');

  expect(cacheOf('~/.npm').key).toContain("hashFiles('package-lock.json')");
});

test('the step that reads the tool versions for the cache keys finds them', async () => {
  const wf = workflow();
  const step = allSteps(wf).find((s) => s.id === 'versions');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wtp-deploy-'));
  const out = path.join(dir, 'output');
  fs.writeFileSync(out, '');
  // As the runner runs it: bash -e, from the repository.
  execFileSync('bash', ['-e', '-c', step.run], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_OUTPUT: out, PATH: `${path.join(os.homedir(), '.cargo', 'bin')}:${process.env.PATH}` },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const outputs = Object.fromEntries(fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  fs.rmSync(dir, { recursive: true });
  const setup = read('scripts/setup.sh');
  expect(outputs.trunk).toBe(setup.match(/^TRUNK_VERSION="(.+)"$/m)[1]);
  expect(outputs.binaryen).toBe(setup.match(/^BINARYEN_VERSION="(.+)"$/m)[1]);
  // The wasm-bindgen in Cargo.lock, which Trunk.toml pins too.
  expect(outputs['wasm-bindgen']).toMatch(/^\d+\.\d+\.\d+$/);
  expect(read('Trunk.toml')).toContain(`wasm_bindgen = "${outputs['wasm-bindgen']}"`);
});

// ---------------------------------------------------------------------------
// The embed snippet other sites copy from docs/EMBED.md.

test('the embed snippet in EMBED.md sizes its own frame from the page\'s height messages, and nothing else', async () => {
  const html = read('docs/EMBED.md').match(/```html\n([\s\S]*?)```/)[1];
  // (core/src/embed.rs checks the snippet here is the one the page hands out.)
  const src = html.match(/<iframe src="([^"]+)"/)[1];
  const script = html.match(/<script>([\s\S]*?)<\/script>/)[1];

  // Run the snippet's script against a page with two frames, and send it messages.
  const listeners = [];
  const frame = (address) => ({ src: address, contentWindow: { name: address }, style: { height: '900px' } });
  const ours = frame(src);
  const other = frame('https://video.example/player');
  const context = {
    window: { addEventListener: (type, fn) => { if (type === 'message') listeners.push(fn); } },
    document: { baseURI: 'https://news.example/story', getElementsByTagName: (tag) => (tag === 'iframe' ? [other, ours] : []) },
    Number, isFinite, Math,
  };
  vm.runInNewContext(script, context);
  expect(listeners).toHaveLength(1);
  const send = (data, { origin = new URL(src).origin, source = ours.contentWindow } = {}) => listeners[0]({ data, origin, source });

  send({ type: 'weigh-the-plan:height', height: 2480.4 });
  expect(ours.style.height).toBe('2481px');
  expect(other.style.height).toBe('900px');
  // Another origin, another type, a frame that is not ours, no number: nothing changes.
  send({ type: 'weigh-the-plan:height', height: 10 }, { origin: 'https://evil.example' });
  send({ type: 'other', height: 10 });
  send({ type: 'weigh-the-plan:height', height: 10 }, { origin: 'https://video.example', source: other.contentWindow });
  send({ type: 'weigh-the-plan:height', height: 10 }, { source: { name: 'a window that is no frame of the page' } });
  send({ type: 'weigh-the-plan:height', height: 'tall' });
  send({ type: 'weigh-the-plan:height', height: -5 });
  send('weigh-the-plan:height');
  send(null);
  expect(ours.style.height).toBe('2481px');
  expect(other.style.height).toBe('900px');
});

// ---------------------------------------------------------------------------
// A real build's _headers, when dist/ holds one (./test builds first; a bare
// dist/ for these tests has none). What DEPLOY.md says must be true of it.

const PERMISSIONS = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/** Rules of a Netlify / Cloudflare Pages _headers file: [{ path, headers: [[name, value]] }]. */
function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
    } else {
      const [, name, value] = line.trim().match(/^([\w-]+):\s*(.*)$/);
      rules[rules.length - 1].headers.push([name, value]);
    }
  }
  return rules;
}

/** A rule path as the two hosts match it: `*` anything (slashes too), `:name` one segment. */
function pathPattern(rule) {
  const body = rule.split(/(\*|:[A-Za-z]\w*)/).map((part) => {
    if (part === '*') return '.*';
    if (/^:[A-Za-z]/.test(part)) return '[^/]+';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  return new RegExp(`^${body}$`);
}

function distFiles(dir = path.join(ROOT, 'dist'), prefix = '/') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? distFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`]));
}

test('a built dist/_headers sends each header once per file, the page policy with frame-ancestors, and the caching DEPLOY.md describes', async () => {
  const file = path.join(ROOT, 'dist', '_headers');
  test.skip(!fs.existsSync(file), 'dist/ holds no build with _headers');
  const rules = parseHeadersFile(fs.readFileSync(file, 'utf8'));
  const urls = ['/', ...distFiles().filter((f) => f !== '/_headers')];
  const headersFor = (url) => rules.filter((r) => pathPattern(r.path).test(url)).flatMap((r) => r.headers);

  // The policy in the header is the page's meta policy plus frame-ancestors.
  const page = fs.readFileSync(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  const tag = page.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i);
  expect(tag, 'the built page carries its policy in a meta tag').toBeTruthy();
  const meta = tag[0].match(/content="([^"]+)"/i);
  const directives = (policy) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const unescape = (text) => text.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const pagePolicy = directives(unescape(meta[1]));
  expect(pagePolicy.some((d) => d.startsWith('frame-ancestors')), 'a meta policy ignores frame-ancestors: not in it').toBe(false);

  const hashed = /-[0-9a-f]{12,16}(_bg\.wasm|_loader\.js|\.js|\.css)$/;
  for (const url of urls) {
    const headers = headersFor(url);
    const values = (name) => headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
    // Two rules setting one header are joined with a comma by Cloudflare Pages: never.
    for (const name of new Set(headers.map(([n]) => n.toLowerCase()))) expect(values(name), `${url}: ${name} once`).toHaveLength(1);
    expect(values('X-Content-Type-Options'), url).toEqual(['nosniff']);
    // The page (and its worker) must have the policies; any other file that has them has these.
    const required = ['/', '/index.html', '/sw.js'].includes(url);
    if (required || values('Content-Security-Policy').length) {
      const sent = directives(values('Content-Security-Policy')[0] || '');
      expect(sent.filter((d) => !d.startsWith('frame-ancestors ')), `${url}: the page's own policy`).toEqual(pagePolicy);
      expect(sent.filter((d) => d.startsWith('frame-ancestors ')), `${url}: frame-ancestors`).toHaveLength(1);
    }
    if (required || values('Referrer-Policy').length) expect(values('Referrer-Policy'), url).toEqual(['no-referrer']);
    if (required || values('Permissions-Policy').length) expect(values('Permissions-Policy'), url).toEqual([PERMISSIONS]);
    if (hashed.test(url)) expect(values('Cache-Control'), url).toEqual(['public, max-age=31536000, immutable']);
    if (['/', '/index.html', '/sw.js', '/manifest.webmanifest'].includes(url)) expect(values('Cache-Control'), url).toEqual(['no-cache']);
    // No file that keeps its name across builds is cached for good.
    if (!hashed.test(url)) expect(values('Cache-Control').join(), url).not.toContain('immutable');
  }
  // Cloudflare Pages' limits.
  expect(rules.length).toBeLessThanOrEqual(100);
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
});
