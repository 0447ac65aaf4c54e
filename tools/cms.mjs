#!/usr/bin/env node
// Sveltia CMS at /admin/, driven in headless Chromium (playwright-core) with the CMS's own test
// backend (test-repo), which keeps the repository's files in the browser's origin private file
// system (navigator.storage, folder sveltia-cms-test): the test writes the real content there
// before the CMS loads, and reads back what the CMS saved.
//
// usage: node tools/cms.mjs --dir DIR --config FILE [--netlify netlify.toml] [--golden DIR]
//                           [--update] [--only create,edit,locale] [--match REGEX] [--keep OUTDIR]
//   --dir      the built site (make site-test: test-output/public); served from a copy of it,
//              with the headers of --netlify (default: the repository's netlify.toml) as
//              Netlify's own engine applies them (serve.mjs)
//   --config   the CMS's configuration with the test backend, written by
//              go run ./gen/internal/cms/testconfig: served in place of DIR/admin/config.yml,
//              after a check that it is that file but for its backend
//   --golden   where the created event's files are kept (default tools/testdata/cms);
//              --update rewrites them
//   --keep     also write every file the CMS saved under OUTDIR, for review
//   --match    edit only the entries whose file matches REGEX (to look into one)
//
// (a) create: a new event through the form (every required field, an amount, a related event,
//     a source, the title, summary and body in both languages, a slug of its own); the two
//     files saved must equal the golden ones byte for byte and pass `gen check -strict` in a
//     copy of the repository's content.
// (b) edit: every event (and every page) is opened and one field changed, the summary (the
//     description for a page) in French or in English by turns; the front matter of both files
//     before and after, read as YAML 1.1 reads it (as the site's Go parser does: an unquoted
//     2023-04-13 is a date there), must differ in that field only: no key added, dropped or
//     moved, draft untouched; the body must be the same but for the blank line the CMS puts
//     after the front matter. One event is seeded with reference "2023-04-13", which must
//     stay text. Then `gen check -strict` on all the saved files.
// (c) locale: the interface in French (chosen in the settings, and in a French browser): its
//     words, fetched from unpkg for the pinned version, are served from tools/node_modules;
//     then with that file failing (chosen, and in a French browser): at most 3 requests for
//     it, none after, and the CMS still works, in English.
// In every run: no request to another origin but the CMS's known ones (its locale file, its
// check for a newer version, its interface fonts), answered here without the network (all
// host names resolve to nothing); zero CSP violations; no uncaught exception; no console error
// but the failed loads of those known requests.
//
// Exit code: 0 when there is no problem, 1 when there is any, 2 on a usage or set-up error.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import YAML from 'yaml';
import { startServer, CHROMIUM_PATH, CHROMIUM_ARGS, commandLine } from './serve.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TOOLS = path.join(ROOT, 'tools');
const PKG = path.join(TOOLS, 'node_modules', '@sveltia', 'cms');
const REPO_DIR = 'sveltia-cms-test'; // the test backend's folder in the origin private file system
const NEW_ID = '2026-11-20-cnil-nouvelle-amende';
const DATE_LIKE = '2023-04-13';
const STEP = 30_000;

const { opts, usage } = commandLine('cms.mjs', 'node tools/cms.mjs --dir DIR --config FILE [--netlify netlify.toml] [--golden DIR] [--update] [--only signin,create,edit,locale] [--match REGEX] [--keep OUTDIR]', {
  dir: { type: 'string' },
  config: { type: 'string' },
  netlify: { type: 'string', default: path.join(ROOT, 'netlify.toml') },
  golden: { type: 'string', default: path.join(TOOLS, 'testdata', 'cms') },
  update: { type: 'boolean', default: false },
  only: { type: 'string', default: 'signin,create,edit,locale' },
  keep: { type: 'string' },
  match: { type: 'string' },
});
if (!opts.dir || !opts.config) usage('--dir and --config are required');
const only = new Set(opts.only.split(','));
for (const o of only) if (!['signin', 'create', 'edit', 'locale'].includes(o)) usage(`--only: no such part: ${o}`);
if (!fs.existsSync(path.join(opts.dir, 'admin', 'index.html'))) usage(`${opts.dir}/admin/index.html: no such file (make site-test builds the site)`);
if (!fs.existsSync(opts.config)) usage(`${opts.config}: no such file (go run ./gen/internal/cms/testconfig -out FILE writes it)`);
if (!fs.existsSync(CHROMIUM_PATH)) usage(`${CHROMIUM_PATH} not found: run tools/deps.sh`);
if (!fs.existsSync(PKG)) usage(`${PKG}: missing: run tools/deps.sh`);

const pin = JSON.parse(fs.readFileSync(path.join(TOOLS, 'package.json'), 'utf8')).dependencies['@sveltia/cms'];
const LOCALES = `https://unpkg.com/@sveltia/cms@${pin}/locales/`;
const VERSION_CHECK = 'https://unpkg.com/@sveltia/cms/package.json';
const FONTS = 'https://cdn.jsdelivr.net/fontsource/fonts/';
const GITHUB_STATUS = 'https://www.githubstatus.com/api/v2/status.json';
const OAUTH = 'https://api.netlify.com/auth';
const frWords = JSON.parse(fs.readFileSync(path.join(PKG, 'locales', 'fr.json'), 'utf8'));

const problems = [];
const say = (part, msg) => problems.push(`CMS [${part}] ${msg}`);

// ---- The files ----------------------------------------------------------------------------

// The repository's content, as the test backend's files: path → text.
function contentFiles() {
  const out = {};
  for (const dir of ['content/events', 'content/pages']) {
    const walk = (d) => {
      for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
        const p = `${d}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.md')) out[p] = fs.readFileSync(path.join(ROOT, p), 'utf8');
      }
    };
    walk(dir);
  }
  return out;
}

// A file's front matter and body, as the CMS and the site's parser split it.
function split(text) {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  return { front: m[1], body: m[2] };
}

// Front matter read as YAML 1.1 reads it (the site's parser, go.yaml.in/yaml/v3, does the same
// for dates: an unquoted 2023-04-13 is a timestamp, not text).
const parse = (front) => YAML.parse(front, { schema: 'yaml-1.1', customTags: ['timestamp'] });

// The differences between two parsed values, as "key: how" lines; keys compared in order.
function differences(a, b, at = '') {
  const out = [];
  const kind = (v) => (v instanceof Date ? 'date' : Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);
  // A date written bare, then in quotes: the same for the site's parser, which reads a date by
  // its text. The other way round, text would become a date.
  if (kind(a) === 'date' && kind(b) === 'string' && a.toISOString().slice(0, 10) === b) return [];
  if (kind(a) !== kind(b)) return [`${at || '(root)'}: ${kind(a)} ${JSON.stringify(a)} became ${kind(b)} ${JSON.stringify(b)}`];
  if (kind(a) === 'date') return a.getTime() === b.getTime() ? [] : [`${at}: ${a.toISOString()} became ${b.toISOString()}`];
  if (kind(a) === 'list') {
    if (a.length !== b.length) return [`${at}: ${a.length} items became ${b.length}`];
    return a.flatMap((v, i) => differences(v, b[i], `${at}[${i}]`));
  }
  if (kind(a) === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of ka) if (!kb.includes(k)) out.push(`${at}${at ? '.' : ''}${k}: dropped`);
    for (const k of kb) if (!ka.includes(k)) out.push(`${at}${at ? '.' : ''}${k}: added (${JSON.stringify(b[k])})`);
    const common = ka.filter((k) => kb.includes(k));
    const order = kb.filter((k) => ka.includes(k));
    if (common.join() !== order.join()) out.push(`${at || '(root)'}: keys moved: ${common.join(', ')} became ${order.join(', ')}`);
    for (const k of common) out.push(...differences(a[k], b[k], `${at}${at ? '.' : ''}${k}`));
    return out;
  }
  return a === b ? [] : [`${at}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`];
}

// gen check -strict on the repository's content with files (path → text) put in; the output.
function genCheck(files, gen) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-check-'));
  try {
    for (const d of ['content', 'layouts', 'static']) fs.cpSync(path.join(ROOT, d), path.join(tmp, d), { recursive: true });
    for (const [p, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, p), text);
    const r = spawnSync(gen, ['check', '-strict', '-no-cards', '-root', tmp], { encoding: 'utf8', cwd: tmp });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- The browser --------------------------------------------------------------------------

// Runs in the page before its scripts: CSP violations go to node.
const INIT_SCRIPT = `window.addEventListener('securitypolicyviolation', (e) => {
  try { window.__cmsCsp(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '')); } catch (_) {}
}, true);`;

// A browser context in which the CMS runs: other origins answered here (the CMS's known
// requests) or refused and reported; CSP violations, console errors and exceptions reported
// under part; requests counted by URL.
async function newContext(browser, origin, part, { locale = 'en-US', localeFails = false } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 5000 }, serviceWorkers: 'block' });
  context.setDefaultTimeout(STEP);
  const counts = new Map();
  const state = { recording: false };
  const ctx = { context, counts, state, oauth: [] };
  await context.addInitScript({ content: INIT_SCRIPT });
  await context.exposeFunction('__cmsCsp', (text) => say(part, `CSP violation: ${text}`));
  const known = (u) => u.startsWith(LOCALES) || u === VERSION_CHECK || u.startsWith(FONTS) || u === GITHUB_STATUS;
  await context.route((u) => u.origin !== origin, async (route) => {
    const u = route.request().url();
    counts.set(u, (counts.get(u) || 0) + 1);
    if (u.startsWith(LOCALES)) {
      const file = path.join(PKG, 'locales', decodeURIComponent(u.slice(LOCALES.length)));
      if (localeFails || !fs.existsSync(file)) return route.abort('failed');
      return route.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(file) });
    }
    if (u === VERSION_CHECK) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ name: '@sveltia/cms', version: pin }) });
    if (u === GITHUB_STATUS) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ status: { indicator: 'none' } }) });
    if (u.startsWith(`${OAUTH}?`) && route.request().isNavigationRequest()) {
      ctx.oauth.push(u); // the sign-in pop-up: Netlify's OAuth provider
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>OAuth</title>' });
    }
    if (!u.startsWith(FONTS)) say(part, `request to another origin: ${route.request().method()} ${u}`);
    return route.abort('failed'); // the fonts: the interface falls back to the system's
  });
  context.on('page', (page) => {
    page.on('pageerror', (e) => {
      const text = String((e && e.stack) || e).split('\n')[0];
      if (!(state.expect && state.expect.test(text))) say(part, `uncaught exception: ${text}`);
    });
    page.on('console', (msg) => {
      if (!state.recording) return;
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) { say(part, `console: ${text}`); return; }
      if (msg.type() !== 'error') return;
      const loc = msg.location() && msg.location().url;
      if (/^Failed to load resource/.test(text) && loc && known(loc)) return;
      if (state.expect && state.expect.test(text)) return;
      say(part, `console error: ${text.slice(0, 300)}`);
    });
  });
  return ctx;
}

// Opens the CMS in a new page of ctx with files in its test repository, signed in.
async function openCMS(ctx, origin, files, { signIn = 'Work with Test Repository' } = {}) {
  const page = await ctx.context.newPage();
  await page.goto(`${origin}/robots.txt`); // the site's origin, to write its private files
  await page.evaluate(async ({ dir, files }) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(dir, { recursive: true }).catch(() => {});
    const top = await root.getDirectoryHandle(dir, { create: true });
    for (const [p, text] of Object.entries(files)) {
      const parts = p.split('/');
      let d = top;
      for (const seg of parts.slice(0, -1)) d = await d.getDirectoryHandle(seg, { create: true });
      const w = await (await d.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }, { dir: REPO_DIR, files });
  ctx.state.recording = true;
  await load(page, origin, signIn);
  return page;
}

// Loads /admin/ and signs in to the test repository: the entry list shows.
async function load(page, origin, signIn = 'Work with Test Repository') {
  const resp = await page.goto(`${origin}/admin/`);
  if (!resp || resp.status() !== 200) throw new Error(`/admin/: HTTP ${resp && resp.status()}`);
  const button = page.getByRole('button', { name: signIn, exact: true });
  const list = page.getByRole('grid').first();
  await button.or(list).first().waitFor();
  if (await button.isVisible()) await button.click();
  await list.waitFor();
}

// The test repository's files, path → text; only those of paths when given. The CMS writes a
// file under a temporary name, then moves it: a file gone while it is read is left out.
function readRepo(page, paths = null) {
  return page.evaluate(async ({ dir, paths }) => {
    const out = {};
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(dir);
    const read = async (h, p) => {
      try { out[p] = await (await h.getFile()).text(); } catch { /* moved or written meanwhile */ }
    };
    if (paths) {
      for (const p of paths) {
        try {
          const parts = p.split('/');
          let d = root;
          for (const seg of parts.slice(0, -1)) d = await d.getDirectoryHandle(seg);
          await read(await d.getFileHandle(parts.at(-1)), p);
        } catch { /* not there */ }
      }
      return out;
    }
    const walk = async (d, prefix) => {
      for await (const [name, h] of d.entries()) {
        if (h.kind === 'directory') await walk(h, `${prefix}${name}/`);
        else if (!name.startsWith('.sveltia-tmp-')) await read(h, prefix + name);
      }
    };
    await walk(root, '');
    return out;
  }, { dir: REPO_DIR, paths });
}

// Waits until the files at paths differ from before (the save has been written); returns all
// the files then.
async function saved(page, paths, before) {
  const t0 = Date.now();
  for (;;) {
    const now = await readRepo(page, paths);
    if (paths.every((p) => now[p] !== undefined && now[p] !== before[p])) {
      await page.waitForTimeout(200); // the rest of the save, if any
      return readRepo(page);
    }
    if (Date.now() - t0 > STEP) {
      if (process.env.CMS_DEBUG) {
        fs.writeFileSync(path.join(process.env.CMS_DEBUG, 'unsaved.txt'), await page.locator('body').ariaSnapshot());
        await page.screenshot({ path: path.join(process.env.CMS_DEBUG, 'unsaved.png') });
      }
      throw new Error(`not saved after ${STEP / 1000} s: ${paths.join(', ')}`);
    }
    await page.waitForTimeout(100);
  }
}

// The form's parts: the pane of a language, a field in it, a choice in a drop-down list.
const pane = (page, lang) => page.getByRole('group', { name: new RegExp(`^Edit .${lang}. Content$`) });
// A field by its key path in the entry (title, amount.value, sources.0.url): the CMS writes it
// on the field's group, so that a source's title is not the event's.
const field = (scope, keyPath) => scope.locator(`[role="group"][data-key-path="${keyPath}"]`).first();
const textbox = (scope, keyPath) => field(scope, keyPath).getByRole('textbox').first();
async function choose(page, scope, keyPath, option) {
  await field(scope, keyPath).getByRole('combobox').click();
  await page.getByRole('listbox').last().getByRole('option', { name: option, exact: true }).click();
}
// Opens an entry's editor by its address. The CMS goes back to the entry list after a save,
// in its own time: the address is set again until the editor shows.
async function openEntry(page, collection, id, ready = pane(page, 'French')) {
  const hash = `#/collections/${collection}/entries/${id}`;
  for (let i = 0; ; i++) {
    await page.evaluate((h) => { if (location.hash !== h) location.hash = h; }, hash);
    try {
      await ready.waitFor({ timeout: 3000 });
      if (await page.evaluate((h) => location.hash === h, hash)) return;
    } catch (e) {
      if (i === 5) throw new Error(`the editor of ${collection}/${id} does not open`);
    }
  }
}

async function switchTo(page, lang) {
  await page.getByRole('radiogroup', { name: 'Switch Locale' }).first().getByRole('radio', { name: lang, exact: true }).click();
  await pane(page, lang).waitFor();
}

// ---- (a) create ---------------------------------------------------------------------------

async function create(browser, origin, seed, gen) {
  const ctx = await newContext(browser, origin, 'create');
  try {
    const page = await openCMS(ctx, origin, seed);
    const before = await readRepo(page);
    await page.evaluate(() => { location.hash = '#/collections/events/new'; });
    const fr = pane(page, 'French');
    await textbox(fr, 'date').fill('2026-11-20');
    await textbox(fr, 'country').fill('FR');
    await choose(page, fr, 'authority', 'cnil');
    await choose(page, fr, 'kind', 'fine');
    await field(fr, 'amount').getByRole('checkbox').first().click();
    await field(fr, 'amount.value').getByRole('spinbutton').fill('1500000');
    await textbox(fr, 'amount.currency').fill('EUR');
    await field(fr, 'amount.qualifier').getByRole('radio', { name: 'exact', exact: true }).click();
    await textbox(fr, 'reference').fill('SAN-2026-001');
    await choose(page, fr, 'status', 'final');
    await field(fr, 'confirmation').getByRole('radio', { name: 'decision-text', exact: true }).click();
    await field(fr, 'paid').getByRole('radio', { name: 'unpaid', exact: true }).click();
    await field(fr, 'related').getByRole('combobox').click();
    await page.getByRole('listbox').last().getByRole('option', { name: /^2022-10-17 · / }).click();
    await field(fr, 'sources').getByRole('button', { name: /^Add/ }).click();
    await textbox(fr, 'sources.0.url').fill('https://www.cnil.fr/fr/deliberation-san-2026-001');
    await textbox(fr, 'sources.0.title').fill('Délibération SAN-2026-001 du 20 novembre 2026 concernant la société Clearview AI');
    await textbox(fr, 'sources.0.publisher').fill('CNIL');
    await textbox(fr, 'sources.0.language').fill('fr');
    await field(fr, 'sources.0.primary').getByRole('radio', { name: 'true', exact: true }).click();
    await textbox(fr, 'checked').fill('2026-11-30');
    await textbox(fr, 'title').fill("La CNIL inflige une nouvelle amende de 1,5 million d'euros à Clearview AI");
    await textbox(fr, 'summary').fill('Par la délibération SAN-2026-001 du 20 novembre 2026, la formation restreinte sanctionne de nouveau Clearview AI.');
    await textbox(fr, 'body').fill("La formation restreinte de la CNIL prononce une amende de 1,5 million d'euros.\n\nElle fait suite à [la sanction de 2022](2022-10-17-cnil-sanction.md).");
    await switchTo(page, 'English');
    const en = pane(page, 'English');
    await textbox(en, 'title').fill('CNIL fines Clearview AI €1.5 million again');
    await textbox(en, 'summary').fill("In decision SAN-2026-001 of 20 November 2026, the CNIL's restricted committee sanctioned Clearview AI again.");
    await textbox(en, 'body').fill("The CNIL's restricted committee imposed a fine of €1.5 million.\n\nIt follows [the 2022 sanction](2022-10-17-cnil-sanction.md).");
    await page.getByRole('radio', { name: 'Slug', exact: true }).click();
    const slug = page.getByRole('group', { name: 'Slug', exact: true });
    await slug.getByRole('button', { name: 'Edit Slug' }).click();
    await slug.getByRole('textbox').fill(NEW_ID);
    await slug.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const paths = [`content/events/${NEW_ID}.md`, `content/events/${NEW_ID}.en.md`];
    const after = await saved(page, paths, before);
    const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
    if (changed.sort().join() !== paths.sort().join()) say('create', `the save wrote ${changed.join(', ')}; want ${paths.join(' and ')}`);
    const created = Object.fromEntries(paths.map((p) => [p, after[p]]));
    for (const p of paths) {
      const golden = path.join(opts.golden, path.basename(p));
      if (opts.update) {
        fs.mkdirSync(opts.golden, { recursive: true });
        fs.writeFileSync(golden, after[p]);
      } else if (!fs.existsSync(golden)) {
        say('create', `${golden}: missing (run with --update)`);
      } else if (fs.readFileSync(golden, 'utf8') !== after[p]) {
        say('create', `${p} differs from ${path.relative(ROOT, golden)} (--update to accept):\n${after[p]}`);
      }
    }
    const check = genCheck(created, gen);
    if (!check.ok) say('create', `gen check -strict refuses the new event:\n${check.out}`);
    await page.close();
    return created;
  } finally {
    await ctx.context.close();
  }
}

// ---- (b) edit -----------------------------------------------------------------------------

// The seed, with one event given a date-like reference (the text that YAML 1.1 would read as
// a date if the CMS wrote it without quotes).
function withDateLike(seed) {
  const files = { ...seed };
  const p = Object.keys(files).sort().find((f) => /^content\/events\/[^/]+(?<!\.en)\.md$/.test(f) && !/^reference:/m.test(files[f]));
  files[p] = files[p].replace(/^status:/m, `reference: "${DATE_LIKE}"\nstatus:`);
  return { files, dateLike: p };
}

async function edit(browser, origin, seed, gen) {
  const { files, dateLike } = withDateLike(seed);
  const ctx = await newContext(browser, origin, 'edit');
  const savedFiles = {};
  let n = 0;
  let blank = 0;
  try {
    const page = await openCMS(ctx, origin, files);
    let current = await readRepo(page);
    const entries = Object.keys(files).filter((p) => !p.endsWith('.en.md') && (!opts.match || new RegExp(opts.match).test(p))).sort();
    for (const [i, p] of entries.entries()) {
      const collection = p.startsWith('content/events/') ? 'events' : 'pages';
      const id = path.basename(p, '.md');
      const lang = i % 2 === 0 ? 'French' : 'English';
      const key = collection === 'events' ? 'summary' : 'description';
      const translation = p.replace(/\.md$/, '.en.md');
      const target = lang === 'French' ? p : translation;
      const where = `${p} (${key}, ${lang})`;
      try {
        const before = current;
        await openEntry(page, collection, id);
        if (lang === 'English') await switchTo(page, 'English');
        const box = textbox(pane(page, lang), key);
        const old = await box.inputValue();
        const mark = lang === 'French' ? ' (modifié)' : ' (edited)';
        await box.fill(old + mark);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        const after = await saved(page, [target], before);
        current = after;
        await page.getByRole('grid').first().waitFor(); // back to the list
        for (const f of Object.keys(after)) {
          if (after[f] !== before[f] && f !== p && f !== translation) say('edit', `${where}: the save also wrote ${f}`);
        }
        for (const f of [p, translation]) {
          if (before[f] === undefined) continue;
          savedFiles[f] = after[f];
          const a = split(before[f]);
          const b = split(after[f]);
          const fa = parse(a.front);
          const fb = parse(b.front);
          const diffs = differences(fa, fb);
          const want = f === target ? [`${key}: ${JSON.stringify(fa[key])} became ${JSON.stringify(fa[key] + mark)}`] : [];
          if (diffs.join('\n') !== want.join('\n')) say('edit', `${where}: ${f} front matter: ${diffs.join('; ') || 'unchanged'}; want ${want.join('; ') || 'unchanged'}`);
          if (b.body !== a.body) {
            if (b.body === `\n${a.body}`) blank++;
            else say('edit', `${where}: ${f}: the body changed`);
          }
        }
        if (p === dateLike) {
          const ref = parse(split(after[p]).front).reference;
          if (ref !== DATE_LIKE) say('edit', `${p}: reference "${DATE_LIKE}" was written as ${ref instanceof Date ? 'a date' : JSON.stringify(ref)}`);
        }
        n++;
      } catch (e) {
        say('edit', `${where}: ${e.message.split('\n')[0]}`);
        if (process.env.CMS_DEBUG) {
          fs.writeFileSync(path.join(process.env.CMS_DEBUG, `failed-${id}.txt`), await page.locator('body').ariaSnapshot().catch(() => ''));
          await page.screenshot({ path: path.join(process.env.CMS_DEBUG, `failed-${id}.png`) }).catch(() => {});
        }
        await load(page, origin).catch(() => {});
        current = await readRepo(page).catch(() => current);
      }
    }
    await page.close();
  } finally {
    await ctx.context.close();
  }
  const check = genCheck(savedFiles, gen);
  if (!check.ok) say('edit', `gen check -strict refuses what the CMS saved:\n${check.out}`);
  return { n, blank, files: savedFiles, dateLike };
}

// ---- (c) locale ---------------------------------------------------------------------------

const localeRequests = (ctx) => [...ctx.counts].filter(([u]) => u.startsWith(LOCALES));
const requestCount = (ctx) => localeRequests(ctx).reduce((s, [, c]) => s + c, 0);

// Chooses the interface's language in the CMS's settings (Sveltia's UI locale setting).
async function chooseLanguage(page, name) {
  await page.getByRole('button', { name: 'Show Account Menu' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Language' }).click();
  await page.getByRole('combobox', { name: 'Select Language' }).click();
  await page.getByRole('listbox').last().getByRole('option', { name: new RegExp(`^${name} `) }).click();
}

// Waits until the interface is in lang (the CMS sets the document's language), or throws.
const inLanguage = (page, lang, timeout = STEP) => page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout });

async function locale(browser, origin, seed) {
  const out = {};
  const id = Object.keys(seed).find((p) => /^content\/events\/[^/]+(?<!\.en)\.md$/.test(p)).replace(/^content\/events\/|\.md$/g, '');
  // French chosen in the CMS's settings: the words come from the pinned version's locale file
  // (served here from tools/node_modules), fetched once, then kept by the CMS for the reloads.
  {
    const part = 'locale: French setting';
    const ctx = await newContext(browser, origin, part);
    try {
      const page = await openCMS(ctx, origin, seed);
      await chooseLanguage(page, 'French');
      await inLanguage(page, 'fr');
      await page.keyboard.press('Escape'); // the settings dialog
      await load(page, origin, frWords.work_with_test_repo);
      await openEntry(page, 'events', id, page.getByRole('button', { name: frWords.save, exact: true }));
      out.setting = localeRequests(ctx);
      if (out.setting.length !== 1 || out.setting[0][1] !== 1 || !out.setting[0][0].endsWith('/fr.json')) {
        say(part, `requests for the locale file: ${JSON.stringify(out.setting)}; want fr.json once, kept for the reload`);
      }
      await page.close();
    } finally {
      await ctx.context.close();
    }
  }
  // A French browser: the CMS takes its language, and fetches the file once.
  {
    const part = 'locale: French browser';
    const ctx = await newContext(browser, origin, part, { locale: 'fr-FR' });
    try {
      const page = await openCMS(ctx, origin, seed, { signIn: frWords.work_with_test_repo });
      await openEntry(page, 'events', id, page.getByRole('button', { name: frWords.save, exact: true }));
      out.browser = localeRequests(ctx);
      if (out.browser.length !== 1 || out.browser[0][1] !== 1) say(part, `requests for the locale file: ${JSON.stringify(out.browser)}; want fr.json once`);
      await page.close();
    } finally {
      await ctx.context.close();
    }
  }
  // The file fails, French chosen in the settings: a few requests, then none; the CMS goes on
  // in English.
  {
    const part = 'locale: failing file, French setting';
    const ctx = await newContext(browser, origin, part, { localeFails: true });
    ctx.state.expect = /locale/i;
    try {
      const page = await openCMS(ctx, origin, seed);
      await chooseLanguage(page, 'French');
      await page.waitForTimeout(5000);
      const first = requestCount(ctx);
      await page.waitForTimeout(5000);
      out.failing = requestCount(ctx);
      if (out.failing > 3 || out.failing !== first) say(part, `${out.failing} requests for the locale file in 10 s, ${out.failing - first} in the last 5; want at most 3, and none once it has failed`);
      await page.keyboard.press('Escape'); // the settings dialog
      if (!(await page.getByRole('button', { name: 'Create New Entry' }).isVisible())) say(part, 'the interface is not in English');
      await openEntry(page, 'events', id);
      await page.close();
    } finally {
      await ctx.context.close();
    }
  }
  // The file fails in a French browser, no language chosen: Sveltia CMS 0.221.1 alone asks for
  // it again without end (over a thousand requests in 8 s); the site's admin/prefs.js, run
  // before it, writes the browser's language as the chosen one, and then a few requests, none
  // after, and the CMS goes on in English.
  {
    const part = 'locale: failing file, French browser';
    const ctx = await newContext(browser, origin, part, { locale: 'fr-FR', localeFails: true });
    ctx.state.expect = /locale/i;
    try {
      const page = await ctx.context.newPage();
      ctx.state.recording = true;
      await page.goto(`${origin}/admin/`);
      await page.waitForTimeout(5000);
      const first = requestCount(ctx);
      await page.waitForTimeout(3000);
      out.loop = requestCount(ctx);
      if (out.loop > 3 || out.loop !== first) say(part, `${out.loop} requests for the locale file in 8 s, ${out.loop - first} in the last 3; want at most 3, and none once it has failed`);
      if (!(await page.getByRole('button', { name: 'Work with Test Repository' }).isVisible())) say(part, 'the interface is not in English');
      await page.close();
    } finally {
      await ctx.context.close();
    }
  }
  return out;
}

// ---- the site's own configuration ------------------------------------------------------------

// The CMS with the site's own configuration (GitHub), up to the sign-in: its page under the
// same headers, and the pop-up it opens at Netlify's OAuth provider for the configured
// repository.
async function signInPage(browser, origin) {
  const part = 'sign-in';
  const ctx = await newContext(browser, origin, part);
  const out = {};
  try {
    const page = await ctx.context.newPage();
    ctx.state.recording = true;
    const resp = await page.goto(`${origin}/admin/github/`);
    if (!resp || resp.status() !== 200) throw new Error(`/admin/github/: HTTP ${resp && resp.status()}`);
    const [popup] = await Promise.all([
      ctx.context.waitForEvent('page'),
      page.getByRole('button', { name: /^Sign In with .GitHub.$/ }).click(),
    ]);
    await popup.waitForLoadState().catch(() => {});
    out.oauth = ctx.oauth[0] || popup.url();
    const u = new URL(out.oauth);
    const repo = YAML.parse(fs.readFileSync(path.join(opts.dir, 'admin', 'config.yml'), 'utf8')).backend.repo;
    if (`${u.origin}${u.pathname}` !== OAUTH || u.searchParams.get('provider') !== 'github') {
      say(part, `the sign-in pop-up opens ${out.oauth}; want ${OAUTH}?provider=github…`);
    }
    out.repo = repo;
    // The pop-up answers the page with postMessage: it must keep its opener, which
    // Cross-Origin-Opener-Policy same-origin would cut.
    if (!(await popup.evaluate(() => window.opener !== null).catch(() => false))) say(part, 'the sign-in pop-up has lost its opener (Cross-Origin-Opener-Policy)');
    await popup.close();
    await page.close();
  } finally {
    await ctx.context.close();
  }
  return out;
}

// ---- main ---------------------------------------------------------------------------------

// The served configuration is the built one but for its backend, the test one.
function checkConfig() {
  const built = YAML.parse(fs.readFileSync(path.join(opts.dir, 'admin', 'config.yml'), 'utf8'));
  const test = YAML.parse(fs.readFileSync(opts.config, 'utf8'));
  if (!test || !test.backend || test.backend.name !== 'test-repo') usage(`${opts.config}: not the test backend`);
  if (built.backend.name !== 'github') say('config', `the site's backend is ${built.backend.name}, not github`);
  delete built.backend;
  delete test.backend;
  if (JSON.stringify(built) !== JSON.stringify(test)) say('config', `${opts.config} is not ${opts.dir}/admin/config.yml but for its backend`);
}

async function main() {
  const t0 = Date.now();
  checkConfig();
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-site-'));
  const gen = path.join(site, '..', `${path.basename(site)}-gen`);
  fs.cpSync(opts.dir, site, { recursive: true });
  // The site's own configuration stays served, at /admin/github/, for the sign-in page.
  fs.mkdirSync(path.join(site, 'admin', 'github'));
  fs.copyFileSync(path.join(site, 'admin', 'index.html'), path.join(site, 'admin', 'github', 'index.html'));
  fs.renameSync(path.join(site, 'admin', 'config.yml'), path.join(site, 'admin', 'github', 'config.yml'));
  fs.copyFileSync(opts.config, path.join(site, 'admin', 'config.yml'));
  const built = spawnSync(process.env.GO || 'go', ['build', '-o', gen, './gen'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) usage(`go build ./gen: ${built.stderr}`);
  const srv = await startServer({ dir: site, netlifyToml: opts.netlify });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const seed = contentFiles();
  const summary = [];
  try {
    if (only.has('create')) {
      const created = await create(browser, srv.origin, seed, gen);
      summary.push(`created ${Object.keys(created).join(' and ')}`);
      if (opts.keep) keep(created);
    }
    if (only.has('edit')) {
      const r = await edit(browser, srv.origin, seed, gen);
      summary.push(`${r.n} entries edited and saved (${Object.keys(r.files).length} files, a blank line put after the front matter of ${r.blank}; ${r.dateLike} with reference "${DATE_LIKE}")`);
      if (opts.keep) keep(r.files);
    }
    if (only.has('signin')) {
      const r = await signInPage(browser, srv.origin);
      summary.push(`the sign-in pop-up opens ${r.oauth ? r.oauth.replace(/\?.*/, '') : '(none)'} for ${r.repo}`);
    }
    if (only.has('locale')) {
      const r = await locale(browser, srv.origin, seed);
      summary.push(`French interface: the locale file requested ${r.setting && r.setting[0] ? r.setting[0][1] : 0} time(s) with the setting and a reload, ` +
        `${r.browser && r.browser[0] ? r.browser[0][1] : 0} in a French browser; failing, ${r.failing} with the setting, ${r.loop} in 8 s in a French browser`);
    }
  } finally {
    await browser.close();
    await srv.close();
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(gen, { force: true });
  }
  for (const l of problems) console.log(l);
  console.log(`cms: ${summary.join('; ')}; in ${Math.round((Date.now() - t0) / 1000)} s: ${problems.length} problems`);
  return problems.length ? 1 : 0;
}

function keep(files) {
  for (const [p, text] of Object.entries(files)) {
    const f = path.join(opts.keep, p);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`cms.mjs: ${(err && err.stack) || err}`);
  process.exit(2);
});
