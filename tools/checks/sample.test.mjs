// node --test tools/checks/sample.test.mjs: the choice of the pages checked in every
// configuration (sample.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { kindOf, parts, everyConfig, styledClasses } from './sample.mjs';

test('a page\'s kind is its first segment once the language\'s prefix is taken off', () => {
  assert.equal(kindOf('evenements/x/index.html', ['en']), 'evenements');
  assert.equal(kindOf('en/events/x/index.html', ['en']), 'en/events');
  assert.equal(kindOf('pays/fr/page/2/index.html', ['en']), 'pays');
  assert.equal(kindOf('index.html', ['en']), 'index.html');
  assert.equal(kindOf('en/index.html', ['en']), 'en/index.html');
  assert.equal(kindOf('404.html', ['en']), '404.html');
});

test('the classes a stylesheet names, in its selectors only', () => {
  assert.deepEqual([...styledClasses('/* .no */ a.tag:hover, .list > li { background: url(x.y.svg); margin: .5em } @media (x) { .dark-only { color: #fff } }')].sort(),
    ['dark-only', 'list', 'tag']);
});

test('a page is made of its elements, and of each element with each of its styled classes', () => {
  assert.deepEqual([...parts('<ul class="list  x"><li class=event>a</li><li>b</li></ul><br/>', new Set(['list', 'event']))].sort(),
    ['br', 'li', 'li.event', 'ul', 'ul.list']);
});

test('every part found in a kind is on a page checked in every configuration', () => {
  const html = {
    'e/a/index.html': '<p class="x"></p><p class="unstyled"></p>',
    'e/b/index.html': '<p class="x"></p><table></table>',
    'e/c/index.html': '<p class="x"></p>',
    'e/d/index.html': '<p class="y"></p>',
    'f/index.html': '<p></p>',
    'en/e/a/index.html': '<p class="x"></p>',
  };
  const pages = Object.keys(html).sort().map((rel) => ({ rel }));
  const got = everyConfig(pages, (rel) => html[rel], ['en'], new Set(['x', 'y']));
  assert.deepEqual([...got].sort(), ['e/b/index.html', 'e/d/index.html', 'en/e/a/index.html', 'f/index.html']);
});
