// The CMS at /admin/ (gen/internal/cms), without a browser: its script is the pinned package's,
// and every configuration the generator writes is valid by the JSON schema that the pinned
// @sveltia/cms ships (schema/sveltia-cms.json, draft-07), read with ajv.
//
// usage: node --test tools/cms.test.mjs   (make cms-check runs it)
//   CMS_CONFIGS  more configuration files to validate, separated by ":" (make cms-check gives
//                the built site's admin/config.yml and the test one); the goldens of
//                gen/internal/cms/testdata are always validated.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import YAML from 'yaml';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PKG = path.join(ROOT, 'tools', 'node_modules', '@sveltia', 'cms');
const pin = JSON.parse(fs.readFileSync(path.join(ROOT, 'tools', 'package.json'), 'utf8')).dependencies['@sveltia/cms'];

test('tools/package.json pins @sveltia/cms at an exact version, the one installed', () => {
  assert.match(pin, /^\d+\.\d+\.\d+$/);
  assert.equal(JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version, pin);
});

test('static/admin/sveltia-cms.js is the pinned package\'s script, byte for byte (make cms-update)', () => {
  const served = fs.readFileSync(path.join(ROOT, 'static', 'admin', 'sveltia-cms.js'));
  const pinned = fs.readFileSync(path.join(PKG, 'dist', 'sveltia-cms.js'));
  assert.ok(served.equals(pinned), `static/admin/sveltia-cms.js (${served.length} bytes) is not @sveltia/cms ${pin}'s dist/sveltia-cms.js (${pinned.length} bytes): run make cms-update`);
});

// The validator of the package's schema. ajv's strict mode, a check of how a schema is
// written, is off: the package's schema does not pass it (a "required" property defined in
// another branch of an anyOf), and its own keywords for editors (markdownDescription,
// deprecationMessage) are annotations. Format "regex" is checked as a JavaScript regular
// expression, as the CMS compiles the patterns.
function validator() {
  const schema = JSON.parse(fs.readFileSync(path.join(PKG, 'schema', 'sveltia-cms.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s) => URL.canParse(s));
  ajv.addFormat('regex', (s) => {
    try { new RegExp(s); return true; } catch { return false; }
  });
  return ajv.compile(schema);
}

const configs = [
  ...fs.readdirSync(path.join(ROOT, 'gen', 'internal', 'cms', 'testdata')).filter((f) => f.endsWith('.yml'))
    .map((f) => path.join(ROOT, 'gen', 'internal', 'cms', 'testdata', f)),
  ...(process.env.CMS_CONFIGS || '').split(':').filter(Boolean).map((f) => path.resolve(f)),
];

test('the configurations are valid by the pinned package\'s JSON schema', () => {
  const validate = validator();
  assert.ok(configs.length >= 3, `only ${configs.length} configurations`);
  for (const file of configs) {
    const config = YAML.parse(fs.readFileSync(file, 'utf8'));
    const ok = validate(config);
    assert.ok(ok, `${path.relative(ROOT, file)}:\n${(validate.errors || []).map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n')}`);
    // Every pattern is a regular expression the CMS can compile, and no field has a default.
    const walk = (v, at) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
      if (!v || typeof v !== 'object') return;
      if (Array.isArray(v.pattern)) assert.doesNotThrow(() => new RegExp(v.pattern[0]), `${file} ${at}.pattern`);
      if (v.widget) assert.ok(!('default' in v), `${file} ${at}: a default`);
      for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(config, '');
  }
});

test('a configuration the schema refuses is refused', () => {
  const validate = validator();
  const broken = [
    (c) => { c.i18n.structure = 'one_file_per_language'; },
    (c) => { c.backend.name = 'git-gateway'; },
    (c) => { c.output.yaml.quote = 'always'; },
    (c) => { delete c.collections[0].folder; },
  ];
  for (const [i, breakIt] of broken.entries()) {
    const config = YAML.parse(fs.readFileSync(configs[0], 'utf8'));
    breakIt(config);
    assert.equal(validate(config), false, `broken configuration ${i + 1} passes`);
  }
});

// The schema lets any widget name through (a custom widget): the names used must be the
// built-in widgets' it defines.
test('every widget is one of the CMS\'s own', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(PKG, 'schema', 'sveltia-cms.json'), 'utf8'));
  const builtIn = new Set();
  for (const def of Object.values(schema.definitions)) {
    const c = def.properties && def.properties.widget && def.properties.widget.const;
    if (c) builtIn.add(c);
  }
  assert.ok(builtIn.has('select') && builtIn.has('relation'), [...builtIn].join());
  for (const file of configs) {
    const walk = (v) => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      if (typeof v.widget === 'string') assert.ok(builtIn.has(v.widget), `${file}: widget ${v.widget} is not one of ${[...builtIn].join(', ')}`);
      Object.values(v).forEach(walk);
    };
    walk(YAML.parse(fs.readFileSync(file, 'utf8')));
  }
});
