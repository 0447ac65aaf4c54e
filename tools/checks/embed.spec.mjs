// The timeline to embed, framed by another site. The built site is served with its headers on
// one origin (127.0.0.1, port A), and a host page on another (port B) frames A/embed/?pays=fr,
// A/en/embed/, A/ and an event page (the first under evenements/), with the resizing script of
// the embed code the site offers (the textarea#embed-snippet of its home page, the site's origin
// replaced by A; when it has none, the smallest one, which finds the frame by the message's
// source). At 1280 then 375 px wide:
//   - each embed frame shows the timeline: the list of events, and for ?pays=fr only the French
//     ones (data-country=fr), all of them; without a filter, all; no CSP violation in it
//     (securitypolicyviolation events, console messages as a fallback), no console error or
//     uncaught exception anywhere;
//   - each embed frame ends as tall (±2 px) as its document's scrollHeight, which it posts to the
//     host as {timelineHeight: N};
//   - the home and event pages are refused: Chromium's error page in the frame (no <main> of the
//     page), and, over the run, one console refusal per refused frame, "Framing
//     'http://127.0.0.1:A/' violates the following Content Security Policy directive:
//     "frame-ancestors 'none'"" (Chromium 156 names the origin only), none more.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test, expect, SITE, cspViolations, isCspMessage } from './fixtures.mjs';

const WIDTHS = [1280, 375];
const isRefusal = (text) => /^(Refused to frame|Framing) '/.test(text);

function firstEvent() {
  const events = path.join(SITE, 'evenements');
  const first = fs.existsSync(events) && fs.readdirSync(events).sort().find((d) => fs.existsSync(path.join(events, d, 'index.html')));
  if (!first) throw new Error(`no event page under ${events}`);
  return `/evenements/${first}/`;
}

// The frames of the host page: id, path on A, and whether it is the timeline to embed.
const FRAMES = [
  { id: 'embed-fr', path: '/embed/?pays=fr', embed: true, country: 'fr' },
  { id: 'embed-en', path: '/en/embed/', embed: true },
  { id: 'home', path: '/', embed: false },
  { id: 'event', path: firstEvent(), embed: false },
];

function unescapeHtml(s) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) => (e[0] === '#'
    ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
    : named[e.toLowerCase()] ?? all));
}

// The resizing script of the embed code the site offers, its origin replaced by a; the smallest
// such script when the code has none.
function resizeScript(a) {
  const page = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
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

// In an embed frame: what its timeline shows.
const readTimeline = () => {
  const list = document.querySelector('.embed-list');
  if (!list) return null;
  const items = [...list.querySelectorAll('li')];
  const shown = items.filter((li) => !li.hidden && li.getClientRects().length > 0);
  return { total: items.length, shown: shown.length, countries: items.map((li) => li.dataset.country), shownCountries: shown.map((li) => li.dataset.country) };
};

test('the timeline shows and resizes its frame on another site, the other pages are refused', async ({ page, site, watch }, testInfo) => {
  const A = site.origin;
  const script = resizeScript(A);
  testInfo.annotations.push({ type: 'resizing script', description: script.from });
  const html = hostPage(A, script.text);
  const host = http.createServer((req, res) => {
    if (req.url !== '/') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise((resolve, reject) => { host.once('error', reject); host.listen(0, '127.0.0.1', resolve); });
  const B = `http://127.0.0.1:${host.address().port}`;
  try {
    const problems = [];
    const where = (u) => {
      if (!u || !u.startsWith(A)) return u && u.startsWith(B) ? 'host page' : u || '?';
      const f = FRAMES.find((x) => u === A + x.path);
      return f ? f.path : u.slice(A.length);
    };
    const isEmbedUrl = (u) => FRAMES.some((f) => f.embed && u === A + f.path);
    const resp = await page.goto(`${B}/`, { waitUntil: 'load' });
    expect(resp && resp.status(), 'the host page').toBe(200);

    for (const width of WIDTHS) {
      await test.step(`at ${width} px`, async () => {
        if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 800 });
        for (const f of FRAMES) {
          const el = page.locator(`#${f.id}`);
          const frame = await (await el.elementHandle()).contentFrame();
          const say = (kind, text) => problems.push(`${f.path} [${kind}] at ${width} px: ${text}`);
          if (!frame) { say('embed', 'no frame'); continue; }
          if (!f.embed) {
            // Refused: Chromium puts its error page in the frame; if the page's URL is there, its
            // document must not hold the page.
            const shown = frame.url() === A + f.path && (await frame.evaluate(() => !!document.querySelector('main')).catch(() => false));
            if (shown) say('embed', `the page shows in a frame of another origin (${B})`);
            continue;
          }
          if (frame.url() !== A + f.path) { say('embed', `the frame holds ${frame.url()}, not the timeline`); continue; }
          const t = await frame.evaluate(readTimeline).catch((e) => ({ error: e.message.split('\n')[0] }));
          if (!t || t.error) { say('embed', `no list of events in the frame${t && t.error ? ` (${t.error})` : ''}`); continue; }
          if (t.total === 0 || t.shown === 0) say('embed', `${t.shown} of ${t.total} events shown`);
          if (f.country) {
            const want = t.countries.filter((c) => c === f.country).length;
            const other = [...new Set(t.shownCountries.filter((c) => c !== f.country))];
            if (other.length) say('embed', `events of ${other.join(', ')} shown, only ${f.country} expected`);
            const mine = t.shownCountries.filter((c) => c === f.country).length;
            if (mine !== want) say('embed', `${mine} of the ${want} events of ${f.country} shown`);
          } else if (t.shown !== t.total) {
            say('embed', `${t.shown} of ${t.total} events shown, without a filter`);
          }
          // The host's script sets the frame's height from the frame's messages: the two agree.
          const heights = async () => ({
            frame: Math.round(await el.evaluate((e) => e.getBoundingClientRect().height)),
            doc: await frame.evaluate(() => document.documentElement.scrollHeight),
          });
          await expect.configure({ soft: true }).poll(async () => { const h = await heights(); return Math.abs(h.frame - h.doc) <= 2 ? 'agree' : h; },
            { message: `${f.path} [resize] at ${width} px: the frame's height and its document's`, timeout: 5000 }).toBe('agree');
        }
      });
    }
    // Late console messages, then Chromium's refusals matched with the refused frames: it names
    // the origin only, once per frame and load: as many as there are pages refused, no more.
    await page.waitForTimeout(100);
    const refusals = watch.console.filter((m) => isRefusal(m.text)).map((m) => m.text.trim());
    const refused = FRAMES.filter((f) => !f.embed);
    const byNone = refusals.filter((t) => t.includes(`'${A}/`) && t.includes("frame-ancestors 'none'"));
    if (byNone.length < refused.length) {
      problems.push(`${refused.map((f) => f.path).join(' and ')} [embed] framed by ${B}: ${byNone.length} of ${refused.length} ` +
        `"… violates … frame-ancestors 'none'" refusals from Chromium${refusals.length ? ` (it said: ${refusals.join(' | ')})` : ''}`);
    }
    const csp = [
      ...refusals.filter((x) => !byNone.includes(x)).concat(byNone.slice(refused.length))
        .map((text) => `${FRAMES.filter((f) => f.embed).map((f) => f.path).join(' or ')}: ${text}`),
      // Violations in the embed frames; one anywhere else is an error.
      // Violations in the embed frames (console messages, the fallback, but Chromium's refusals).
      ...cspViolations(watch, (e) => (e.frame === undefined ? !isRefusal(e.text) : isEmbedUrl(e.frame))).map((c) => c.text),
    ];
    for (const e of watch.csp) if (!isEmbedUrl(e.frame) && !e.frame.startsWith('chrome-error:')) problems.push(`${where(e.frame)} [csp] ${e.text}`);
    for (const m of watch.console) {
      if (isRefusal(m.text) || isCspMessage(m.text) || m.type !== 'error') continue;
      problems.push(`${where(m.url)} [console] ${m.text}`);
    }
    for (const e of watch.exceptions) problems.push(`a frame [exception] ${e.message}`);
    expect.soft([...new Set(csp)], 'CSP violations').toEqual([]);
    expect([...new Set(problems)], 'errors').toEqual([]);
  } finally {
    await new Promise((r) => { host.close(() => r()); host.closeAllConnections?.(); });
  }
});
