#!/usr/bin/env node
// What a reader of an event page meets first, and the citation's copy buttons, in headless
// Chromium (playwright-core).
//
// usage: node tools/reading.mjs --dir DIR [--netlify netlify.toml] [--page /evenements/x/ ...]
//   --dir      the built site (make site-test: test-output/public)
//   --netlify  the headers to serve it with, by Netlify's own engine (default: the repository's)
//   --page     an event page to check (repeatable; default: the pages with the most caveats in
//              each language, found in DIR)
//
// On a 390 × 844 screen (a phone), on each event page:
//   - the lede comes first, then the key facts (date, authority, amount, status, reliability),
//     then the caveats: the decision date and the amount (when there is one) are on the first
//     screen, and the reliability too comes before the first caveat;
//   - every caveat shows without a click (none is inside a closed <details>, none hidden).
// Then its citation: the text names the page's title and permalink, the BibTeX entry its URL;
// each copy button puts exactly its text on the clipboard.
// Prints one line per problem and a summary. Exit code: 0 when there is no problem, 1 when there
// is any, 2 on a usage or set-up error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_PATH, CHROMIUM_ARGS, commandLine } from './serve.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PHONE = { width: 390, height: 844 };

const { opts, usage } = commandLine('reading.mjs', 'node tools/reading.mjs --dir DIR [--netlify netlify.toml] [--page /evenements/x/ ...]', {
  dir: { type: 'string' },
  netlify: { type: 'string', default: path.relative(process.cwd(), path.join(ROOT, 'netlify.toml')) },
  page: { type: 'string', multiple: true },
});
if (!opts.dir) usage('--dir is required');
const dir = path.resolve(opts.dir);
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a directory: ${opts.dir}`);
if (!fs.existsSync(CHROMIUM_PATH)) usage(`${CHROMIUM_PATH} not found: run tools/deps.sh`);

// The event page with the most caveats under DIR/section, as a URL path.
function mostCaveats(section) {
  const base = path.join(dir, section);
  if (!fs.existsSync(base)) return null;
  let best = null;
  let most = -1;
  for (const d of fs.readdirSync(base).sort()) {
    const file = path.join(base, d, 'index.html');
    if (!fs.existsSync(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    const aside = /<aside class="?caveats[\s\S]*?<\/aside>/.exec(html);
    const n = aside ? (aside[0].match(/<li>/g) || []).length : 0;
    if (n > most) { most = n; best = `/${section}/${d}/`; }
  }
  return best;
}
const pages = opts.page && opts.page.length ? opts.page : [mostCaveats('evenements'), mostCaveats('en/events')].filter(Boolean);
if (pages.length === 0) usage(`no event page under ${dir}: give --page`);

// In the page: where the key facts and the caveats are, and what a reader sees of them.
function measure() {
  const top = (el) => (el ? el.getBoundingClientRect().top + window.scrollY : null);
  const shown = (el) => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const lede = document.querySelector('.lede');
  const facts = document.querySelector('dl.facts');
  const date = facts && facts.querySelector('time');
  const amount = facts && facts.querySelector('.amount');
  const status = facts && [...facts.querySelectorAll('div')].find((d) => d.querySelector('.conf')) ;
  const caveats = [...document.querySelectorAll('.caveats li')];
  return {
    lede: top(lede), facts: top(facts), date: date && top(date) + date.getBoundingClientRect().height,
    amount: amount && top(amount) + amount.getBoundingClientRect().height,
    reliability: status && top(status) + status.getBoundingClientRect().height,
    firstCaveat: caveats.length ? top(caveats[0]) : null,
    hidden: caveats.filter((li) => !shown(li) || li.closest('details:not([open])')).map((li) => li.textContent.slice(0, 60)),
    count: caveats.length,
  };
}

// In the page: the citation's parts, for the checks.
function citation() {
  const sec = document.querySelector('#cite');
  if (!sec) return null;
  const text = sec.querySelector('.citation');
  const bib = sec.querySelector('.bibtex');
  return {
    title: document.querySelector('h1') && document.querySelector('h1').textContent.trim(),
    canonical: document.querySelector('link[rel=canonical]') && document.querySelector('link[rel=canonical]').href,
    text: text && text.textContent.replace(/\s*(Copier|Copié|Copy|Copied)$/, '').trim(),
    bib: bib && bib.querySelector('code') && bib.querySelector('code').textContent,
    buttons: sec.querySelectorAll('button.copy').length,
  };
}

async function main() {
  const problems = [];
  const srv = await startServer({ dir, netlifyToml: opts.netlify });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const p of pages) {
      const say = (msg) => problems.push(`READING ${p}: ${msg}`);
      const resp = await page.goto(srv.origin + p, { waitUntil: 'load' });
      if (!resp || resp.status() !== 200) { say(`HTTP ${resp && resp.status()}`); continue; }
      const m = await page.evaluate(measure);
      if (m.lede === null || m.facts === null || m.date === null || m.reliability === null) {
        say('no lede, key facts, date or reliability');
        continue;
      }
      if (!(m.lede < m.facts)) say('the key facts come before the lede');
      for (const [what, bottom, first] of [['the decision date', m.date, true], ['the amount', m.amount, true], ['the reliability', m.reliability, false]]) {
        if (bottom === null || bottom === undefined) continue;
        if (first && bottom > PHONE.height) say(`${what} ends at ${Math.round(bottom)} px, below the first screen (${PHONE.height} px)`);
        if (m.firstCaveat !== null && bottom > m.firstCaveat) say(`${what} comes after the first caveat`);
      }
      if (m.count === 0) say('no caveat (give a page that has some with --page)');
      for (const h of m.hidden) say(`a caveat hidden until a click: "${h}…"`);

      const c = await page.evaluate(citation);
      if (!c || !c.text || !c.bib) { say('no citation, or no BibTeX entry'); continue; }
      if (!c.text.includes(c.canonical)) say(`the citation does not give the permalink ${c.canonical}: ${c.text}`);
      if (!c.text.includes(c.title.slice(0, 40))) say(`the citation does not name the title "${c.title}"`);
      if (!c.bib.includes(`\\url{${c.canonical}}`) || !/^@misc\{/.test(c.bib)) say(`the BibTeX entry lacks @misc or \\url{${c.canonical}}`);
      if (c.buttons < 2) { say(`${c.buttons} copy buttons in the citation, want 2`); continue; }
      for (const [i, want] of [[0, c.text], [1, c.bib]]) {
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await page.locator('#cite button.copy').nth(i).click();
        await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== ''), null, { timeout: 5000 }).catch(() => {});
        const got = await page.evaluate(() => navigator.clipboard.readText());
        if (got.trim() !== want.trim()) say(`copy button ${i + 1} copied ${JSON.stringify(got.slice(0, 80))}, not ${JSON.stringify(want.slice(0, 80))}`);
      }
    }
    for (const e of errors) problems.push(`READING uncaught exception: ${e}`);
  } finally {
    await browser.close().catch(() => {});
    await srv.close();
  }
  for (const line of problems) console.log(line);
  console.log(`reading: ${pages.length} event pages on a ${PHONE.width}×${PHONE.height} screen (${pages.join(', ')}), ${problems.length} problems`);
  return problems.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`reading.mjs: ${(err && err.stack) || err}`);
  process.exit(2);
});
