// The self-test of headers-check.mjs: small netlify.toml files, read by Netlify's own parser,
// checked against a few paths; each broken one must give the problem it has, the good one none.
//
// usage: node --test tools/headers-check.test.mjs   (make netlify-check runs it)

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readNetlifyHeaders } from './serve.mjs';
import { checkHeaders, sitePaths } from './headers-check.mjs';

const PAGE = `default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'none'`;
const EMBED = `default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors *`;

const rule = (pattern, values) => `
[[headers]]
  for = "${pattern}"
  [headers.values]
${Object.entries(values).map(([k, v]) => `    ${k} = "${v}"`).join('\n')}
`;

// A site in the shape of the real one: the common headers, the pages, the embed and a stylesheet.
const COMMON = rule('/*', { 'X-Content-Type-Options': 'nosniff' });
const PAGES = rule('/', { 'Content-Security-Policy': PAGE, 'X-Frame-Options': 'DENY' }) +
  rule('/evenements/*', { 'Content-Security-Policy': PAGE, 'X-Frame-Options': 'DENY' });
const EMBEDS = rule('/embed/*', { 'Content-Security-Policy': EMBED }) + rule('/en/embed/*', { 'Content-Security-Policy': EMBED });
const ASSETS = rule('/css/*', { 'Cache-Control': 'public, max-age=31536000, immutable' });
const GOOD = COMMON + PAGES + EMBEDS + ASSETS;

const FILES = [
  { path: '/', html: true },
  { path: '/evenements/x/', html: true },
  { path: '/embed/', html: true },
  { path: '/en/embed/', html: true },
  { path: '/css/site.css', html: false },
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headers-check-test-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
async function problems(toml, files = FILES) {
  const file = path.join(tmp, `netlify-${++n}.toml`);
  fs.writeFileSync(file, toml);
  return checkHeaders(await readNetlifyHeaders(file), files).problems;
}

// The CMS at /admin/: its page, configuration and script, under a rule of their own.
const CMS = `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https://api.github.com; frame-ancestors 'none'`;
const ADMIN = rule('/admin/*', { 'Content-Security-Policy': CMS, 'X-Frame-Options': 'DENY', 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' });
const ADMIN_FILES = [...FILES, { path: '/admin/', html: true }, { path: '/admin/config.yml', html: false }, { path: '/admin/sveltia-cms.js', html: false }];

test('the good rules pass', async () => {
  assert.deepEqual(await problems(GOOD), []);
});

test('a second policy for every path fails on each page', async () => {
  const p = await problems(GOOD + rule('/*', { 'Content-Security-Policy': PAGE }));
  for (const page of ['/', '/evenements/x/', '/embed/', '/en/embed/']) {
    assert.ok(p.some((l) => l.startsWith(`${page}: 2 rules set content-security-policy`) && l.includes('"/*" (rule 7)')), `${page} in\n${p.join('\n')}`);
  }
  assert.ok(p.includes(`/embed/: embed page has frame-ancestors 'none', not *, from "/*" (rule 7)`), p.join('\n'));
});

test('the same header from two rules fails, whatever its case', async () => {
  const p = await problems(GOOD + rule('/css/*', { 'cache-control': 'no-cache' }));
  assert.deepEqual(p, ['/css/site.css: 2 rules set cache-control: "/css/*" (rule 6), "/css/*" (rule 7)']);
});

test("'unsafe-inline' and 'unsafe-eval' fail", async () => {
  const p = await problems(COMMON + rule('/', { 'Content-Security-Policy': PAGE.replace("style-src 'self'", "style-src 'self' 'unsafe-inline' 'unsafe-eval'"), 'X-Frame-Options': 'DENY' }) +
    rule('/evenements/*', { 'Content-Security-Policy': PAGE, 'X-Frame-Options': 'DENY' }) + EMBEDS + ASSETS);
  assert.deepEqual(p, [`rule "/" (rule 2): Content-Security-Policy allows 'unsafe-inline' and 'unsafe-eval'`]);
});

test('an embed that may not be framed, or with X-Frame-Options, fails', async () => {
  const p = await problems(COMMON + PAGES + rule('/embed/*', { 'Content-Security-Policy': PAGE }) +
    rule('/en/embed/*', { 'Content-Security-Policy': EMBED, 'X-Frame-Options': 'DENY' }) + ASSETS);
  assert.deepEqual(p, [
    `/embed/: embed page has frame-ancestors 'none', not *, from "/embed/*" (rule 4)`,
    '/en/embed/: embed page has X-Frame-Options DENY, from "/en/embed/*" (rule 5)',
  ]);
});

test('a page that may be framed, or without X-Frame-Options DENY, fails', async () => {
  const p = await problems(COMMON + rule('/', { 'Content-Security-Policy': EMBED, 'X-Frame-Options': 'SAMEORIGIN' }) +
    rule('/evenements/*', { 'Content-Security-Policy': PAGE }) + EMBEDS + ASSETS);
  assert.deepEqual(p, [
    '/: page has frame-ancestors *, not \'none\', from "/" (rule 2)',
    '/: X-Frame-Options SAMEORIGIN, not DENY, from "/" (rule 2)',
    '/evenements/x/: no X-Frame-Options DENY (matched by "/*" (rule 1), "/evenements/*" (rule 3))',
  ]);
});

test('a page no policy rule matches fails', async () => {
  const p = await problems(COMMON + rule('/', { 'Content-Security-Policy': PAGE, 'X-Frame-Options': 'DENY' }) + EMBEDS + ASSETS);
  assert.deepEqual(p, [
    '/evenements/x/: no rule sets content-security-policy (matched by "/*" (rule 1))',
    '/evenements/x/: no X-Frame-Options DENY (matched by "/*" (rule 1))',
  ]);
});

test("the CMS's rule may allow inline styles, and nothing else", async () => {
  assert.deepEqual(await problems(GOOD + ADMIN, ADMIN_FILES), []);
  const p = await problems(GOOD + rule('/admin/*', {
    'Content-Security-Policy': CMS.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'")
      .replace("connect-src 'self'", "connect-src 'self' https:"),
    'X-Frame-Options': 'DENY',
  }), ADMIN_FILES);
  assert.deepEqual(p, [`rule "/admin/*" (rule 7): Content-Security-Policy allows 'unsafe-inline' and 'unsafe-eval' and https: in connect-src`]);
});

test("the search pages' rules may compile WebAssembly in scripts, and no other rule", async () => {
  const WASM = PAGE.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
  const SEARCH_FILES = [...FILES, { path: '/recherche/', html: true }, { path: '/en/search/', html: true }];
  const search = (policy) => rule('/recherche/*', { 'Content-Security-Policy': policy, 'X-Frame-Options': 'DENY' }) +
    rule('/en/search/*', { 'Content-Security-Policy': policy, 'X-Frame-Options': 'DENY' });
  assert.deepEqual(await problems(COMMON + PAGES + search(WASM) + EMBEDS + ASSETS, SEARCH_FILES), []);
  const p = await problems(COMMON + rule('/', { 'Content-Security-Policy': WASM, 'X-Frame-Options': 'DENY' }) +
    rule('/evenements/*', { 'Content-Security-Policy': PAGE, 'X-Frame-Options': 'DENY' }) +
    search(WASM.replace("style-src 'self'", "style-src 'self' 'wasm-unsafe-eval'")) + EMBEDS + ASSETS, SEARCH_FILES);
  assert.deepEqual(p, [
    `rule "/" (rule 2): Content-Security-Policy allows 'wasm-unsafe-eval'`,
    `rule "/recherche/*" (rule 4): Content-Security-Policy allows 'wasm-unsafe-eval'`,
    `rule "/en/search/*" (rule 5): Content-Security-Policy allows 'wasm-unsafe-eval'`,
  ]);
});

test('inline styles anywhere but in the CMS fail', async () => {
  const p = await problems(COMMON + rule('/', { 'Content-Security-Policy': CMS, 'X-Frame-Options': 'DENY' }) +
    rule('/evenements/*', { 'Content-Security-Policy': PAGE, 'X-Frame-Options': 'DENY' }) + EMBEDS + ASSETS);
  assert.deepEqual(p, [`rule "/" (rule 2): Content-Security-Policy allows 'unsafe-inline'`]);
});

test('the CMS under a second policy, or one that may be framed, fails', async () => {
  const p = await problems(GOOD + ADMIN + rule('/admin/*', { 'Content-Security-Policy': CMS.replace("frame-ancestors 'none'", 'frame-ancestors *') }), ADMIN_FILES);
  assert.ok(p.includes('/admin/: 2 rules set content-security-policy: "/admin/*" (rule 7), "/admin/*" (rule 8)'), p.join('\n'));
  assert.ok(p.includes('/admin/config.yml: 2 rules set content-security-policy: "/admin/*" (rule 7), "/admin/*" (rule 8)'), p.join('\n'));
  assert.ok(p.includes(`/admin/: page has frame-ancestors *, not 'none', from "/admin/*" (rule 8)`), p.join('\n'));
});

test('a file that is not netlify.toml, or has no rule, is refused', async () => {
  await assert.rejects(readNetlifyHeaders(path.join(tmp, 'missing.toml')), /no such file/);
  fs.writeFileSync(path.join(tmp, 'empty.toml'), '[build]\n  publish = "public"\n');
  await assert.rejects(readNetlifyHeaders(path.join(tmp, 'empty.toml')), /no \[\[headers\]\] rule/);
  fs.writeFileSync(path.join(tmp, 'broken.toml'), '[[headers]\n');
  await assert.rejects(readNetlifyHeaders(path.join(tmp, 'broken.toml')), /errors/);
});

test('files are taken at the paths a visitor asks for', () => {
  const site = path.join(tmp, 'site');
  for (const f of ['index.html', '404.html', 'embed/index.html', 'css/site.css', 'feed.xml']) {
    fs.mkdirSync(path.dirname(path.join(site, f)), { recursive: true });
    fs.writeFileSync(path.join(site, f), '');
  }
  assert.deepEqual(sitePaths(site), [
    { path: '/', html: true },
    { path: '/404.html', html: true },
    { path: '/css/site.css', html: false },
    { path: '/embed/', html: true },
    { path: '/feed.xml', html: false },
  ]);
});
