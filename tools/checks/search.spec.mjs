// The search page (/recherche/, /en/search/), on the site built with its Pagefind index
// (make site-test runs tools/search.sh): a word finds the events of its language on that
// language's site only; the results give each event's date, authority and kind; a misspelt
// name; the keyboard; axe-core in both colour schemes and 320 px wide with results shown; no
// CSP violation, console error or failed request while the index loads; and without
// JavaScript, the page says so and leads to the facets.
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, cspViolations } from './fixtures.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The results of query q on the search page at path: their addresses and their facts.
async function search(page, origin, path, q) {
  await page.goto(`${origin}${path}?q=${encodeURIComponent(q)}`);
  const status = page.locator('#search-status');
  await expect(status, `${path}?q=${q}: the search answers`).not.toHaveText('', { timeout: 15_000 });
  const items = page.locator('#search-results > li');
  return {
    status: await status.textContent(),
    urls: await items.locator('h2 a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname)),
    facts: await items.locator('.meta').allTextContents(),
  };
}

// Every request of the page to the site succeeded, none went elsewhere, no CSP violation, no
// console error.
function clean(watch, origin) {
  expect.soft(cspViolations(watch).map((v) => v.text), 'CSP violations').toEqual([]);
  expect.soft(watch.console.filter((m) => m.type === 'error').map((m) => m.text), 'console errors').toEqual([]);
  expect.soft(watch.exceptions.map((e) => e.message), 'exceptions').toEqual([]);
  expect.soft(watch.requests.map((r) => r.url()).filter((u) => !u.startsWith(origin)), 'other origins').toEqual([]);
  expect.soft(watch.failures.map((r) => r.url()), 'failed requests').toEqual([]);
}

test('a French word finds its French event, on the French site only', async ({ page, site, watch }) => {
  const r = await search(page, site.origin, '/recherche/', 'liquide astreinte');
  expect(r.urls, 'the French results').toContain('/evenements/2023-04-13-cnil-liquidation-astreinte/');
  expect(r.urls.filter((u) => u.startsWith('/en/')), 'English pages among the French results').toEqual([]);
  const i = r.urls.indexOf('/evenements/2023-04-13-cnil-liquidation-astreinte/');
  expect(r.facts[i], "the event's date, authority and kind").toMatch(/^13 avril 2023 · .*CNIL.* · Astreinte$/);
  expect(r.status).toMatch(/^\d+\u00a0résultats? pour «\u202fliquide astreinte\u202f»$/);
  clean(watch, site.origin);
});

test('an English word finds its English event, on the English site only', async ({ page, site, watch }) => {
  const r = await search(page, site.origin, '/en/search/', 'liquidates penalty');
  expect(r.urls, 'the English results').toContain('/en/events/2023-04-13-cnil-liquidation-astreinte/');
  expect(r.urls.filter((u) => !u.startsWith('/en/')), 'French pages among the English results').toEqual([]);
  // The same words on the French site: whatever Pagefind's stemming and prefixes match
  // there, never an English page.
  const fr = await search(page, site.origin, '/recherche/', 'liquidates penalty');
  expect(fr.urls.filter((u) => u.startsWith('/en/')), 'English pages among the French results').toEqual([]);
  clean(watch, site.origin);
});

test('a misspelt name still finds what it names', async ({ page, site }) => {
  // Pagefind matches words by their beginning: "Garant" for Garante, "Integritetsskydd" for
  // Integritetsskyddsmyndigheten.
  const r = await search(page, site.origin, '/recherche/', 'Garant');
  expect(r.urls).toContain('/evenements/2022-02-10-garante-sanction/');
  const s = await search(page, site.origin, '/en/search/', 'Integritetsskydd');
  expect(s.urls).toContain('/en/events/2021-02-11-imy-police-suede/');
});

test('the keyboard: type, then Tab to the first result', async ({ page, site }) => {
  await page.goto(`${site.origin}/en/search/`);
  await page.locator('#q').focus();
  await page.keyboard.type('Garante');
  await expect(page.locator('#search-results > li').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Tab'); // the button
  await page.keyboard.press('Tab'); // the first result
  await expect(page.locator('#search-results > li').first().locator('a')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/search\//);
});

for (const scheme of ['light', 'dark']) {
  for (const width of [320, 1280]) {
    test(`axe-core with results shown, ${scheme}, ${width} px, no sideways scrolling`, async ({ browser, site }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      await search(page, site.origin, '/recherche/', 'amende');
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page is no wider than the screen').toBeLessThanOrEqual(width);
      await context.close();
    });
  }
}

test('without JavaScript, the page says so and leads to the facets', async ({ browser, site }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.origin}/recherche/?q=amende`);
  await expect(page.locator('#search-nojs')).toBeVisible();
  await expect(page.locator('#search-nojs')).toContainText('demande JavaScript');
  expect(await page.locator('#search-nojs a[href="/pays/fr/"]').count(), 'a link to a facet').toBe(1);
  await context.close();
});
