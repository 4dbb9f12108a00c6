// Deploying: the GitHub Pages workflow (its shape, that every file it runs is in
// the repository, that it builds with the same command as ./run), and the
// deploy and embed docs. No browser page: these read files. When dist/ holds a
// real build, the generated _headers is checked against what DEPLOY.md promises.
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
// A small reading of shell scripts, enough for `run:` steps and ./run: which
// simple commands they run (command substitutions included), word by word.

/** The bodies of $( … ) in a script, and the script with them blanked out. */
function substitutions(script) {
  const bodies = [];
  let outer = '';
  for (let i = 0; i < script.length; i++) {
    if (script[i] === "'") {
      const end = script.indexOf("'", i + 1);
      outer += script.slice(i, end + 1);
      i = end;
    } else if (script.startsWith('$(', i)) {
      let depth = 1;
      let j = i + 2;
      while (j < script.length && depth > 0) {
        if (script[j] === "'") j = script.indexOf("'", j + 1);
        else if (script[j] === '(') depth += 1;
        else if (script[j] === ')') depth -= 1;
        j += 1;
      }
      bodies.push(script.slice(i + 2, j - 1));
      outer += '$SUBST';
      i = j - 1;
    } else {
      outer += script[i];
    }
  }
  return { outer, bodies };
}

/** Simple commands (arrays of unquoted words) of a script without substitutions. */
function simpleCommands(script) {
  const commands = [];
  let words = [];
  let word = null;
  const endWord = () => { if (word !== null) words.push(word); word = null; };
  const endCommand = () => { endWord(); if (words.length) commands.push(words); words = []; };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === '\n') { i += 1; continue; }
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      word = (word || '') + script.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < script.length && script[j] !== '"') {
        if (script[j] === '\\' && '"\\$`'.includes(script[j + 1])) j += 1;
        text += script[j];
        j += 1;
      }
      word = (word || '') + text;
      i = j;
    } else if (c === '#' && word === null) {
      i = script.indexOf('\n', i) - 1;
      if (i < 0) break;
    } else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      endCommand();
    } else if (c === '>' || c === '<') {
      endWord();
      if (script[i + 1] === c) i += 1;
      words.push('<redirect>');
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else {
      word = (word || '') + c;
    }
  }
  endCommand();
  return commands;
}

/** Every simple command of a script, command substitutions included. */
function commandsOf(script) {
  const { outer, bodies } = substitutions(script);
  return [...simpleCommands(outer), ...bodies.flatMap(commandsOf)];
}

/** The command word of a simple command: after VAR=value assignments and `exec`. */
function commandWord(words) {
  const rest = words.filter((w, i) => !(/^[A-Za-z_]\w*=/.test(w) && words.slice(0, i).every((v) => /^[A-Za-z_]\w*=/.test(v))));
  return rest[0] === 'exec' ? rest[1] : rest[0];
}

const TOP = new Set(fs.readdirSync(ROOT));
const PATHLIKE = /^[\w.@-]+(\/[\w.@-]+)*\/?$/;

/** Words of a command that name files of the repository. */
function repositoryPaths(words) {
  return words.filter((w, i) => {
    if (words[i - 1] === '<redirect>') return false;
    const bare = w.replace(/^\.\//, '');
    if (!PATHLIKE.test(bare)) return false;
    if (w.startsWith('./')) return true;
    const first = bare.split('/')[0];
    // A bare word is a file only if it has a dot and is there (Cargo.lock);
    // `test` and `run` are shell words too.
    return bare.includes('/') ? TOP.has(first) : bare.includes('.') && TOP.has(bare);
  });
}

const isExecutable = (file) => {
  try { fs.accessSync(path.join(ROOT, file), fs.constants.X_OK); return true; } catch { return false; }
};

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

  // Headers cannot be set on Pages: the workflow says so.
  expect(read(WORKFLOW)).toMatch(/^#.*cannot set response headers/m);
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

test('every repository file a run step names is there, and every one it runs is executable', async () => {
  const wf = workflow();
  const named = [];
  for (const step of runSteps(wf)) {
    for (const words of commandsOf(step.run)) {
      const command = commandWord(words);
      // A relative path in command position is a file of the repository, whatever its first folder.
      if (command && command.includes('/') && !/^[/~$]/.test(command)) {
        named.push(command);
        expect(fs.existsSync(path.join(ROOT, command)), `${step.name}: ${command} exists`).toBe(true);
        expect(isExecutable(command), `${step.name}: ${command} is executable`).toBe(true);
      }
      for (const file of repositoryPaths(words)) {
        named.push(file);
        expect(fs.existsSync(path.join(ROOT, file)), `${step.name}: ${file} exists`).toBe(true);
      }
    }
  }
  // The reading found what the workflow runs and reads.
  expect(named).toEqual(expect.arrayContaining(['scripts/build.sh', 'scripts/setup.sh', 'Cargo.lock']));
});

test('the workflow builds with the same command as ./run: scripts/build.sh, not trunk directly', async () => {
  const BUILD = 'scripts/build.sh';
  const runBuilds = commandsOf(read('run')).map(commandWord).filter((c) => c === BUILD || c === `./${BUILD}`);
  expect(runBuilds, './run builds with scripts/build.sh').toHaveLength(1);

  const wf = workflow();
  const builds = runSteps(wf).filter((step) => commandsOf(step.run).some((words) => (commandWord(words) || '').replace(/^\.\//, '') === BUILD));
  expect(builds).toHaveLength(1);
  const [build] = builds;
  // Exactly the command, nothing around it.
  expect(build.run.trim()).toBe(BUILD);
  // The preview addresses point at the Pages site: configure-pages' base_url, with a slash.
  const pages = usesStep(wf, 'actions/configure-pages')[0];
  expect(build.env.WTP_SITE_URL).toBe(`\${{ steps.${pages.id}.outputs.base_url }}/`);
  // Nothing else builds: no trunk, no cargo build of its own.
  for (const step of runSteps(wf)) {
    for (const words of commandsOf(step.run)) expect(['trunk', 'cargo']).not.toContain(commandWord(words));
  }
});

// ---------------------------------------------------------------------------
// The docs.

const PERMISSIONS = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';
const HEADERS = {
  'Content-Security-Policy': /Content-Security-Policy/,
  'frame-ancestors': /frame-ancestors 'self'/,
  'Referrer-Policy': /Referrer-Policy: no-referrer/,
  'Permissions-Policy': new RegExp(`Permissions-Policy: ${PERMISSIONS.replace(/[()]/g, '\\$&')}`),
  'X-Content-Type-Options': /X-Content-Type-Options: nosniff/,
  'immutable caching': /Cache-Control: public, max-age=31536000, immutable/,
  'no-cache': /Cache-Control: no-cache/,
  'wasm type': /application\/wasm/,
  'manifest type': /application\/manifest\+json/,
};

test('DEPLOY.md names the build, the files, every header, and the three recipes', async () => {
  const doc = read('docs/DEPLOY.md');
  for (const [name, pattern] of Object.entries(HEADERS)) expect(doc, name).toMatch(pattern);
  expect(doc).toContain('WTP_SITE_URL=https://example.org/plan/ scripts/build.sh');
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest', 'og-image.png', 'favicon.svg', 'class-view-', 'snippets/', '_headers']) {
    expect(doc, file).toContain(file);
  }
  // Copy the policy, never retype its hashes.
  expect(doc).toMatch(/never retype/i);
  // GitHub Pages, honestly.
  expect(doc).toContain('.github/workflows/pages.yml');
  expect(doc).toMatch(/frame-ancestors` cannot be enforced/);
  expect(doc).toContain('max-age=600');
  // Netlify.
  expect(doc).toContain('command = "scripts/build.sh"');
  expect(doc).toContain('publish = "dist"');
  // nginx: the sub-path, the wasm type, headers on every response, caching by name.
  expect(doc).toMatch(/location \^~ \/plan\/ \{/);
  expect(doc).toMatch(/types \{[^}]*application\/wasm wasm;[^}]*\}/);
  expect(doc).toMatch(/add_header [\w-]+ "[^"]*" always;/);
  expect(doc).toMatch(/location ~ "-\[0-9a-f\]\{16\}/);
  // Every nginx add_header in the doc sends its header with error pages too.
  for (const line of doc.split('\n').filter((l) => /^\s*add_header /.test(l))) expect(line).toMatch(/ always;$/);
  expect(doc).toMatch(/^## Offline/m);
  expect(doc).toMatch(/^## Check a deploy/m);
  expect(doc).toContain('(EMBED.md)');
});

test('EMBED.md gives the embed address, the height message and a snippet that works', async () => {
  const doc = read('docs/EMBED.md');
  expect(doc).toContain('?embed');
  expect(doc).toContain('window.parent.postMessage({ type: "weigh-the-plan:height", height:');
  expect(doc).toMatch(/frame-ancestors/);
  expect(doc).toContain('(DEPLOY.md)');
  expect(doc).toMatch(/GitHub Pages cannot send headers/);
  expect(doc).toMatch(/partition/i);
  expect(doc).toMatch(/share link/i);

  const html = doc.match(/```html\n([\s\S]*?)```/)[1];
  expect(html).toContain('<iframe src="https://example.org/plan/?embed" title="Weigh the Plan: the US 28-point draft, point by point" loading="lazy" referrerpolicy="no-referrer" style="width:100%;border:0;height:900px"></iframe>');
  const script = html.match(/<script>([\s\S]*?)<\/script>/)[1];

  // Run the snippet's script against a page with two frames, and send it messages.
  const listeners = [];
  const frame = (src) => ({ src, contentWindow: { name: src }, style: { height: '900px' } });
  const ours = frame('https://example.org/plan/?embed');
  const other = frame('https://video.example/player');
  const context = {
    window: { addEventListener: (type, fn) => { if (type === 'message') listeners.push(fn); } },
    document: { baseURI: 'https://news.example/story', getElementsByTagName: (tag) => (tag === 'iframe' ? [other, ours] : []) },
    Number, isFinite, Math,
  };
  vm.runInNewContext(script, context);
  expect(listeners).toHaveLength(1);
  const send = (data, { origin = 'https://example.org', source = ours.contentWindow } = {}) => listeners[0]({ data, origin, source });

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

  const hashed = /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/;
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
