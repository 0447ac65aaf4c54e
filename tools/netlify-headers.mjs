#!/usr/bin/env node
// Turn the header rules of netlify.toml, as Netlify's own parser resolves them, into the
// headers.json that tools/serve.mjs (and so tools/browser.mjs --headers) applies: the browser
// checks then see the pages with the very headers Netlify will send.
//
// usage: node tools/netlify-headers.mjs [--config RESOLVED.json | --toml netlify.toml] [--out headers.json]
//
//   --config FILE  the resolved configuration printed by `netlify-config --offline`, as written
//                  by `tools/netlify-config.sh --out FILE`
//   --toml FILE    run tools/netlify-config.sh on FILE first (offline; it fails on any warning)
//                  and use what it resolves; the default when --config is not given, with the
//                  repository's netlify.toml
//   --out FILE     default test-output/headers.json (under the repository root)
//
// Output: [{"for": "/path" | "/prefix/*", "values": {"Header": "value", ...}}, ...] in the order
// of netlify.toml. Fails (exit 1) on a rule serve.mjs could not reproduce: a "for" with a
// ":placeholder" or a "*" anywhere but a final "/*", or a value that is not a string.
// Exit 2 on a usage error.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const TOOLS_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(TOOLS_DIR);

function usage(msg) {
  if (msg) console.error(`netlify-headers.mjs: ${msg}`);
  console.error('usage: node tools/netlify-headers.mjs [--config RESOLVED.json | --toml netlify.toml] [--out headers.json]');
  process.exit(2);
}

function fail(msg) {
  console.error(`netlify-headers.mjs: FAIL: ${msg}`);
  process.exit(1);
}

// A "for" pattern serve.mjs matches the way Netlify does: an exact path, or a prefix ending in "/*".
export function supportedPattern(p) {
  if (typeof p !== 'string' || !p.startsWith('/')) return false;
  if (p.includes(':')) return false;
  const body = p.endsWith('/*') ? p.slice(0, -2) : p;
  return !body.includes('*');
}

// The header rules of a resolved configuration ({config: {headers: [...]}}), checked.
export function headerRules(resolved) {
  const headers = resolved && resolved.config && resolved.config.headers;
  if (headers === undefined) return [];
  if (!Array.isArray(headers)) throw new Error('config.headers is not an array');
  return headers.map((h, i) => {
    const where = `header rule ${i + 1} (for = ${JSON.stringify(h && h.for)})`;
    if (!h || typeof h.values !== 'object' || h.values === null) throw new Error(`${where}: no values`);
    if (!supportedPattern(h.for)) {
      throw new Error(`${where}: tools/serve.mjs only matches an exact path or a prefix ending in "/*"`);
    }
    const values = {};
    for (const [name, value] of Object.entries(h.values)) {
      if (typeof value !== 'string') throw new Error(`${where}: ${name} is not a string`);
      values[name] = value;
    }
    return { for: h.for, values };
  });
}

function resolveWithParser(toml) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netlify-headers-'));
  try {
    const out = path.join(tmp, 'resolved.json');
    const r = spawnSync('bash', [path.join(TOOLS_DIR, 'netlify-config.sh'), '--out', out, toml], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.error) fail(`could not run tools/netlify-config.sh: ${r.error.message}`);
    if (r.status !== 0) process.exit(r.status === 2 ? 2 : 1);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  let opts;
  try {
    opts = parseArgs({
      options: {
        config: { type: 'string' },
        toml: { type: 'string' },
        out: { type: 'string', default: path.join(ROOT, 'test-output', 'headers.json') },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    usage(e.message);
  }
  if (opts.help) usage();
  if (opts.config && opts.toml) usage('give --config or --toml, not both');

  let resolved;
  if (opts.config) {
    try {
      resolved = JSON.parse(fs.readFileSync(opts.config, 'utf8'));
    } catch (e) {
      fail(`${opts.config}: ${e.message}`);
    }
  } else {
    resolved = resolveWithParser(path.resolve(opts.toml || path.join(ROOT, 'netlify.toml')));
  }

  let rules;
  try {
    rules = headerRules(resolved);
  } catch (e) {
    fail(e.message);
  }
  if (rules.length === 0) fail('netlify.toml declares no headers');

  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(rules, null, 2) + '\n');
  console.log(`netlify-headers: ${rules.length} header rules written to ${opts.out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
