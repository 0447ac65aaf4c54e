#!/usr/bin/env node
// The timeline to embed, framed by another site, in headless Chromium (playwright-core).
//
// usage: node tools/embed.mjs --dir DIR [--netlify netlify.toml] [--event /evenements/x/] [--timeout MS]
//   --dir      the built site (make site-test: test-output/public)
//   --netlify  the headers to serve it with, by Netlify's own engine (default: the repository's)
//   --event    the event page to try to frame (default: the first under DIR/evenements/)
//
// The site is served with its headers on one origin (127.0.0.1, port A), and a host page on
// another (127.0.0.1, port B: another port is another origin) frames A/embed/?pays=fr,
// A/en/embed/, A/ and the event page, with the resizing script of the embed code the site
// offers (its textarea#embed-snippet, the site's origin replaced by A; when it has none, the
// smallest one, which finds the frame by the message's source).
// At 1280 then 375 px wide it checks that:
//   - each embed frame shows the timeline: the list of events, and for ?pays=fr only the French
//     ones (those with data-country=fr, and all of them); no CSP violation in it (a
//     securitypolicyviolation listener in every frame, and console messages about Content
//     Security Policy), no console error or uncaught exception;
//   - each embed frame ends as tall (±2 px) as its document's scrollHeight, which it posts to
//     the host as {timelineHeight: N};
//   - the home and event pages are refused: Chromium says so on the console once for each
//     (Framing 'http://127.0.0.1:A/' violates the following Content Security Policy directive:
//     "frame-ancestors 'none'"…; "Refused to frame …" in older versions), and the frame does not
//     show the page (Chromium's error page is there, chrome-error://…, or at least no <main>).
// Prints one line per problem and a summary. Exit code: 0 when there is no problem, 1 when
// there is any, 2 on a usage or set-up error.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_PATH, CHROMIUM_ARGS, commandLine } from './serve.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const WIDTHS = [1280, 375];

const { opts, usage } = commandLine('embed.mjs', 'node tools/embed.mjs --dir DIR [--netlify netlify.toml] [--event /evenements/x/] [--timeout MS]', {
  dir: { type: 'string' },
  netlify: { type: 'string', default: path.relative(process.cwd(), path.join(ROOT, 'netlify.toml')) },
  event: { type: 'string' },
  timeout: { type: 'string', default: '30000' },
});
if (!opts.dir) usage('--dir is required');
const dir = path.resolve(opts.dir);
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a directory: ${opts.dir}`);
if (!fs.existsSync(CHROMIUM_PATH)) usage(`${CHROMIUM_PATH} not found: run tools/deps.sh`);
const TIMEOUT = Number(opts.timeout);
if (!(TIMEOUT > 0)) usage('--timeout must be a number of milliseconds');
let eventPage = opts.event;
if (!eventPage) {
  const events = path.join(dir, 'evenements');
  const first = fs.existsSync(events) && fs.readdirSync(events).sort().find((d) => fs.existsSync(path.join(events, d, 'index.html')));
  if (!first) usage(`no event page under ${events}: give --event`);
  eventPage = `/evenements/${first}/`;
}

// The frames of the host page: id, path on A, and whether it is the timeline to embed.
const FRAMES = [
  { id: 'embed-fr', path: '/embed/?pays=fr', embed: true, country: 'fr' },
  { id: 'embed-en', path: '/en/embed/', embed: true },
  { id: 'home', path: '/', embed: false },
  { id: 'event', path: eventPage, embed: false },
];

// The resizing script of the embed code the site offers (the <textarea id=embed-snippet> of its
// home page), its origin replaced by a; the smallest such script when the code has none.
function resizeScript(a) {
  const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const m = /<textarea[^>]*\bid="?embed-snippet\b[^>]*>([^]*?)<\/textarea>/.exec(page);
  const code = m ? unescapeHtml(m[1]) : '';
  const script = /<script>([^]*?)<\/script>/.exec(code);
  const src = /<iframe[^>]*\bsrc="([^"]+)"/.exec(code);
  if (script && src) return { from: 'the embed code of /', text: script[1].split(new URL(src[1]).origin).join(a) };
  return {
    from: 'the smallest one (the embed code of / has none)',
    text: `addEventListener('message', (e) => {
  if (e.origin !== ${JSON.stringify(a)} || !e.data || !e.data.timelineHeight) return;
  for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.timelineHeight + 'px';
});`,
  };
}

function unescapeHtml(s) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) => (e[0] === '#'
    ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
    : named[e.toLowerCase()] ?? all));
}

// The other site's page: the four frames (as the embed code writes them, but loaded at once
// rather than lazily) and the resizing script.
function hostPage(a, script) {
  const frames = FRAMES.map((f) => `<iframe id="${f.id}" src="${a}${f.path}" title="${f.id}" width="100%" height="600" style="border:0"></iframe>`);
  return `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Another site that embeds the timeline</title><link rel="icon" href="data:,">
<body style="margin:0">
${frames.join('\n')}
<script>${script}</script>
</body></html>
`;
}

// Runs in every frame before its scripts: report CSP violations to node.
const INIT_SCRIPT = `window.addEventListener('securitypolicyviolation', (e) => {
  try { window.__reportCsp(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '')); } catch (_) {}
}, true);`;

// In an embed frame: what its timeline shows.
const readTimeline = () => {
  const list = document.querySelector('.embed-list');
  if (!list) return null;
  const items = [...list.querySelectorAll('li')];
  const shown = items.filter((li) => !li.hidden && li.getClientRects().length > 0);
  return {
    total: items.length,
    shown: shown.length,
    countries: items.map((li) => li.dataset.country),
    shownCountries: shown.map((li) => li.dataset.country),
    status: (document.getElementById('filter-status') || {}).textContent || '',
  };
};

async function main() {
  const site = await startServer({ dir, netlifyToml: opts.netlify });
  const A = site.origin;
  const script = resizeScript(A);
  const html = hostPage(A, script.text);
  const host = http.createServer((req, res) => {
    if (req.url !== '/') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise((resolve, reject) => { host.once('error', reject); host.listen(0, '127.0.0.1', resolve); });
  const B = `http://127.0.0.1:${host.address().port}`;

  const problems = [];   // {where, kind, text}
  const csp = [];        // {where, text}: securitypolicyviolation events in an embed frame
  const cspConsole = []; // {where, text}: console messages about CSP, a fallback for the events
  const refusals = [];   // console texts "Framing '…' violates …" / "Refused to frame …"
  const refusedEmbeds = []; // {where, text}: refusals beyond those of the pages that must be refused
  const where = (u) => {
    if (!u || !u.startsWith(A)) return u && u.startsWith(B) ? 'host page' : u || '?';
    const f = FRAMES.find((x) => u === A + x.path);
    return f ? f.path : u.slice(A.length);
  };
  const isEmbedUrl = (u) => FRAMES.some((f) => f.embed && u === A + f.path);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const started = Date.now();
  try {
    const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 800 }, serviceWorkers: 'block' });
    context.setDefaultTimeout(TIMEOUT);
    await context.addInitScript({ content: INIT_SCRIPT });
    await context.exposeBinding('__reportCsp', (source, text) => {
      const u = source.frame ? source.frame.url() : '';
      if (isEmbedUrl(u)) csp.push({ where: where(u), text });
      else if (!u.startsWith('chrome-error:')) problems.push({ where: where(u), kind: 'csp', text });
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      const u = msg.location() && msg.location().url;
      if (/^(Refused to frame|Framing) '/.test(text)) { refusals.push(text.trim()); return; }
      if (/Content[- ]Security[- ]Policy/i.test(text)) { cspConsole.push({ where: where(u), text: text.trim() }); return; }
      if (msg.type() === 'error') problems.push({ where: where(u), kind: 'console', text });
    });
    page.on('pageerror', (err) => problems.push({ where: 'a frame', kind: 'exception', text: String((err && err.message) || err) }));

    const resp = await page.goto(B + '/', { waitUntil: 'load', timeout: TIMEOUT });
    if (!resp || resp.status() !== 200) throw new Error(`host page: HTTP ${resp && resp.status()}`);

    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 800 });
      for (const f of FRAMES) {
        const el = await page.$(`#${f.id}`);
        const frame = el && (await el.contentFrame());
        const at = `${f.path} at ${width} px`;
        if (!frame) { problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: no frame` }); continue; }
        if (!f.embed) {
          // Refused: Chromium puts its error page in the frame; if the page's URL is there, its
          // document must not hold the page.
          const u = frame.url();
          const shown = u === A + f.path && (await frame.evaluate(() => !!document.querySelector('main')).catch(() => false));
          if (shown) problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: the page shows in a frame of another origin (${B})` });
          continue;
        }
        if (frame.url() !== A + f.path) {
          problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: the frame holds ${frame.url()}, not the timeline` });
          continue;
        }
        const t = await frame.evaluate(readTimeline).catch((e) => ({ error: e.message.split('\n')[0] }));
        if (!t || t.error) {
          problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: no list of events in the frame${t && t.error ? ` (${t.error})` : ''}` });
          continue;
        }
        if (t.total === 0 || t.shown === 0) problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: ${t.shown} of ${t.total} events shown` });
        if (f.country) {
          const want = t.countries.filter((c) => c === f.country).length;
          const other = [...new Set(t.shownCountries.filter((c) => c !== f.country))];
          if (other.length) problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: events of ${other.join(', ')} shown, only ${f.country} expected` });
          if (t.shown - t.shownCountries.filter((c) => c !== f.country).length !== want) {
            problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: ${t.shownCountries.filter((c) => c === f.country).length} of the ${want} events of ${f.country} shown` });
          }
        } else if (t.shown !== t.total) {
          problems.push({ where: f.path, kind: 'embed', text: `at ${width} px: ${t.shown} of ${t.total} events shown, without a filter` });
        }
        // The host script sets the frame's height from the frame's messages: wait until the two agree.
        let h = null;
        const until = Date.now() + 5000;
        for (;;) {
          h = { frame: await el.evaluate((e) => e.getBoundingClientRect().height), doc: await frame.evaluate(() => document.documentElement.scrollHeight) };
          if (Math.abs(h.frame - h.doc) <= 2 || Date.now() > until) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        if (Math.abs(h.frame - h.doc) > 2) {
          problems.push({ where: f.path, kind: 'resize', text: `at ${width} px: the frame is ${Math.round(h.frame)} px tall, its document ${h.doc} px` });
        }
        if (process.env.EMBED_DEBUG) console.error(`[debug] ${at}: ${t.shown}/${t.total} events, status ${JSON.stringify(t.status)}, frame ${h.frame} px, document ${h.doc} px`);
      }
    }
    // Let late console messages arrive, then match Chromium's refusals with the refused frames.
    // It names the origin only ("Framing 'http://127.0.0.1:A/' violates … frame-ancestors 'none'"),
    // once per frame and load: as many as there are pages refused, no more.
    await new Promise((r) => setTimeout(r, 100));
    const refused = FRAMES.filter((f) => !f.embed);
    const byNone = refusals.filter((t) => t.includes(`'${A}/`) && t.includes("frame-ancestors 'none'"));
    if (byNone.length < refused.length) {
      problems.push({ where: refused.map((f) => f.path).join(' and '), kind: 'embed', text: `framed by ${B}: ${byNone.length} of ${refused.length} ` +
        `"… violates … frame-ancestors 'none'" refusals from Chromium${refusals.length ? ` (it said: ${refusals.join(' | ')})` : ''}` });
    }
    for (const t of refusals.filter((x) => !byNone.includes(x)).concat(byNone.slice(refused.length))) {
      refusedEmbeds.push({ where: FRAMES.filter((f) => f.embed).map((f) => f.path).join(' or '), text: t });
    }
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await site.close();
    await new Promise((r) => { host.close(() => r()); host.closeAllConnections?.(); });
  }

  const lines = [...new Set([
    ...[...refusedEmbeds, ...(csp.length ? csp : cspConsole)].map((c) => `CSP ${c.where}: ${c.text}`),
    ...problems.map((p) => `ERROR ${p.where} [${p.kind}] ${p.text}`),
  ])];
  if (lines.length) console.log(lines.join('\n'));
  const nCsp = lines.filter((l) => l.startsWith('CSP ')).length;
  console.log(`embed: ${FRAMES.filter((f) => f.embed).length} embed frames and ${FRAMES.filter((f) => !f.embed).length} refused frames ` +
    `at ${WIDTHS.join(' and ')} px in ${((Date.now() - started) / 1000).toFixed(1)} s (resizing script: ${script.from}), ` +
    `${nCsp} CSP violations, ${lines.length - nCsp} errors`);
  return lines.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`embed.mjs: ${(err && err.stack) || err}`);
  process.exit(2);
});
