// What a reader of an event page meets first, and the citation's copy buttons, on a 390 × 844
// phone. The pages: the event page with the most caveats in each language (READING_PAGES,
// space-separated, to give others). On each:
//   - the lede comes first, then the key facts (date, authority, amount, status, reliability),
//     then the caveats: the decision date and the amount (when there is one) end on the first
//     screen, and they and the reliability come before the first caveat;
//   - there are caveats, and every one shows without a click (none inside a closed <details>,
//     none hidden);
//   - the citation names the page's title and its permalink, the BibTeX entry is an @misc with
//     \url{permalink}; there are 2 copy buttons, and each puts exactly its text on the clipboard;
//   - no uncaught exception.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SITE } from './fixtures.mjs';

const PHONE = { width: 390, height: 844 };

// The event page with the most caveats under SITE/section, as a URL path.
function mostCaveats(section) {
  const base = path.join(SITE, section);
  if (!fs.existsSync(base)) return null;
  let best = null;
  let most = -1;
  for (const d of fs.readdirSync(base).sort()) {
    const file = path.join(base, d, 'index.html');
    if (!fs.existsSync(file)) continue;
    const aside = /<aside class="?caveats[\s\S]*?<\/aside>/.exec(fs.readFileSync(file, 'utf8'));
    const n = aside ? (aside[0].match(/<li>/g) || []).length : 0;
    if (n > most) { most = n; best = `/${section}/${d}/`; }
  }
  return best;
}
const PAGES = process.env.READING_PAGES
  ? process.env.READING_PAGES.split(/\s+/).filter(Boolean)
  : [mostCaveats('evenements'), mostCaveats('en/events')].filter(Boolean);

test.use({ viewport: PHONE, permissions: ['clipboard-read', 'clipboard-write'] });

test('there are event pages to read', () => {
  expect(PAGES.length, `no event page under ${SITE}: give READING_PAGES`).toBeGreaterThan(0);
});

// In the page: where the key facts and the caveats are, and what a reader sees of them.
function measure() {
  const top = (el) => (el ? el.getBoundingClientRect().top + window.scrollY : null);
  const shown = (el) => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const lede = document.querySelector('.lede');
  const facts = document.querySelector('dl.facts');
  const date = facts && facts.querySelector('time');
  const amount = facts && facts.querySelector('.amount');
  const status = facts && [...facts.querySelectorAll('div')].find((d) => d.querySelector('.conf'));
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

// In the page: the citation's parts.
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

for (const p of PAGES) {
  test(p, async ({ page, site, watch }) => {
    const resp = await page.goto(site.origin + p, { waitUntil: 'load' });
    expect(resp && resp.status(), 'HTTP status').toBe(200);
    const problems = [];
    const say = (msg) => problems.push(msg);
    const m = await page.evaluate(measure);
    expect([m.lede, m.facts, m.date, m.reliability], 'the lede, key facts, date and reliability').not.toContain(null);
    if (!(m.lede < m.facts)) say('the key facts come before the lede');
    for (const [what, bottom, first] of [['the decision date', m.date, true], ['the amount', m.amount, true], ['the reliability', m.reliability, false]]) {
      if (bottom === null || bottom === undefined) continue;
      if (first && bottom > PHONE.height) say(`${what} ends at ${Math.round(bottom)} px, below the first screen (${PHONE.height} px)`);
      if (m.firstCaveat !== null && bottom > m.firstCaveat) say(`${what} comes after the first caveat`);
    }
    if (m.count === 0) say('no caveat (give a page that has some in READING_PAGES)');
    for (const h of m.hidden) say(`a caveat hidden until a click: "${h}…"`);
    expect.soft(problems, 'what the first screen shows').toEqual([]);

    const c = await page.evaluate(citation);
    expect(c && c.text && c.bib, 'a citation and its BibTeX entry').toBeTruthy();
    expect.soft(c.text, 'the citation gives the permalink').toContain(c.canonical);
    expect.soft(c.text, 'the citation names the title').toContain(c.title.slice(0, 40));
    expect.soft(c.bib, 'the BibTeX entry').toMatch(/^@misc\{/);
    expect.soft(c.bib, 'the BibTeX entry gives the permalink').toContain(`\\url{${c.canonical}}`);
    expect(c.buttons, 'copy buttons in the citation').toBe(2);
    for (const [i, want] of [[0, c.text], [1, c.bib]]) {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.locator('#cite button.copy').nth(i).click();
      await expect.configure({ soft: true }).poll(() => page.evaluate(() => navigator.clipboard.readText().then((t) => t.trim())),
        { message: `what copy button ${i + 1} puts on the clipboard`, timeout: 5000 }).toBe(want.trim());
    }
    expect(watch.exceptions.map((e) => e.text), 'uncaught exceptions').toEqual([]);
  });
}
