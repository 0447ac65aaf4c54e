// The content files the CMS checks seed, read back and judge (cms.spec.mjs, cms-saved.spec.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { ROOT } from './fixtures.mjs';

// The gen binary (make cms-check builds bin/gen once).
export const GEN = path.resolve(ROOT, process.env.GEN || 'bin/gen');
// Where the edits keep what the CMS saved, for review and for cms-saved.spec.mjs.
export const SAVED = path.join(ROOT, 'test-output', 'cms', 'saved');

// The repository's content, as the test backend's files: path → text.
export function contentFiles() {
  const out = {};
  for (const dir of ['content/events', 'content/pages']) {
    const walk = (d) => {
      for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
        const p = `${d}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.md')) out[p] = fs.readFileSync(path.join(ROOT, p), 'utf8');
      }
    };
    walk(dir);
  }
  return out;
}

// The entries the edit opens: one per event and page (its French file), sorted.
export const entries = (files) => Object.keys(files).filter((p) => !p.endsWith('.en.md')).sort();

// A file's front matter and body, as the CMS and the site's parser split it.
export function split(text) {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  return { front: m[1], body: m[2] };
}

// Front matter read as YAML 1.1 reads it (the site's parser, go.yaml.in/yaml/v3, does the same
// for dates: an unquoted 2023-04-13 is a timestamp, not text).
export const parse = (front) => YAML.parse(front, { schema: 'yaml-1.1', customTags: ['timestamp'] });

// The differences between two parsed values, as "key: how" lines; keys compared in order.
export function differences(a, b, at = '') {
  const out = [];
  const kind = (v) => (v instanceof Date ? 'date' : Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);
  // A date written bare, then in quotes: the same for the site's parser, which reads a date by
  // its text. The other way round, text would become a date.
  if (kind(a) === 'date' && kind(b) === 'string' && a.toISOString().slice(0, 10) === b) return [];
  if (kind(a) !== kind(b)) return [`${at || '(root)'}: ${kind(a)} ${JSON.stringify(a)} became ${kind(b)} ${JSON.stringify(b)}`];
  if (kind(a) === 'date') return a.getTime() === b.getTime() ? [] : [`${at}: ${a.toISOString()} became ${b.toISOString()}`];
  if (kind(a) === 'list') {
    if (a.length !== b.length) return [`${at}: ${a.length} items became ${b.length}`];
    return a.flatMap((v, i) => differences(v, b[i], `${at}[${i}]`));
  }
  if (kind(a) === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of ka) if (!kb.includes(k)) out.push(`${at}${at ? '.' : ''}${k}: dropped`);
    for (const k of kb) if (!ka.includes(k)) out.push(`${at}${at ? '.' : ''}${k}: added (${JSON.stringify(b[k])})`);
    const common = ka.filter((k) => kb.includes(k));
    const order = kb.filter((k) => ka.includes(k));
    if (common.join() !== order.join()) out.push(`${at || '(root)'}: keys moved: ${common.join(', ')} became ${order.join(', ')}`);
    for (const k of common) out.push(...differences(a[k], b[k], `${at}${at ? '.' : ''}${k}`));
    return out;
  }
  return a === b ? [] : [`${at}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`];
}

// gen check -strict on the repository's content with files (path → text) put in: {ok, out}.
export function genCheck(files) {
  if (!fs.existsSync(GEN)) throw new Error(`${GEN}: no such file (make cms-check builds it; or set GEN)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-check-'));
  try {
    for (const d of ['content', 'layouts', 'static']) fs.cpSync(path.join(ROOT, d), path.join(tmp, d), { recursive: true });
    for (const [p, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, p), text);
    const r = spawnSync(GEN, ['check', '-strict', '-no-cards', '-root', tmp], { encoding: 'utf8', cwd: tmp });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
