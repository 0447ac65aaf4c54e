// After the CMS's edits (cms.spec.mjs, a dependency of this project): every file they saved,
// all together, put into a copy of the content, passes gen check -strict.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { contentFiles, entries, genCheck, SAVED } from './cms-files.mjs';

test('gen check -strict passes on everything the CMS saved', () => {
  const files = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[path.relative(SAVED, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  if (fs.existsSync(SAVED)) walk(SAVED);
  // Both files of every entry, unless CMS_MATCH chose some.
  const all = entries(contentFiles()).filter((p) => !process.env.CMS_MATCH || new RegExp(process.env.CMS_MATCH).test(p));
  expect(Object.keys(files).length, `the files saved in ${SAVED}`).toBe(2 * all.length);
  const check = genCheck(files);
  expect(check.ok, `gen check -strict refuses what the CMS saved:\n${check.out}`).toBe(true);
});
