#!/usr/bin/env node
// Lighthouse scores of a few pages of a built site, served locally.
//
// usage: node tools/lighthouse/run.mjs --dir DIR [--page /path/ ...] [--min 0.95] [--runs 5] [--out DIR]
//                                  [--netlify netlify.toml]
//   --page   a page to audit (repeatable; default: /)
//   --min    lowest accepted score for each category (default 0.95)
//   --runs   audits of each page (default 5); the median one is judged and kept, as Lighthouse's
//            own documentation advises for its variance: the run nearest the median first
//            contentful paint and time to interactive (Lighthouse's computeMedianRun). The
//            performance score of every run is printed beside it, with the BenchmarkIndex
//            Lighthouse measured for that run (the host's speed, which the score depends on).
//   --out    where the JSON reports go (default: test-output/lighthouse)
//   --netlify  serve the pages with the headers this netlify.toml gives them (Netlify's own
//              engine, see serve.mjs); without it, with none
//
// Runs Lighthouse (mobile, the default form factor and simulated throttling) with the categories
// performance, accessibility, best-practices and seo, in Debian's Chromium (CHROME_PATH, default
// /usr/bin/chromium), a fresh headless instance per page. Prints a table of the scores.
// Exit code: 0 when every score >= --min, 1 otherwise, 2 on a usage or set-up error.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, CHROMIUM_PATH, CHROMIUM_ARGS, commandLine } from '../serve.mjs';

// Lighthouse's launcher needs --headless among the flags; the rest are the browser check's.
const CHROME_PATH = CHROMIUM_PATH;
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const { opts, usage } = commandLine('lighthouse.mjs', 'node tools/lighthouse.mjs --dir DIR [--page /path/ ...] [--min 0.95] [--runs 5] [--out DIR] [--netlify netlify.toml]', {
  dir: { type: 'string' },
  page: { type: 'string', multiple: true },
  min: { type: 'string', default: '0.95' },
  runs: { type: 'string', default: '5' },
  out: { type: 'string', default: 'test-output/lighthouse' },
  netlify: { type: 'string' },
});
if (!opts.dir) usage('--dir is required');
const MIN = Number(opts.min);
if (!(MIN >= 0 && MIN <= 1)) usage('--min must be a number between 0 and 1');
const RUNS = Number(opts.runs);
if (!(Number.isInteger(RUNS) && RUNS >= 1)) usage('--runs must be a whole number, 1 or more');
const pages = (opts.page && opts.page.length ? opts.page : ['/']).map((p) => (p.startsWith('/') ? p : '/' + p));

function slugFor(p) {
  if (p === '/') return 'home';
  let s = p;
  try { s = decodeURI(p); } catch { /* keep as is */ }
  return s.replace(/\.html$/, '').replace(/^\/+|\/+$/g, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'home';
}

const fmt = (score) => (score === null || score === undefined ? '  -- ' : score.toFixed(2).padStart(5));

async function auditPage(origin, pagePath) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(origin + pagePath, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result || !result.lhr) throw new Error('Lighthouse returned no result');
    return result;
  } finally {
    await chrome.kill();
  }
}

async function main() {
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a directory: ${opts.dir}`);
  if (!fs.existsSync(CHROME_PATH)) usage(`${CHROME_PATH} not found: run tools/deps.sh`);
  await fsp.mkdir(opts.out, { recursive: true });

  const srv = await startServer({ dir, netlifyToml: opts.netlify });
  const rows = [];
  let failed = false;
  try {
    for (const p of pages) {
      const t0 = Date.now();
      let lhr;
      let perfs = [];
      try {
        const results = [];
        for (let i = 0; i < RUNS; i++) results.push(await auditPage(srv.origin, p));
        const lhrs = results.map((r) => r.lhr);
        perfs = lhrs.map((l) => `${fmt(l.categories.performance && l.categories.performance.score).trim()} (${Math.round(l.environment.benchmarkIndex)})`);
        lhr = lhrs.some((l) => l.runtimeError) ? lhrs.find((l) => l.runtimeError) : computeMedianRun(lhrs);
        const result = results[lhrs.indexOf(lhr)];
        const file = path.join(opts.out, `${slugFor(p)}.json`);
        await fsp.writeFile(file, typeof result.report === 'string' ? result.report : JSON.stringify(lhr, null, 2));
      } catch (err) {
        console.error(`lighthouse: ${p}: ${(err && err.message) || err}`);
        rows.push({ page: p, scores: {}, problems: [`Lighthouse failed: ${(err && err.message) || err}`], seconds: (Date.now() - t0) / 1000 });
        failed = true;
        continue;
      }
      const scores = {};
      const problems = [];
      if (lhr.runtimeError) problems.push(`runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const w of lhr.runWarnings || []) problems.push(`warning: ${w}`);
      for (const c of CATEGORIES) {
        const cat = lhr.categories[c];
        const score = cat ? cat.score : null;
        scores[c] = score;
        if (score === null || score < MIN) {
          failed = true;
          // What lowers the score: audits that count (weight > 0) and did not pass.
          const lows = (cat ? cat.auditRefs : [])
            .filter((r) => r.weight > 0)
            .map((r) => ({ ref: r, a: lhr.audits[r.id] }))
            .filter(({ a }) => a && a.score !== null && a.score < 1)
            .map(({ ref, a }) => `${a.id} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}, weight ${ref.weight}): ${a.title}`);
          problems.push(`${c} ${score === null ? 'has no score' : `${score.toFixed(2)} < ${MIN}`}${lows.length ? ':\n      ' + lows.join('\n      ') : ''}`);
        }
      }
      rows.push({ page: p, scores, problems, perfs, seconds: (Date.now() - t0) / 1000 });
    }
  } finally {
    await srv.close();
  }

  const w = Math.max(4, ...rows.map((r) => r.page.length));
  console.log(`${'page'.padEnd(w)}  perf.  a11y  b.pr.   seo   time`);
  for (const r of rows) {
    const runs = r.perfs && r.perfs.length ? `  (performance of the ${r.perfs.length} runs, with the machine's BenchmarkIndex: ${r.perfs.join(', ')})` : '';
    console.log(`${r.page.padEnd(w)}  ${CATEGORIES.map((c) => fmt(r.scores[c])).join(' ')}  ${r.seconds.toFixed(0).padStart(4)} s${runs}`);
  }
  for (const r of rows) for (const pr of r.problems) console.log(`  ${r.page}: ${pr}`);
  console.log(`lighthouse: ${rows.length} pages, the median of ${RUNS} runs each, minimum ${MIN}: ${failed ? 'FAIL' : 'OK'} (reports in ${opts.out})`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`lighthouse.mjs: ${(err && err.stack) || err}`);
  process.exit(2);
});
