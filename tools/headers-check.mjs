#!/usr/bin/env node
// The header rules of netlify.toml, read by Netlify's own parser (npm @netlify/headers-parser,
// the one its local engine uses), checked against every file of the built site.
//
// usage: node tools/headers-check.mjs --dir DIR [--netlify netlify.toml]
//   --dir      the built site (make site-test: test-output/public)
//   --netlify  default: netlify.toml at the repository root
//
// Every file is taken at the path a visitor asks for: DIR/x/index.html as /x/, DIR/404.html as
// /404.html, DIR/css/site.css as /css/site.css. For each, the rules whose pattern matches it
// (the parser's own regular expressions: "/a/*" also matches /a and /a-b…) are listed, and:
//   - no two matching rules may set the same header (names compared without case): Netlify's
//     engine lets the later one win, a CDN that sent both would enforce both; the rules must be
//     right under either reading;
//   - every HTML page is matched by exactly one rule that sets Content-Security-Policy;
//   - an embed page (/embed/…, /en/embed/…) has frame-ancestors * and no X-Frame-Options;
//     every other page has frame-ancestors 'none' and X-Frame-Options DENY;
//   - no policy of any rule allows 'unsafe-inline', 'unsafe-eval' or another 'unsafe-…' keyword,
//     but for the CMS's rule, "/admin/*", which may allow 'unsafe-inline' in style-src (the
//     styles Sveltia CMS injects), and there only;
//   - no fetch directive of any policy allows any host (*, https:, http:).
// Prints one line per problem (the path and the rules) and a summary line.
// Exit code: 0 when there is no problem, 1 when there is any, 2 on a usage or set-up error.
// Its own test: node --test tools/headers-check.test.mjs

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readNetlifyHeaders } from './serve.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CSP = 'content-security-policy';
const CSP_NAMES = [CSP, 'content-security-policy-report-only'];
const XFO = 'x-frame-options';

export const isEmbed = (p) => /^\/(en\/)?embed(\/|$)/.test(p);

// The CMS's rule: the one place where inline styles are allowed.
export const ADMIN_RULE = '/admin/*';

// The search pages' rules: the one place where WebAssembly may be compiled (the search index's).
export const SEARCH_RULES = ['/recherche/*', '/en/search/*'];

// The directives that load something; frame-ancestors, base-uri and form-action are not.
const FETCH = /^(default|script|script-elem|script-attr|style|style-elem|style-attr|img|font|connect|media|object|frame|child|worker|manifest)-src$/;

// The relaxations a policy of rule allows, in order: 'unsafe-…' keywords (but 'unsafe-inline'
// in style-src for the CMS's rule, and 'wasm-unsafe-eval' in script-src for the search pages'),
// and any host in a fetch directive.
export function relaxed(rule, policy) {
  const out = [];
  for (const part of policy.split(';')) {
    const [d = '', ...sources] = part.trim().split(/\s+/);
    const name = d.toLowerCase();
    for (const s of sources) {
      const k = s.toLowerCase();
      if (/^'(unsafe-[a-z-]+|wasm-unsafe-eval)'$/.test(k)) {
        const admin = rule.for === ADMIN_RULE && name === 'style-src' && k === "'unsafe-inline'";
        const search = SEARCH_RULES.includes(rule.for) && name === 'script-src' && k === "'wasm-unsafe-eval'";
        if (!admin && !search) out.push(s);
      } else if (FETCH.test(name) && ['*', 'https:', 'http:'].includes(k)) {
        out.push(`${s} in ${name}`);
      }
    }
  }
  return out;
}

// Every file under dir as the URL path it is served at, sorted; HTML pages flagged.
export function sitePaths(dir) {
  const out = [];
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.isFile()) {
        const html = e.name.endsWith('.html');
        const p = e.name === 'index.html' ? `/${r.slice(0, -'index.html'.length)}` : `/${r}`;
        out.push({ path: encodeURI(p), html });
      }
    }
  };
  walk(dir, '');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// The value a rule gives a header (name without case), or undefined.
const get = (rule, name) => {
  for (const [k, v] of Object.entries(rule.values)) if (k.toLowerCase() === name) return v;
  return undefined;
};

// The sources of one directive of a policy, or null when it has none.
export function directive(policy, name) {
  for (const part of policy.split(';')) {
    const [d, ...sources] = part.trim().split(/\s+/);
    if (d && d.toLowerCase() === name) return sources;
  }
  return null;
}

// rules: as readNetlifyHeaders returns them; files: [{path, html}]. Returns the problems, one
// line each, and counts.
export function checkHeaders(rules, files) {
  const names = new Map(rules.map((r, i) => [r, `"${r.for}" (rule ${i + 1})`]));
  const list = (rs) => rs.map((r) => names.get(r)).join(', ');
  const problems = [];
  let pages = 0;
  let embeds = 0;

  for (const rule of rules) {
    for (const [k, v] of Object.entries(rule.values)) {
      const bad = CSP_NAMES.includes(k.toLowerCase()) ? relaxed(rule, v) : [];
      if (bad.length) problems.push(`rule ${names.get(rule)}: ${k} allows ${bad.join(' and ')}`);
    }
  }

  for (const { path: p, html } of files) {
    const matching = rules.filter((r) => r.forRegExp.test(p));
    const byHeader = new Map();
    for (const r of matching) {
      for (const k of Object.keys(r.values)) {
        const key = k.toLowerCase();
        if (!byHeader.has(key)) byHeader.set(key, []);
        byHeader.get(key).push(r);
      }
    }
    for (const [key, rs] of byHeader) {
      if (rs.length > 1 && !(html && key === CSP)) problems.push(`${p}: ${rs.length} rules set ${key}: ${list(rs)}`);
    }
    if (!html) continue;

    pages++;
    const embed = isEmbed(p);
    if (embed) embeds++;
    const csp = byHeader.get(CSP) || [];
    const xfo = byHeader.get(XFO) || [];
    if (csp.length === 0) problems.push(`${p}: no rule sets content-security-policy (matched by ${list(matching) || 'no rule'})`);
    if (csp.length > 1) problems.push(`${p}: ${csp.length} rules set content-security-policy: ${list(csp)}`);
    for (const r of csp) {
      const fa = directive(get(r, CSP), 'frame-ancestors');
      const want = embed ? '*' : "'none'";
      if (!fa || fa.join(' ') !== want) {
        problems.push(`${p}: ${embed ? 'embed page' : 'page'} has frame-ancestors ${fa ? fa.join(' ') || '(empty)' : '(none)'}, ` +
          `not ${want}, from ${names.get(r)}`);
      }
    }
    if (embed) {
      for (const r of xfo) problems.push(`${p}: embed page has X-Frame-Options ${get(r, XFO)}, from ${names.get(r)}`);
    } else if (xfo.length === 0) {
      problems.push(`${p}: no X-Frame-Options DENY (matched by ${list(matching) || 'no rule'})`);
    } else {
      for (const r of xfo) {
        if (get(r, XFO).trim().toUpperCase() !== 'DENY') problems.push(`${p}: X-Frame-Options ${get(r, XFO)}, not DENY, from ${names.get(r)}`);
      }
    }
  }
  return { problems, files: files.length, pages, embeds, rules: rules.length };
}

async function main() {
  let opts;
  try {
    opts = parseArgs({
      options: {
        dir: { type: 'string' },
        netlify: { type: 'string', default: path.relative(process.cwd(), path.join(ROOT, 'netlify.toml')) },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    opts = { help: true, error: e.message };
  }
  if (opts.help || !opts.dir) {
    console.error(`${opts.error ? `headers-check.mjs: ${opts.error}\n` : ''}usage: node tools/headers-check.mjs --dir DIR [--netlify netlify.toml]`);
    return 2;
  }
  if (!fs.existsSync(opts.dir) || !fs.statSync(opts.dir).isDirectory()) {
    console.error(`headers-check.mjs: not a directory: ${opts.dir} (make site-test builds it)`);
    return 2;
  }
  let rules;
  try {
    rules = await readNetlifyHeaders(opts.netlify, opts.dir);
  } catch (e) {
    console.log(`headers-check: FAIL: ${e.message}`);
    return 1;
  }
  const files = sitePaths(opts.dir);
  const r = checkHeaders(rules, files);
  for (const line of r.problems) console.log(`HEADERS ${line}`);
  console.log(`headers-check: ${r.files} files (${r.pages} pages, ${r.embeds} to embed) against ${r.rules} rules ` +
    `of ${opts.netlify}: ${r.problems.length} problems`);
  return r.problems.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (err) => {
    console.error(`headers-check.mjs: ${(err && err.stack) || err}`);
    process.exit(2);
  });
}
