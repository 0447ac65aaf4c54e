// Sveltia CMS at /admin/ (gen/internal/cms), driven with the CMS's own test backend (test-repo),
// which keeps the repository's files in the browser's origin private file system
// (navigator.storage, folder sveltia-cms-test): each test writes the real content there before
// the CMS loads, and reads back what the CMS saved.
//
// The site is served from a copy of the built one, with the headers of netlify.toml as
// Netlify's own engine applies them, CMS_CONFIG (the configuration with the test backend,
// written by go run ./gen/internal/cms/testconfig) in place of admin/config.yml, and the site's
// own configuration at /admin/github/.
//   config   the served configuration is the built one but for its backend, test-repo; the
//            site's is github;
//   signin   the site's configuration up to the sign-in: the GitHub button opens Netlify's OAuth
//            provider (https://api.netlify.com/auth?provider=github…) in a pop-up that keeps
//            its opener (Cross-Origin-Opener-Policy);
//   create   an event through the form (every required field, an amount, a related event, a
//            finding with its provision chosen from the laws and its sentence in each language, a
//            source, the title, summary and body in both languages, a slug of its own): the save
//            writes its two files only, equal to tools/testdata/cms/ byte for byte
//            (--update-snapshots rewrites them), and they pass gen check -strict;
//   edit     every event and page opened and saved with one field changed (the summary, the
//            description for a page), in French or English by turns, in shards run side by
//            side: the save writes that entry's files only; their front matter before and after,
//            read as YAML 1.1 reads it, differs in that field only (no key added, dropped or
//            moved); the body is the same but for the blank line the CMS puts after the front
//            matter; one event seeded with reference "2023-04-13" keeps it as text. What was
//            saved goes to test-output/cms/saved/, where cms-saved.spec.mjs runs gen check
//            -strict on all of it;
//   locale   French chosen in the settings (the locale file of the pinned version, served here
//            from node_modules, fetched once and kept for a reload); a French browser (fetched
//            once); the file failing, chosen in the settings and in a French browser: at most 3
//            requests, none after, and the CMS goes on in English.
// In every test: no request to another origin but the CMS's known ones (its locale files, its
// check for a newer version, GitHub's status feed, its interface fonts, the OAuth pop-up),
// answered here (every host name resolves to nothing); no CSP violation (events, and the
// console once the CMS loads); no uncaught exception; no console error but the failed loads of
// those known requests.
// CMS_MATCH=REGEX edits only the entries whose file matches it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { test as checks, expect, SITE, TOOLS, NETLIFY, ROOT } from './fixtures.mjs';
import { startServer } from '../serve.mjs';
import { contentFiles, entries, split, parse, differences, genCheck, SAVED } from './cms-files.mjs';

const PKG = path.join(TOOLS, 'node_modules', '@sveltia', 'cms');
const CONFIG = path.resolve(ROOT, process.env.CMS_CONFIG || 'test-output/cms/config.yml');
const REPO_DIR = 'sveltia-cms-test'; // the test backend's folder in the origin private file system
const NEW_ID = '2026-11-20-cnil-nouvelle-amende';
const DATE_LIKE = '2023-04-13';
const EDIT_SHARDS = 4;

const pin = JSON.parse(fs.readFileSync(path.join(TOOLS, 'package.json'), 'utf8')).dependencies['@sveltia/cms'];
const LOCALES = `https://unpkg.com/@sveltia/cms@${pin}/locales/`;
const VERSION_CHECK = 'https://unpkg.com/@sveltia/cms/package.json';
const FONTS = 'https://cdn.jsdelivr.net/fontsource/fonts/';
const GITHUB_STATUS = 'https://www.githubstatus.com/api/v2/status.json';
const OAUTH = 'https://api.netlify.com/auth';
const frWords = JSON.parse(fs.readFileSync(path.join(PKG, 'locales', 'fr.json'), 'utf8'));
const known = (u) => u.startsWith(LOCALES) || u === VERSION_CHECK || u.startsWith(FONTS) || u === GITHUB_STATUS;
const seed = contentFiles();

const test = checks.extend({
  // The locale file's requests fail.
  localeFails: [false, { option: true }],

  // The copy of the built site the CMS is served from.
  site: [async ({}, use) => {
    for (const f of [path.join(SITE, 'admin', 'index.html'), CONFIG]) {
      if (!fs.existsSync(f)) throw new Error(`${f}: no such file (make cms-check writes it)`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-site-'));
    fs.cpSync(SITE, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'admin', 'github'));
    fs.copyFileSync(path.join(dir, 'admin', 'index.html'), path.join(dir, 'admin', 'github', 'index.html'));
    fs.renameSync(path.join(dir, 'admin', 'config.yml'), path.join(dir, 'admin', 'github', 'config.yml'));
    fs.copyFileSync(CONFIG, path.join(dir, 'admin', 'config.yml'));
    const srv = await startServer({ dir, netlifyToml: NETLIFY });
    await use(srv);
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, { scope: 'worker' }],

  // The CMS's browser context: other origins answered here (the CMS's known requests) or
  // refused and reported; requests to them counted by address. When the test ends, its
  // problems (and those the watcher saw) must be none.
  cms: async ({ context, site, watch, localeFails }, use) => {
    const cms = { counts: new Map(), oauth: [], problems: [], expect: null, consoleFrom: Infinity };
    cms.say = (msg) => cms.problems.push(msg);
    // From now on, the console's messages count (not those of the seeding, before the CMS).
    cms.record = () => { cms.consoleFrom = watch.console.length; };
    await context.route((u) => u.origin !== site.origin, async (route) => {
      const u = route.request().url();
      cms.counts.set(u, (cms.counts.get(u) || 0) + 1);
      if (u.startsWith(LOCALES)) {
        const file = path.join(PKG, 'locales', decodeURIComponent(u.slice(LOCALES.length)));
        if (localeFails || !fs.existsSync(file)) return route.abort('failed');
        return route.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(file) });
      }
      if (u === VERSION_CHECK) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ name: '@sveltia/cms', version: pin }) });
      if (u === GITHUB_STATUS) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ status: { indicator: 'none' } }) });
      if (u.startsWith(`${OAUTH}?`) && route.request().isNavigationRequest()) {
        cms.oauth.push(u); // the sign-in pop-up: Netlify's OAuth provider
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>OAuth</title>' });
      }
      if (!u.startsWith(FONTS)) cms.say(`request to another origin: ${route.request().method()} ${u}`);
      return route.abort('failed'); // the fonts: the interface falls back to the system's
    });
    await use(cms);
    for (const e of watch.csp) cms.say(`CSP violation: ${e.text}`);
    for (const e of watch.exceptions) {
      const text = e.text.split('\n')[0];
      if (!(cms.expect && cms.expect.test(text))) cms.say(`uncaught exception: ${text}`);
    }
    for (const m of watch.console.slice(cms.consoleFrom)) {
      if (/Content[- ]Security[- ]Policy/i.test(m.text)) { cms.say(`console: ${m.text}`); continue; }
      if (m.type !== 'error') continue;
      if (/^Failed to load resource/.test(m.text) && m.url && known(m.url)) continue;
      if (cms.expect && cms.expect.test(m.text)) continue;
      cms.say(`console error: ${m.text.slice(0, 300)}`);
    }
    expect(cms.problems, 'problems').toEqual([]);
  },
});

// ---- The CMS in a page ----------------------------------------------------------------------

// Opens the CMS in a new page with files in its test repository, signed in.
async function openCMS(context, cms, origin, files, { signIn = 'Work with Test Repository' } = {}) {
  const page = await context.newPage();
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
  cms.record();
  await load(page, origin, signIn);
  return page;
}

// Loads /admin/ and signs in to the test repository: the entry list shows.
async function load(page, origin, signIn = 'Work with Test Repository') {
  const resp = await page.goto(`${origin}/admin/`);
  expect(resp && resp.status(), '/admin/').toBe(200);
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
  await expect.poll(async () => {
    const now = await readRepo(page, paths);
    return paths.filter((p) => now[p] === undefined || now[p] === before[p]);
  }, { message: 'the files not saved yet', timeout: 30_000, intervals: [100] }).toEqual([]);
  await page.waitForTimeout(200); // the rest of the save, if any
  return readRepo(page);
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
// Opens an entry's editor by its address. The CMS goes back to the entry list after a save, in
// its own time: the address is set again until the editor shows.
async function openEntry(page, collection, id, ready = pane(page, 'French')) {
  const hash = `#/collections/${collection}/entries/${id}`;
  await expect(async () => {
    await page.evaluate((h) => { if (location.hash !== h) location.hash = h; }, hash);
    await ready.waitFor({ timeout: 3000 });
    expect(await page.evaluate(() => location.hash)).toBe(hash);
  }, `the editor of ${collection}/${id} opens`).toPass({ timeout: 20_000, intervals: [100] });
}

async function switchTo(page, lang) {
  await page.getByRole('radiogroup', { name: 'Switch Locale' }).first().getByRole('radio', { name: lang, exact: true }).click();
  await pane(page, lang).waitFor();
}

// ---- config ---------------------------------------------------------------------------------

test('the served configuration is the built one but for its backend', () => {
  const built = YAML.parse(fs.readFileSync(path.join(SITE, 'admin', 'config.yml'), 'utf8'));
  const testConfig = YAML.parse(fs.readFileSync(CONFIG, 'utf8'));
  expect(testConfig.backend.name, `${CONFIG}: the test backend`).toBe('test-repo');
  expect(built.backend.name, "the site's backend").toBe('github');
  delete built.backend;
  delete testConfig.backend;
  expect(testConfig).toEqual(built);
});

// ---- signin ---------------------------------------------------------------------------------

test('signin: the GitHub button opens Netlify\'s OAuth provider in a pop-up that keeps its opener', async ({ context, site, cms }) => {
  const page = await context.newPage();
  cms.record();
  const resp = await page.goto(`${site.origin}/admin/github/`);
  expect(resp && resp.status(), '/admin/github/').toBe(200);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: /^Sign In with .GitHub.$/ }).click(),
  ]);
  await popup.waitForLoadState().catch(() => {});
  const u = new URL(cms.oauth[0] || popup.url());
  expect.soft(`${u.origin}${u.pathname}`, 'the pop-up\'s address').toBe(OAUTH);
  expect.soft(u.searchParams.get('provider'), 'its provider').toBe('github');
  // The pop-up answers the page with postMessage: it must keep its opener, which
  // Cross-Origin-Opener-Policy same-origin would cut.
  expect.soft(await popup.evaluate(() => window.opener !== null).catch(() => false), 'the pop-up keeps its opener').toBe(true);
});

// ---- create ---------------------------------------------------------------------------------

test('create: an event through the form, equal to the golden files, passing gen check -strict', async ({ context, site, cms }) => {
  const page = await openCMS(context, cms, site.origin, seed);
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
  await field(fr, 'findings').getByRole('button', { name: /^Add/ }).click();
  await choose(page, fr, 'findings.0.provision', 'gdpr:6 · Licéité du traitement');
  await field(fr, 'findings.0.how').getByRole('checkbox').first().click();
  await textbox(fr, 'findings.0.how.fr').fill('Clearview AI traite sans base légale les données de personnes se trouvant en France.');
  await textbox(fr, 'findings.0.how.en').fill('Clearview AI processes without a legal basis the data of people in France.');
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
  expect.soft(Object.keys(after).filter((p) => after[p] !== before[p]).sort(), 'the files the save wrote').toEqual([...paths].sort());
  for (const p of paths) expect.soft(after[p], p).toMatchSnapshot(path.basename(p));
  const check = genCheck(Object.fromEntries(paths.map((p) => [p, after[p]])));
  expect(check.ok, `gen check -strict refuses the new event:\n${check.out}`).toBe(true);
});

// ---- edit -----------------------------------------------------------------------------------

// The seed, with one event given a date-like reference (the text that YAML 1.1 would read as a
// date if the CMS wrote it without quotes).
function withDateLike(files) {
  const out = { ...files };
  const p = Object.keys(out).sort().find((f) => /^content\/events\/[^/]+(?<!\.en)\.md$/.test(f) && !/^reference:/m.test(out[f]));
  out[p] = out[p].replace(/^status:/m, `reference: "${DATE_LIKE}"\nstatus:`);
  return { files: out, dateLike: p };
}

const { files: editSeed, dateLike } = withDateLike(seed);
// Every entry, its language by turns in the order of all of them, dealt to the shards.
const EDITS = entries(editSeed)
  .map((p, i) => ({ p, lang: i % 2 === 0 ? 'French' : 'English', shard: i % EDIT_SHARDS }))
  .filter((e) => !process.env.CMS_MATCH || new RegExp(process.env.CMS_MATCH).test(e.p));

for (let shard = 0; shard < EDIT_SHARDS; shard++) {
  const mine = EDITS.filter((e) => e.shard === shard);
  if (mine.length === 0) continue;
  test(`edit ${shard + 1}/${EDIT_SHARDS}: ${mine.length} entries saved with one field changed, and nothing else`, async ({ context, site, cms }, testInfo) => {
    const page = await openCMS(context, cms, site.origin, editSeed);
    let current = await readRepo(page);
    let blank = 0;
    for (const { p, lang } of mine) {
      const collection = p.startsWith('content/events/') ? 'events' : 'pages';
      const id = path.basename(p, '.md');
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
          if (after[f] !== before[f] && f !== p && f !== translation) cms.say(`${where}: the save also wrote ${f}`);
        }
        for (const f of [p, translation]) {
          if (before[f] === undefined) continue;
          fs.mkdirSync(path.dirname(path.join(SAVED, f)), { recursive: true });
          fs.writeFileSync(path.join(SAVED, f), after[f]);
          const a = split(before[f]);
          const b = split(after[f]);
          const fa = parse(a.front);
          const diffs = differences(fa, parse(b.front));
          const want = f === target ? [`${key}: ${JSON.stringify(fa[key])} became ${JSON.stringify(fa[key] + mark)}`] : [];
          if (diffs.join('\n') !== want.join('\n')) cms.say(`${where}: ${f} front matter: ${diffs.join('; ') || 'unchanged'}; want ${want.join('; ') || 'unchanged'}`);
          if (b.body !== a.body) {
            if (b.body === `\n${a.body}`) blank++;
            else cms.say(`${where}: ${f}: the body changed`);
          }
        }
        if (p === dateLike) {
          const ref = parse(split(after[p]).front).reference;
          if (ref !== DATE_LIKE) cms.say(`${p}: reference "${DATE_LIKE}" was written as ${ref instanceof Date ? 'a date' : JSON.stringify(ref)}`);
        }
      } catch (e) {
        cms.say(`${where}: ${e.message.split('\n')[0]}`);
        await testInfo.attach(`failed-${id}.png`, { body: await page.screenshot().catch(() => Buffer.from('')), contentType: 'image/png' });
        await testInfo.attach(`failed-${id}.aria.txt`, { body: await page.locator('body').ariaSnapshot().catch(() => ''), contentType: 'text/plain' });
        await load(page, site.origin).catch(() => {});
        current = await readRepo(page).catch(() => current);
      }
    }
    testInfo.annotations.push({ type: 'edited', description: `${mine.length} entries, a blank line put after the front matter of ${blank} files` });
  });
}

// ---- locale ---------------------------------------------------------------------------------

const localeRequests = (cms) => [...cms.counts].filter(([u]) => u.startsWith(LOCALES));
const requestCount = (cms) => localeRequests(cms).reduce((s, [, c]) => s + c, 0);
const anEvent = entries(seed).find((p) => p.startsWith('content/events/')).replace(/^content\/events\/|\.md$/g, '');

// Chooses the interface's language in the CMS's settings (Sveltia's UI locale setting).
async function chooseLanguage(page, name) {
  await page.getByRole('button', { name: 'Show Account Menu' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Language' }).click();
  await page.getByRole('combobox', { name: 'Select Language' }).click();
  await page.getByRole('listbox').last().getByRole('option', { name: new RegExp(`^${name} `) }).click();
}

test('locale: French chosen in the settings, its words fetched once and kept for a reload', async ({ context, site, cms }) => {
  const page = await openCMS(context, cms, site.origin, seed);
  await chooseLanguage(page, 'French');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr', { timeout: 30_000 });
  await page.keyboard.press('Escape'); // the settings dialog
  await load(page, site.origin, frWords.work_with_test_repo);
  await openEntry(page, 'events', anEvent, page.getByRole('button', { name: frWords.save, exact: true }));
  const got = localeRequests(cms);
  expect(got.length === 1 && got[0][1] === 1 && got[0][0].endsWith('/fr.json'), `requests for the locale file: ${JSON.stringify(got)}; want fr.json once`).toBe(true);
});

test.describe('in a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('locale: the CMS takes its language, its words fetched once', async ({ context, site, cms }) => {
    const page = await openCMS(context, cms, site.origin, seed, { signIn: frWords.work_with_test_repo });
    await openEntry(page, 'events', anEvent, page.getByRole('button', { name: frWords.save, exact: true }));
    const got = localeRequests(cms);
    expect(got.length === 1 && got[0][1] === 1, `requests for the locale file: ${JSON.stringify(got)}; want fr.json once`).toBe(true);
  });
});

test.describe('the locale file failing', () => {
  test.use({ localeFails: true });

  test('locale: French chosen in the settings, a few requests, none after, the CMS in English', async ({ context, site, cms }) => {
    cms.expect = /locale/i;
    const page = await openCMS(context, cms, site.origin, seed);
    await chooseLanguage(page, 'French');
    await page.waitForTimeout(5000);
    const first = requestCount(cms);
    await page.waitForTimeout(5000);
    const n = requestCount(cms);
    expect.soft(n <= 3 && n === first, `${n} requests for the locale file in 10 s, ${n - first} in the last 5; want at most 3, and none once it has failed`).toBe(true);
    await page.keyboard.press('Escape'); // the settings dialog
    expect.soft(await page.getByRole('button', { name: 'Create New Entry' }).isVisible(), 'the interface in English').toBe(true);
    await openEntry(page, 'events', anEvent);
  });

  test.describe('in a French browser', () => {
    test.use({ locale: 'fr-FR' });

    // Sveltia CMS 0.221.1 alone asks for the file again without end here (over a thousand
    // requests in 8 s); the site's admin/prefs.js, run before it, writes the browser's language
    // as the chosen one, and then a few requests, none after, and the CMS goes on in English.
    test('locale: no language chosen, a few requests, none after, the CMS in English', async ({ context, site, cms }) => {
      cms.expect = /locale/i;
      const page = await context.newPage();
      cms.record();
      await page.goto(`${site.origin}/admin/`);
      await page.waitForTimeout(5000);
      const first = requestCount(cms);
      await page.waitForTimeout(3000);
      const n = requestCount(cms);
      expect.soft(n <= 3 && n === first, `${n} requests for the locale file in 8 s, ${n - first} in the last 3; want at most 3, and none once it has failed`).toBe(true);
      expect.soft(await page.getByRole('button', { name: 'Work with Test Repository' }).isVisible(), 'the interface in English').toBe(true);
    });
  });
});
