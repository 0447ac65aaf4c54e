#!/usr/bin/env node
// Browser checks of a built site with headless Chromium (playwright-core) and axe-core.
//
// usage: node tools/browser.mjs --dir DIR [--shots OUTDIR] [--shot /path/ ...] [--netlify netlify.toml]
//                               [--report FILE] [--timeout MS] [--concurrency N] [--fresh-loads]
//
// --netlify: serve the pages with the headers this netlify.toml gives them, by Netlify's own
// engine (see serve.mjs); without it, with none.
//
// Every .html file under DIR is checked in 4 configurations: light/dark colour scheme x 375/1280 px
// wide (800 px high). DIR/404.html is loaded at a path that does not exist (it must answer 404).
// Reported: axe-core violations (WCAG 2.0/2.1 A+AA, 2.2 AA), CSP violations, console errors,
// uncaught exceptions, failed same-origin requests, any request to another origin, a page
// that scrolls sideways (reflow, WCAG 1.4.10), and a chart (svg.chart, when rendered) that
// leaves the viewport, scrolls sideways in its box, draws a shape or text outside its box or
// a text under 10 px tall: in each configuration and at 320 px.
//
// Speed: by default each page is loaded once (in 375-light) and then switched in place to the
// other 3 configurations (viewport size and prefers-color-scheme emulation, running CSS
// animations/transitions finished before each check); axe-core runs in each. That is ~40% less
// work than 4 loads. --fresh-loads loads every page anew in each configuration instead, in one
// browser context per configuration (slower, for pages whose scripts read the viewport or
// colour scheme only once at load).
//
// Exit code: 0 when there is no problem, 1 when there is any, 2 on a usage or set-up error.
// BROWSER_DEBUG=1 prints the time of each step on stderr.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer, listPages, CHROMIUM_PATH, CHROMIUM_ARGS, commandLine } from './serve.mjs';

const require = createRequire(import.meta.url);



// Order matters for the default mode: each step changes one thing only.
const CONFIGS = [
  { name: '375-light', width: 375, height: 800, colorScheme: 'light' },
  { name: '375-dark', width: 375, height: 800, colorScheme: 'dark' },
  { name: '1280-dark', width: 1280, height: 800, colorScheme: 'dark' },
  { name: '1280-light', width: 1280, height: 800, colorScheme: 'light' },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NOT_FOUND_PATH = '/404-check/this-page-does-not-exist/';

const { opts, usage } = commandLine('browser.mjs', 'node tools/browser.mjs --dir DIR [--shots OUTDIR] [--shot /path/ ...] [--netlify netlify.toml]\n' +
  '                             [--report FILE] [--timeout MS] [--concurrency N] [--fresh-loads]', {
  dir: { type: 'string' },
  shots: { type: 'string', default: 'test-output/screenshots' },
  shot: { type: 'string', multiple: true },
  netlify: { type: 'string' },
  report: { type: 'string', default: 'test-output/browser-report.json' },
  timeout: { type: 'string', default: '30000' },
  concurrency: { type: 'string', default: '2' },
  'fresh-loads': { type: 'boolean', default: false },
});
if (!opts.dir) usage('--dir is required');
const TIMEOUT = Number(opts.timeout);
const CONCURRENCY = Math.max(1, Math.floor(Number(opts.concurrency)) || 0);
if (!(TIMEOUT > 0)) usage('--timeout must be a number of milliseconds');
if (!(CONCURRENCY >= 1)) usage('--concurrency must be a positive number');
const FRESH = opts['fresh-loads'];
const shotPaths = (opts.shot && opts.shot.length ? opts.shot : ['/']).map((p) => (p.startsWith('/') ? p : '/' + p));
const DEBUG = !!process.env.BROWSER_DEBUG;

function slugFor(p) {
  if (p === '/') return 'home';
  let s = p;
  try { s = decodeURI(p); } catch { /* keep as is */ }
  return s.replace(/\.html$/, '').replace(/^\/+|\/+$/g, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'home';
}

// CPU seconds used by this process and all its descendants (Linux /proc; null elsewhere).
// Chromium's renderers are not reaped by node, so process.resourceUsage() would miss them.
function treeCpuSeconds() {
  try {
    const hz = 100; // USER_HZ on Linux
    const children = new Map();
    const cpu = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        const ppid = Number(f[1]);
        if (!children.has(ppid)) children.set(ppid, []);
        children.get(ppid).push(Number(d));
        cpu.set(Number(d), (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / hz);
      } catch { /* process gone */ }
    }
    let total = 0;
    const todo = [...(children.get(process.pid) || [])];
    while (todo.length) {
      const pid = todo.pop();
      total += cpu.get(pid) || 0;
      todo.push(...(children.get(pid) || []));
    }
    const u = process.resourceUsage();
    return total + (u.userCPUTime + u.systemCPUTime) / 1e6;
  } catch {
    return null;
  }
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(t));
}

// Runs in the page before any of its scripts: report CSP violations to node.
const INIT_SCRIPT = `(() => {
  window.addEventListener('securitypolicyviolation', (e) => {
    try {
      window.__reportCsp && window.__reportCsp({
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI, sourceFile: e.sourceFile, line: e.lineNumber,
        column: e.columnNumber, disposition: e.disposition, sample: e.sample,
      });
    } catch (_) {}
  }, true);
})();`;

// In the page: finish CSS animations/transitions (e.g. a colour transition started by the
// switch to dark mode) so that axe and the screenshots see the final state.
const settle = () => {
  for (const a of document.getAnimations()) {
    try { a.finish(); } catch (_) { /* infinite animation: leave it */ }
  }
  return true;
};

// In the page: run axe-core (loaded by the init script).
const runAxe = (tags) => {
  if (typeof window.axe !== 'object' || typeof window.axe.run !== 'function') return null;
  return window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
    preload: false, // no XHR re-fetch of the stylesheets: it would show up as the page's own requests
  }).then((r) => r.violations.map((v) => ({
    rule: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' -> ')),
  })));
};

async function main() {
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a directory: ${opts.dir}`);
  if (!fs.existsSync(CHROMIUM_PATH)) usage(`${CHROMIUM_PATH} not found: run tools/deps.sh`);
  const axeSource = await fsp.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  const files = await listPages(dir);
  if (files.length === 0) usage(`no .html file under ${opts.dir}`);
  // The 404 page is checked where a visitor sees it: at a path that does not exist.
  const pages = files.map((f) => (f.rel === '404.html'
    ? { path: f.path, url: NOT_FOUND_PATH, expectStatus: 404 }
    : { path: f.path, url: f.path, expectStatus: 200 }));

  const unknownShots = shotPaths.filter((s) => !pages.some((p) => p.path === s || p.url === s));
  if (unknownShots.length) usage(`--shot: no such page under ${opts.dir}: ${unknownShots.join(', ')}`);
  const shotSet = new Set(shotPaths);
  await fsp.mkdir(opts.shots, { recursive: true });

  const srv = await startServer({ dir, netlifyToml: opts.netlify });
  const origin = srv.origin;
  const started = Date.now();

  const violations = []; // {page, config, rule, impact, help, helpUrl, targets}
  const csp = [];        // {page, config, text}
  const errors = [];     // {page, config, kind, text}
  const shotsWritten = [];

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });

  // --fresh-loads: one context per configuration. Default: one context, switched in place.
  const contexts = [];
  for (const cfg of FRESH ? CONFIGS : [CONFIGS[0]]) {
    const context = await browser.newContext({
      viewport: { width: cfg.width, height: cfg.height },
      colorScheme: cfg.colorScheme,
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(TIMEOUT);
    context.setDefaultNavigationTimeout(TIMEOUT);
    // axe-core comes with the init script: compiled in the page, not sent over for each page.
    await context.addInitScript({ content: INIT_SCRIPT + '\n' + axeSource });
    await context.exposeBinding('__reportCsp', (source, v) => {
      const job = source.page && source.page.__job;
      if (!job) return;
      job.cspEvents.push({
        config: job.config.name,
        text: `${v.disposition === 'report' ? '[report-only] ' : ''}${v.directive} blocked ${v.blockedURI || '(inline)'}` +
          `${v.sourceFile ? ` at ${v.sourceFile}:${v.line}:${v.column}` : ''}${v.sample ? ` sample: ${JSON.stringify(v.sample)}` : ''}`,
      });
    });
    contexts.push({ cfg, context });
  }

  const tlog = (job, what, t0) => {
    if (DEBUG) console.error(`[debug] ${job.config.name} ${job.page.url} ${what} ${Date.now() - t0} ms`);
  };

  function sameOrigin(u) {
    try { return new URL(u).origin === origin; } catch { return false; }
  }

  // A request started before the current job began belongs to the previous document of this tab.
  function stale(job, req) {
    const t = req.timing().startTime;
    return t > 0 && t < job.startedAt - 5;
  }

  const addError = (job, kind, text) => job.errors.push({ config: job.config.name, kind, text });
  const addFailed = (job, u, text, override) => {
    if (override || !job.failedUrls.has(u)) job.failedUrls.set(u, { config: job.config.name, text });
  };

  async function newPage(ctx) {
    const page = await ctx.context.newPage();
    page.__job = null;
    page.__cfg = ctx.cfg;
    page.on('console', (msg) => {
      const job = page.__job;
      if (!job) return;
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) { job.cspConsole.push({ config: job.config.name, text }); return; }
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      // "Failed to load resource": the network events below report these with more detail, but
      // some requests (e.g. /favicon.ico) only show up here.
      const failed = /^Failed to load resource: (?:the server responded with a status of (\d+)|net::(\S+))/.exec(text);
      if (failed) {
        const u = loc && loc.url;
        if (!u || !sameOrigin(u)) return; // other origins are reported from the 'request' event
        if (failed[2] && /ERR_ABORTED|ERR_BLOCKED_BY_CSP/.test(failed[2])) return;
        if (job.expectStatus === 404 && new URL(u).pathname === job.page.url) return;
        addFailed(job, u, failed[1] ? `HTTP ${failed[1]} for ${u}` : `request failed (net::${failed[2]}): ${u}`, false);
        return;
      }
      addError(job, 'console', `${text}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    });
    page.on('pageerror', (err) => {
      const job = page.__job;
      if (job) addError(job, 'exception', String((err && err.stack) || err));
    });
    page.on('request', (req) => {
      const job = page.__job;
      if (!job) return;
      const u = req.url();
      if (/^(data|blob|about|chrome|chrome-extension):/.test(u) || stale(job, req)) return;
      if (!sameOrigin(u)) addError(job, 'other-origin', `request to another origin: ${req.method()} ${u}`);
    });
    page.on('response', (resp) => {
      const job = page.__job;
      if (!job) return;
      const u = resp.url();
      if (!sameOrigin(u) || resp.status() < 400 || stale(job, resp.request())) return;
      if (job.expectStatus === 404 && resp.request().isNavigationRequest() && resp.request().frame() === page.mainFrame()) return;
      addFailed(job, u, `HTTP ${resp.status()} for ${resp.request().resourceType()} ${u}`, true);
    });
    page.on('requestfailed', (req) => {
      const job = page.__job;
      if (!job) return;
      const u = req.url();
      const why = (req.failure() && req.failure().errorText) || 'failed';
      if (!sameOrigin(u) || stale(job, req)) return; // another origin: reported from the 'request' event
      if (/ERR_BLOCKED_BY_CSP/.test(why)) { job.cspConsole.push({ config: job.config.name, text: `request blocked (${why}): ${u}` }); return; }
      // Cancelled by the browser (e.g. a fetch cut short by the next navigation, or a response
      // refused by nosniff, which the console reports): not a server failure by itself.
      if (/ERR_ABORTED/.test(why)) return;
      addFailed(job, u, `request failed (${why}): ${req.resourceType()} ${u}`, true);
    });
    return page;
  }

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
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      [...el.classList].map((c) => '.' + c).join('');
    const few = (list) => list.slice(0, 4).join(', ') + (list.length > 4 ? ` and ${list.length - 4} more` : '');
    const out = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      if (svg.getClientRects().length === 0) continue;
      const r = svg.getBoundingClientRect();
      const issues = [];
      if (r.left < -1 || r.right > vw + 1) {
        issues.push(`its box spans ${Math.round(r.left)}–${Math.round(r.right)} px, beyond the ${vw} px viewport`);
      }
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
      if (issues.length) {
        out.push(`${name(svg)} ${JSON.stringify(svg.getAttribute('aria-label') || '')}, ${Math.round(r.width)} px wide: ${issues.join('; ')}`);
      }
    }
    return out;
  }

  // Switch a loaded page to another configuration (default mode).
  async function applyConfig(page, cfg) {
    const cur = page.__cfg;
    if (cur.width !== cfg.width || cur.height !== cfg.height) await page.setViewportSize({ width: cfg.width, height: cfg.height });
    if (cur.colorScheme !== cfg.colorScheme) await page.emulateMedia({ colorScheme: cfg.colorScheme });
    page.__cfg = cfg;
  }

  async function check(page, job, cfg) {
    let t0 = Date.now();
    await withTimeout(page.evaluate(settle), TIMEOUT, 'settle');
    if (shotSet.has(job.page.path) || shotSet.has(job.page.url)) {
      await withTimeout(page.evaluate(() => (document.fonts ? document.fonts.ready.then(() => true) : true)), TIMEOUT, 'fonts');
      const name = `${slugFor(job.page.path === '/404.html' ? '/404/' : job.page.path)}-${cfg.width}-${cfg.colorScheme}.png`;
      const file = path.join(opts.shots, name);
      // The whole page: the viewport is made as tall as the document for the shot, then put
      // back. (Chromium's own full-page capture can repeat the viewport's pixels down the image
      // once a page has been switched between configurations.)
      // caret 'initial': hiding the caret injects a <style>, which a strict CSP reports.
      const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
      await page.setViewportSize({ width: cfg.width, height: Math.max(cfg.height, height) });
      try {
        await page.screenshot({ path: file, timeout: TIMEOUT, caret: 'initial' });
      } finally {
        await page.setViewportSize({ width: cfg.width, height: cfg.height });
      }
      shotsWritten.push(file);
      tlog(job, 'screenshot', t0); t0 = Date.now();
    }
    // Reflow (WCAG 1.4.10): the page never scrolls sideways, in any configuration and at 320 px
    // wide (measured once per page, in 375-light); wide content such as a chart scrolls inside
    // its own box.
    const reflow = async (width) => {
      const o = await page.evaluate(measureOverflow);
      if (o) {
        addError(job, 'reflow', `at ${width} px the page scrolls sideways: ${o.scroll} px of content in ${o.client} px` +
          (o.widest ? `; widest: ${o.widest.what}, to ${o.widest.right} px` : ''));
      }
    };
    // Charts: each one rendered whole inside the viewport, legible, nothing of it hidden.
    const charts = async (width) => {
      for (const m of await page.evaluate(measureCharts)) addError(job, 'chart', `at ${width} px, ${m}`);
    };
    await reflow(cfg.width);
    await charts(cfg.width);
    if (cfg.name === '375-light') {
      await page.setViewportSize({ width: 320, height: cfg.height });
      try {
        await reflow(320);
        await charts(320);
      } finally {
        await page.setViewportSize({ width: cfg.width, height: cfg.height });
      }
    }
    let result = await withTimeout(page.evaluate(runAxe, AXE_TAGS), TIMEOUT, 'axe.run');
    if (result === null) { // the init script did not run here (should not happen): inject axe-core
      await page.evaluate(axeSource);
      result = await withTimeout(page.evaluate(runAxe, AXE_TAGS), TIMEOUT, 'axe.run');
    }
    if (!Array.isArray(result)) throw new Error('axe-core did not run');
    tlog(job, 'axe', t0);
    for (const v of result) violations.push({ page: job.page.path, config: cfg.name, ...v });
  }

  // One job = one page load, checked in job.configs (all 4 by default, 1 with --fresh-loads).
  async function runJob(worker, job) {
    const ctx = contexts[job.ci];
    let t0 = Date.now();
    let page = worker.pages[job.ci];
    if (!page || page.isClosed()) {
      job.config = job.configs[0];
      page = worker.pages[job.ci] = await newPage(ctx);
      tlog(job, 'new page', t0); t0 = Date.now();
    }
    job.config = job.configs[0];
    try {
      // Back to the configuration the page is loaded in (the previous page was left in the last one).
      await applyConfig(page, job.configs[0]);
      job.startedAt = Date.now();
      page.__job = job;
      const resp = await page.goto(origin + job.page.url, { waitUntil: 'load', timeout: TIMEOUT });
      tlog(job, 'load', t0);
      if (!resp) throw new Error('no response');
      if (resp.status() !== job.expectStatus) {
        addError(job, 'http', `page answered HTTP ${resp.status()}, expected ${job.expectStatus}`);
      }
      for (const cfg of job.configs) {
        t0 = Date.now();
        job.config = cfg;
        await applyConfig(page, cfg);
        if (cfg !== job.configs[0]) tlog(job, 'switch', t0);
        await check(page, job, cfg);
      }
    } catch (err) {
      addError(job, 'timeout/crash', String((err && err.message) || err).split('\n')[0]);
      // The page may be stuck: throw it away, the next job gets a fresh one.
      worker.pages[job.ci] = null;
      page.__job = null;
      await page.close().catch(() => {});
    }
    // Let late events of this load (CSP reports, console) arrive before closing the job.
    await new Promise((r) => setTimeout(r, 20));
    page.__job = null;
    for (const f of job.failedUrls.values()) job.errors.push({ config: f.config, kind: 'http', text: f.text });
    const seen = new Set();
    for (const e of job.errors) {
      const key = `${e.config}\0${e.kind}\0${e.text}`;
      if (seen.has(key)) continue; // the same message twice in one load (e.g. preload scanner + parser)
      seen.add(key);
      errors.push({ page: job.page.path, ...e });
    }
    // The securitypolicyviolation events are precise; the console messages are a fallback.
    for (const c of job.cspEvents.length ? job.cspEvents : job.cspConsole) csp.push({ page: job.page.path, ...c });
  }

  const jobs = [];
  const newJob = (ci, page, configs) => ({
    ci, page, configs, config: configs[0], expectStatus: page.expectStatus,
    errors: [], cspEvents: [], cspConsole: [], failedUrls: new Map(), startedAt: 0,
  });
  if (FRESH) CONFIGS.forEach((cfg, ci) => { for (const page of pages) jobs.push(newJob(ci, page, [cfg])); });
  else for (const page of pages) jobs.push(newJob(0, page, CONFIGS));

  let next = 0;
  const workers = Array.from({ length: CONCURRENCY }, () => ({ pages: [] }));
  await Promise.all(workers.map(async (w) => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await runJob(w, job);
    }
  }));

  const cpuSeconds = treeCpuSeconds();
  for (const c of contexts) await c.context.close().catch(() => {});
  await browser.close().catch(() => {});
  await srv.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  // ---- report ----
  const group = (items, keyFn) => {
    const m = new Map();
    for (const it of items) {
      const k = keyFn(it);
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(it);
    }
    return m;
  };
  const configsOf = (items) => {
    const counts = new Map();
    for (const i of items) counts.set(i.config, (counts.get(i.config) || 0) + 1);
    return [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ');
  };
  const lines = [];
  for (const [, items] of group(violations, (v) => `${v.page}\0${v.rule}`)) {
    const v = items[0];
    const targets = [...new Set(items.flatMap((i) => i.targets))];
    const shown = targets.slice(0, 8).join(' | ') + (targets.length > 8 ? ` | … ${targets.length - 8} more` : '');
    lines.push(`VIOLATION ${v.page} [${v.impact}] ${v.rule}: ${v.help} (${configsOf(items)})\n    targets: ${shown}\n    ${v.helpUrl}`);
  }
  for (const [, items] of group(csp, (c) => `${c.page}\0${c.text}`)) {
    lines.push(`CSP ${items[0].page}: ${items[0].text} (${configsOf(items)})`);
  }
  for (const [, items] of group(errors, (e) => `${e.page}\0${e.kind}\0${e.text}`)) {
    lines.push(`ERROR ${items[0].page} [${items[0].kind}] ${items[0].text} (${configsOf(items)})`);
  }
  if (lines.length) console.log(lines.join('\n'));
  if (violations.length) {
    const byRule = [...group(violations, (v) => v.rule)].map(([rule, items]) => `${rule} ×${new Set(items.map((i) => i.page)).size} pages`);
    console.log(`violations by rule: ${byRule.join(', ')}`);
  }
  for (const f of shotsWritten.sort()) console.log(`screenshot: ${f}`);

  if (opts.report) {
    await fsp.mkdir(path.dirname(path.resolve(opts.report)), { recursive: true });
    await fsp.writeFile(opts.report, JSON.stringify({
      dir, mode: FRESH ? 'fresh-loads' : 'switch-in-place', pages: pages.map((p) => p.path),
      configurations: CONFIGS.map((c) => c.name), seconds: Number(seconds), cpuSeconds,
      violations, csp, errors, screenshots: shotsWritten,
    }, null, 2) + '\n');
  }
  console.log(`browser: ${jobs.length} page loads, ${pages.length * CONFIGS.length} checks in ${seconds} s` +
    `${cpuSeconds === null ? '' : `, ${cpuSeconds.toFixed(0)} s CPU`} (${FRESH ? 'fresh loads' : 'one load per page'}, concurrency ${CONCURRENCY})`);
  console.log(`browser: ${pages.length} pages × ${CONFIGS.length} configurations, ${violations.length} violations, ` +
    `${csp.length} CSP violations, ${errors.length} errors`);
  return violations.length || csp.length || errors.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`browser.mjs: ${(err && err.stack) || err}`);
  process.exit(2);
});
