// Every page of the built site (but /admin/, the CMS, which cms.spec.mjs drives), one test per
// page, served with the headers of netlify.toml, in up to 4 configurations: light and dark
// colour scheme × 375 and 1280 px wide (800 px high). The page is loaded once, in 375-light, and
// switched in place to the others (viewport and prefers-color-scheme emulation, running CSS
// animations finished first). Every page is checked in 375-light; the pages sample.mjs chooses
// (in each kind of page, enough for every element and class found on one of its pages) in all
// four; CHECKS_FULL=1 checks every page in all four. 404.html is loaded at a path that does not
// exist and must answer 404. In each configuration:
//   - axe-core (@axe-core/playwright): no violation of the tags wcag2a, wcag2aa, wcag21a,
//     wcag21aa, wcag22aa;
//   - reflow (WCAG 1.4.10): the document no wider than the viewport (also at 320 px, once);
//   - every rendered chart (svg.chart with a box): its box within the viewport sideways, no
//     ancestor up to body with overflow-x auto/scroll/hidden/clip that scrolls sideways, every
//     circle, rect and text inside its box (±1 px), every text at least 10 px tall (also at
//     320 px);
// and over the whole load: no CSP violation (securitypolicyviolation events, console messages
// as a fallback), no console error, no uncaught exception, no same-origin request that fails or
// answers ≥ 400, no request to another origin (every host name resolves to nothing).
// In the dark scheme, which changes colours only (a test holds the stylesheet to it), axe-core
// runs its colour rules alone; on a page checked in 375-light alone, all its rules but those.
// The pages of CHECKS_SHOTS (default "/") are photographed whole in each configuration into
// CHECKS_SHOT_DIR (default test-output/screenshots) for review: home-375-light.png, …
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import { test as checks, expect, pages, watch, SITE, ROOT, cspViolations, isCspMessage, failedLoad } from './fixtures.mjs';
import { everyConfig, prefixes, styledClasses } from './sample.mjs';

// Order matters: each step changes one thing only.
const CONFIGS = [
  { name: '375-light', width: 375, height: 800, colorScheme: 'light' },
  { name: '375-dark', width: 375, height: 800, colorScheme: 'dark' },
  { name: '1280-dark', width: 1280, height: 800, colorScheme: 'dark' },
  { name: '1280-light', width: 1280, height: 800, colorScheme: 'light' },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NOT_FOUND_PATH = '/404-check/this-page-does-not-exist/';
const SHOT_DIR = path.resolve(ROOT, process.env.CHECKS_SHOT_DIR || 'test-output/screenshots');
const SHOTS = (process.env.CHECKS_SHOTS || '/').split(/\s+/).filter(Boolean);
// axe-core is compiled once per document, by an init script; AxeBuilder, given ';' for its
// source, then only configures and runs it. (Its default evaluates the 550 KB script at every
// analysis, and outside legacy mode opens a blank page for each: 7 times as long here, for the
// same axe.run on pages that have no frame.)
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// One browser context and one page per worker, for all the pages it checks: each test loads its
// page anew in it, so that Chromium keeps axe-core compiled, and its renderer warm, from page to
// page. A new context per page took 3 times as long (102 s against 31 s for 32 pages here). A
// test that fails ends its worker, and so its page: the next gets a new one.
const test = checks.extend({
  tab: [async ({ browser }, use) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: 'light', serviceWorkers: 'block' });
    await context.addInitScript({ path: AXE_SOURCE });
    const w = await watch(context);
    const page = await context.newPage();
    await use({ page, watch: w });
    await context.close();
  }, { scope: 'worker' }],
});

test.afterEach(async ({ tab }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('screenshot', { body: await tab.page.screenshot().catch(() => Buffer.from('')), contentType: 'image/png' });
  }
});

// The 404 page is checked where a visitor sees it: at a path that does not exist.
const PAGES = pages(SITE).filter((p) => !p.rel.startsWith('admin/')).map((p) => (p.rel === '404.html'
  ? { ...p, url: NOT_FOUND_PATH, status: 404 }
  : { ...p, url: p.path, status: 200 }));
// The pages checked in every configuration (all of them with CHECKS_FULL=1), the pages
// photographed among them; the others in the first.
const CSS = fs.readdirSync(path.join(SITE, 'css')).map((f) => fs.readFileSync(path.join(SITE, 'css', f), 'utf8')).join('\n');
const EVERY = process.env.CHECKS_FULL === '1'
  ? new Set(PAGES.map((p) => p.rel))
  : everyConfig(PAGES, (rel) => fs.readFileSync(path.join(SITE, rel), 'utf8'), prefixes(ROOT), styledClasses(CSS));
for (const p of PAGES) if (SHOTS.includes(p.path) || SHOTS.includes(p.url)) EVERY.add(p.rel);

function slugFor(p) {
  if (p === '/') return 'home';
  let s = p;
  try { s = decodeURI(p); } catch { /* keep as is */ }
  return s.replace(/\.html$/, '').replace(/^\/+|\/+$/g, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'home';
}

// In the page: finish CSS animations and transitions (e.g. a colour transition started by the
// switch to dark mode) so that axe and the screenshots see the final state.
const settle = () => {
  for (const a of document.getAnimations()) {
    try { a.finish(); } catch (_) { /* infinite animation: leave it */ }
  }
};

// In the page: null when the document is no wider than the viewport, else its width and the
// element that reaches furthest right.
function measureOverflow() {
  const de = document.documentElement;
  if (de.scrollWidth <= de.clientWidth) return null;
  let widest = null;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > de.clientWidth + 1 && (!widest || r.right > widest.right)) {
      const cls = el.getAttribute('class');
      widest = { right: Math.round(r.right), what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '') };
    }
  }
  return { scroll: de.scrollWidth, client: de.clientWidth, widest };
}

// In the page: what each rendered svg.chart (not display:none) hides or draws too small, one
// message per chart: (a) its box leaves the viewport sideways, or an ancestor up to <body>
// scrolls (or clips) sideways; (b) a circle, rect or text of it lies outside its box (±1 px);
// (c) a text of it is drawn under 10 px: its font size (in the viewBox's units) × the chart's
// rendered width / its viewBox's width.
function measureCharts() {
  const vw = document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
  const few = (list) => list.slice(0, 4).join(', ') + (list.length > 4 ? ` and ${list.length - 4} more` : '');
  const out = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    if (svg.getClientRects().length === 0) continue;
    const r = svg.getBoundingClientRect();
    const issues = [];
    if (r.left < -1 || r.right > vw + 1) issues.push(`its box spans ${Math.round(r.left)}–${Math.round(r.right)} px, beyond the ${vw} px viewport`);
    for (let a = svg.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (/^(auto|scroll|hidden|clip)$/.test(ox) && a.scrollWidth > a.clientWidth + 1) {
        issues.push(`${name(a)} (overflow-x: ${ox}) scrolls sideways, ${a.scrollWidth} px of content in ${a.clientWidth} px`);
      }
      if (a === document.body) break;
    }
    const vb = svg.viewBox && svg.viewBox.baseVal;
    const scale = vb && vb.width > 0 ? r.width / vb.width : 1;
    const outside = [];
    const small = [];
    for (const el of svg.querySelectorAll('circle, rect, text')) {
      if (el.closest('defs, clipPath, mask, pattern, marker, symbol') || el.getClientRects().length === 0) continue;
      const text = el.tagName.toLowerCase() === 'text';
      const what = text ? JSON.stringify(el.textContent.trim().slice(0, 24)) : name(el);
      const b = el.getBoundingClientRect();
      if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1) outside.push(what);
      if (text) {
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < 10) small.push(`${what} ${px.toFixed(2)} px`);
      }
    }
    if (outside.length) issues.push(`${outside.length} shapes or texts outside its box: ${few(outside)}`);
    if (small.length) issues.push(`${small.length} texts under 10 px: ${few(small)}`);
    if (issues.length) out.push(`${name(svg)} ${JSON.stringify(svg.getAttribute('aria-label') || '')}, ${Math.round(r.width)} px wide: ${issues.join('; ')}`);
  }
  return out;
}

// The dark scheme is the light one with other colours: its rules set the stylesheet's colour
// variables and nothing else, and no script reads the scheme. So an axe-core rule that is not
// about colour sees the same page in both, and runs in the light one alone.
test('the dark scheme changes colours only', () => {
  const blocks = [...CSS.matchAll(/@media[^{]*prefers-color-scheme[^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g)].map((m) => m[1]);
  expect(blocks.length, 'a dark scheme').toBeGreaterThan(0);
  for (const block of blocks) {
    for (const rule of block.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
      const decls = rule[2].split(';').map((d) => d.trim()).filter(Boolean);
      const colour = (d) => /^--[\w-]+\s*:\s*(#[0-9a-f]{3,8}|(rgb|hsl)a?\([^)]*\))$/i.test(d);
      expect(decls.filter((d) => !colour(d)), `${rule[1].trim()}: declarations of the dark scheme that are not colour variables`).toEqual([]);
    }
  }
  const js = fs.readdirSync(path.join(SITE, 'js')).map((f) => fs.readFileSync(path.join(SITE, 'js', f), 'utf8')).join('\n');
  expect(js, 'a script that reads the colour scheme').not.toMatch(/prefers-color-scheme/);
});

test('the pages to photograph are pages of the site', () => {
  const unknown = SHOTS.filter((s) => !PAGES.some((p) => p.path === s || p.url === s));
  expect(unknown, `CHECKS_SHOTS: no such page under ${SITE}`).toEqual([]);
});

for (const p of PAGES) {
  const configs = EVERY.has(p.rel) ? CONFIGS : CONFIGS.slice(0, 1);
  test(`${p.path}${configs.length < CONFIGS.length ? ' (375-light)' : ''}`, async ({ tab, site }) => {
    const { page, watch } = tab;
    const { origin } = site;
    const sameOrigin = (u) => { try { return new URL(u).origin === origin; } catch { return false; } };
    const violations = [];
    const errors = [];
    const error = (kind, text) => errors.push({ config: watch.label, kind, text });
    // Back to the first configuration (the last page was left in the last one), and what the
    // last page's document did forgotten. A request of it still under way is not this page's.
    let cfg = CONFIGS[0];
    await page.setViewportSize({ width: cfg.width, height: cfg.height });
    await page.emulateMedia({ colorScheme: cfg.colorScheme });
    watch.reset();
    watch.label = cfg.name;
    const started = Date.now();
    const stale = (req) => { const t = req.timing().startTime; return t > 0 && t < started - 5; };

    const resp = await page.goto(origin + p.url, { waitUntil: 'load' });
    expect(resp, 'no response').toBeTruthy();
    if (resp.status() !== p.status) error('http', `page answered HTTP ${resp.status()}, expected ${p.status}`);

    for (const next of configs) {
      watch.label = next.name;
      if (next.width !== cfg.width || next.height !== cfg.height) await page.setViewportSize({ width: next.width, height: next.height });
      if (next.colorScheme !== cfg.colorScheme) await page.emulateMedia({ colorScheme: next.colorScheme });
      cfg = next;
      await page.evaluate(settle);
      if (SHOTS.includes(p.path) || SHOTS.includes(p.url)) {
        await page.evaluate(() => document.fonts && document.fonts.ready);
        // The whole page: the viewport made as tall as the document for the shot, then put back
        // (Chromium's own full-page capture can repeat the viewport's pixels down the image once
        // a page has been switched between configurations). caret 'initial': hiding the caret
        // injects a <style>, which a strict CSP reports.
        const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
        await page.setViewportSize({ width: cfg.width, height: Math.max(cfg.height, height) });
        const file = path.join(SHOT_DIR, `${slugFor(p.rel === '404.html' ? '/404/' : p.path)}-${cfg.width}-${cfg.colorScheme}.png`);
        await page.screenshot({ path: file, caret: 'initial' });
        await page.setViewportSize({ width: cfg.width, height: cfg.height });
      }
      // Reflow and charts at this width, and once, in 375-light, at 320 px.
      for (const width of cfg.name === '375-light' ? [cfg.width, 320] : [cfg.width]) {
        if (width !== cfg.width) await page.setViewportSize({ width, height: cfg.height });
        const o = await page.evaluate(measureOverflow);
        if (o) {
          error('reflow', `at ${width} px the page scrolls sideways: ${o.scroll} px of content in ${o.client} px` +
            (o.widest ? `; widest: ${o.widest.what}, to ${o.widest.right} px` : ''));
        }
        for (const m of await page.evaluate(measureCharts)) error('chart', `at ${width} px, ${m}`);
        if (width !== cfg.width) await page.setViewportSize({ width: cfg.width, height: cfg.height });
      }
      // In the dark scheme only colours change (the test "the dark scheme changes colours
      // only" holds the stylesheet to it): there, axe-core's colour rules alone.
      const builder = new AxeBuilder({ page, axeSource: ';' }).setLegacyMode()
        // preload false: no XHR re-fetch of the stylesheets, which would count as the page's requests.
        .options({ resultTypes: ['violations'], preload: false });
      // On a page checked in this configuration alone, all but the colour rules (sample.mjs).
      const colour = () => page.evaluate((tags) => axe.getRules(['cat.color']).filter((r) => r.tags.some((t) => tags.includes(t))).map((r) => r.ruleId), AXE_TAGS);
      if (cfg.colorScheme === 'dark') builder.withRules(await colour());
      else if (configs.length === 1) builder.withTags(AXE_TAGS).disableRules(await colour());
      else builder.withTags(AXE_TAGS);
      const axe = await builder.analyze();
      for (const v of axe.violations) {
        violations.push({
          config: cfg.name, rule: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' -> ')),
        });
      }
    }
    // Late events of this load (CSP reports, console) arrive before it is judged.
    await page.waitForTimeout(20);

    // Failed same-origin requests, one message per address: the network's events say more than
    // the console, which alone reports some (e.g. /favicon.ico).
    const failed = new Map();
    const isThisPage404 = (u) => p.status === 404 && new URL(u).pathname === p.url;
    for (const r of watch.responses) {
      const u = r.url();
      if (!sameOrigin(u) || r.status() < 400 || stale(r.request())) continue;
      if (p.status === 404 && r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()) continue;
      failed.set(u, { config: watch.labels.get(r), text: `HTTP ${r.status()} for ${r.request().resourceType()} ${u}` });
    }
    const blocked = [];
    for (const r of watch.failures) {
      const u = r.url();
      const why = (r.failure() && r.failure().errorText) || 'failed';
      if (!sameOrigin(u) || stale(r)) continue; // another origin: reported from its request
      if (/ERR_BLOCKED_BY_CSP/.test(why)) { blocked.push({ label: watch.labels.get(r), text: `request blocked (${why}): ${u}` }); continue; }
      // Cancelled by the browser (a fetch cut short by a navigation, a response refused by
      // nosniff, which the console reports): not a server failure by itself.
      if (/ERR_ABORTED/.test(why)) continue;
      failed.set(u, { config: watch.labels.get(r), text: `request failed (${why}): ${r.resourceType()} ${u}` });
    }
    for (const m of watch.console) {
      if (isCspMessage(m.text) || m.type !== 'error') continue;
      const f = failedLoad(m.text);
      if (!f) { errors.push({ config: m.label, kind: 'console', text: `${m.text}${m.url ? ` (${m.url}:${m.line})` : ''}` }); continue; }
      if (!m.url || !sameOrigin(m.url) || failed.has(m.url)) continue;
      if (f.net && /ERR_ABORTED|ERR_BLOCKED_BY_CSP/.test(f.net)) continue;
      if (isThisPage404(m.url)) continue;
      failed.set(m.url, { config: m.label, text: f.status ? `HTTP ${f.status} for ${m.url}` : `request failed (net::${f.net}): ${m.url}` });
    }
    for (const f of failed.values()) errors.push({ config: f.config, kind: 'http', text: f.text });
    for (const r of watch.requests) {
      const u = r.url();
      if (/^(data|blob|about|chrome|chrome-extension):/.test(u) || sameOrigin(u) || stale(r)) continue;
      errors.push({ config: watch.labels.get(r), kind: 'other-origin', text: `request to another origin: ${r.method()} ${u}` });
    }
    for (const e of watch.exceptions) errors.push({ config: e.label, kind: 'exception', text: e.text });
    const csp = watch.csp.length ? cspViolations(watch) : [...cspViolations(watch), ...blocked];
    // The same message twice in one load (the preload scanner and the parser) is one problem.
    const unique = [...new Map(errors.map((e) => [`${e.config}\0${e.kind}\0${e.text}`, e])).values()];

    expect.soft(violations, 'axe-core violations').toEqual([]);
    expect.soft(csp, 'CSP violations').toEqual([]);
    expect(unique, 'errors').toEqual([]);
  });
}
