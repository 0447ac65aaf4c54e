// What the browser checks share: the one Chromium, the site served with Netlify's headers, the
// page walker, and the watcher that records what a page does (CSP violations, console messages,
// exceptions, requests) for each check to judge by its own rules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { startServer, CHROMIUM_PATH, CHROMIUM_ARGS } from '../serve.mjs';

export { expect };
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS = path.join(ROOT, 'tools');
export const SITE = path.resolve(ROOT, process.env.SITE_DIR || 'test-output/public');
export const NETLIFY = path.resolve(ROOT, process.env.NETLIFY_TOML || 'netlify.toml');

// pages lists the HTML files of the built site as the paths a visitor asks for: index.html as
// "/", a/index.html as "/a/", b.html as "/b.html"; sorted. Every page there is, whatever the
// site gains: no list is kept by hand.
export function pages(dir = SITE) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html: no such file (make site-test builds the site)`);
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.html')) {
        const rel = path.relative(dir, p).split(path.sep).join('/');
        const urlPath = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
        out.push({ rel, path: encodeURI(urlPath) });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// Runs in every frame before its scripts: each securitypolicyviolation event goes to node.
const CSP_LISTENER = `window.addEventListener('securitypolicyviolation', (e) => {
  try {
    window.__reportCsp({
      directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile,
      line: e.lineNumber, column: e.columnNumber, disposition: e.disposition, sample: e.sample,
    });
  } catch (_) {}
}, true);`;

// A console message about Content Security Policy (Chromium's wording varies).
export const isCspMessage = (text) => /Content[- ]Security[- ]Policy/i.test(text);

// A console "Failed to load resource" message: {status} or {net} (net::ERR_…), else null.
export function failedLoad(text) {
  const m = /^Failed to load resource: (?:the server responded with a status of (\d+)|net::(\S+))/.exec(text);
  return m && { status: m[1] && Number(m[1]), net: m[2] };
}

// watch records everything the pages of context do, in order, each record tagged with the
// watcher's label at the time (a check sets it to the configuration it is in):
//   csp         securitypolicyviolation events: {frame (its URL), text, label}
//   console     {type, text, url, line, label}
//   exceptions  uncaught exceptions: {text (the stack), message, label}
//   requests    Playwright's Request of every request, with {label} in requestLabels
//   responses, failures  (Response, and Request with its failure()), likewise
// reset() forgets all of it.
export async function watch(context) {
  const w = {
    label: '', csp: [], console: [], exceptions: [], requests: [], responses: [], failures: [],
    labels: new WeakMap(),
    reset() { for (const k of ['csp', 'console', 'exceptions', 'requests', 'responses', 'failures']) w[k] = []; },
  };
  await context.addInitScript({ content: CSP_LISTENER });
  await context.exposeBinding('__reportCsp', (source, v) => {
    w.csp.push({
      frame: source.frame ? source.frame.url() : '',
      label: w.label,
      text: `${v.disposition === 'report' ? '[report-only] ' : ''}${v.directive} blocked ${v.blockedURI || '(inline)'}` +
        `${v.sourceFile ? ` at ${v.sourceFile}:${v.line}:${v.column}` : ''}${v.sample ? ` sample: ${JSON.stringify(v.sample)}` : ''}`,
    });
  });
  const follow = (page) => {
    page.on('console', (msg) => {
      const loc = msg.location() || {};
      w.console.push({ type: msg.type(), text: msg.text(), url: loc.url || '', line: loc.lineNumber, label: w.label });
    });
    page.on('pageerror', (err) => w.exceptions.push({ text: String((err && err.stack) || err), message: String((err && err.message) || err), label: w.label }));
    const tag = (x) => { w.labels.set(x, w.label); return x; };
    page.on('request', (req) => w.requests.push(tag(req)));
    page.on('response', (resp) => w.responses.push(tag(resp)));
    page.on('requestfailed', (req) => w.failures.push(tag(req)));
  };
  context.pages().forEach(follow);
  context.on('page', follow);
  return w;
}

// The CSP violations a watcher saw: the securitypolicyviolation events, which are precise, or,
// when there is none, the console's messages about CSP, a fallback.
export function cspViolations(w, keep = () => true) {
  const events = w.csp.filter(keep);
  if (events.length) return events.map((e) => ({ label: e.label, text: e.text }));
  return w.console.filter((m) => isCspMessage(m.text) && keep(m)).map((m) => ({ label: m.label, text: m.text.trim() }));
}

export const test = base.extend({
  // The run's one Chromium (checks/chromium.mjs); a Chromium of the worker's own when a spec is
  // run without the global set-up.
  browser: [async ({ playwright }, use) => {
    const ws = process.env.CHECKS_BROWSER;
    const browser = ws
      ? await playwright.chromium.connect(ws)
      : await playwright.chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    await use(browser);
    await browser.close();
  }, { scope: 'worker' }],

  // The built site on 127.0.0.1 (an ephemeral port), each response with the headers Netlify's
  // own engine gives its path from NETLIFY_TOML.
  site: [async ({}, use) => {
    const srv = await startServer({ dir: SITE, netlifyToml: NETLIFY });
    await use(srv);
    await srv.close();
  }, { scope: 'worker' }],

  // What the test's browser context does, recorded from before its first page.
  watch: async ({ context }, use) => {
    await use(await watch(context));
  },
});
