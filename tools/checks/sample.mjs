// Which pages the browser checks see in every configuration, and which in the first alone.
//
// A page's kind is the first segment of its path once the language's prefix is taken off
// (evenements, en/events, pays, a-propos; index.html and 404.html for the files at a language's
// root). TestPageKinds (gen/internal/site) holds the generator to what this relies on: the pages
// of a kind are rendered by one template, no page has a style of its own (no style attribute,
// no <style>), and every page links the same stylesheets. So two pages of a kind differ in
// their words and in the elements and classes their content puts in that template, and in
// nothing the stylesheet could draw otherwise.
//
// In each kind, the pages to check in every configuration are chosen until every element, and
// every element with each of its classes that the stylesheets name (p, a.tag, li.event,
// li.kind-fine …), found on a page of that kind is on one of them: the page with the most not
// yet covered first, then the next, as a greedy set cover does. (A class no stylesheet names
// draws nothing of its own.) A kind of one page is that page. Every other page is checked in
// the first configuration (375 px, light), with axe-core's rules but its colour ones, which
// judge what the stylesheet draws, and which the chosen pages pass in every configuration;
// with reflow and the charts at 375 and 320 px; and with the CSP, console and requests watched
// as everywhere.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

// The languages after the first, whose pages are under /<code>/.
export function prefixes(root) {
  const site = YAML.parse(fs.readFileSync(path.join(root, 'content', 'data', 'site.yaml'), 'utf8'));
  return (site.languages || []).slice(1);
}

// kindOf gives the kind of a page from its file under the site (en/events/x/index.html →
// en/events, index.html → index.html).
export function kindOf(rel, langs) {
  const parts = rel.split('/');
  if (parts.length > 1 && langs.includes(parts[0])) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

// The class names a stylesheet's selectors name.
export function styledClasses(css) {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/url\([^)]*\)/g, '').replace(/\{[^{}]*\}/g, '{}');
  return new Set([...bare.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]));
}

// What a page's HTML is made of: each element's name, and the name with each of its classes
// that styled has.
export function parts(html, styled) {
  const out = new Set();
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/g)) {
    out.add(m[1]);
    const c = /\sclass=(?:"([^"]*)"|([^\s">]+))/.exec(m[2]);
    if (c) for (const name of (c[1] ?? c[2]).trim().split(/\s+/)) if (styled.has(name)) out.add(`${m[1]}.${name}`);
  }
  return out;
}

// everyConfig returns the files (site-relative) to check in every configuration among pages
// ({rel}), with the HTML each has as read(rel), the languages after the first and the classes
// the stylesheets name.
export function everyConfig(pages, read, langs, styled) {
  const kinds = new Map();
  for (const p of pages) {
    const k = kindOf(p.rel, langs);
    if (!kinds.has(k)) kinds.set(k, []);
    kinds.get(k).push({ rel: p.rel, parts: parts(read(p.rel), styled) });
  }
  const chosen = new Set();
  for (const list of kinds.values()) {
    const left = new Set(list.flatMap((p) => [...p.parts]));
    while (left.size > 0) {
      let best = null;
      let most = 0;
      for (const p of list) {
        let n = 0;
        for (const x of p.parts) if (left.has(x)) n++;
        if (n > most) { most = n; best = p; }
      }
      chosen.add(best.rel);
      for (const x of best.parts) left.delete(x);
    }
  }
  return chosen;
}
