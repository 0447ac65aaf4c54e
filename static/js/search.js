// The search page, a module loaded by it alone: the site's Pagefind index
// (written into /pagefind/ by make build), searched in the page's language
// as the reader types. Without JavaScript, the page lists the facets.
const form = document.getElementById("search");
if (form) {
  const input = form.querySelector("input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const lang = document.documentElement.lang;
  document.getElementById("search-nojs").hidden = true;
  const words = (key, n, q) => (form.dataset[key] || "").replace("{n}", String(n)).replace("{q}", q);
  let index = null;
  const load = () => (index = index || import("/pagefind/pagefind.js").then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  }));
  // An excerpt is text with <mark> around the words found: it is rebuilt
  // as text and mark elements, never parsed as HTML.
  const excerpt = (s) => {
    const p = document.createElement("p");
    p.className = "excerpt";
    s.split(/(<mark>[^<]*<\/mark>)/).forEach((part) => {
      const m = /^<mark>([^<]*)<\/mark>$/.exec(part);
      const text = (m ? m[1] : part).replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      if (m) { const mk = document.createElement("mark"); mk.textContent = text; p.appendChild(mk); } else { p.appendChild(document.createTextNode(text)); }
    });
    return p;
  };
  let asked = 0;
  const show = async (q, push) => {
    const ask = ++asked;
    q = q.trim();
    if (push) { history.replaceState(null, "", location.pathname + (q ? "?q=" + encodeURIComponent(q) : "")); }
    if (!q) { list.replaceChildren(); status.textContent = ""; return; }
    let pf;
    try { pf = await load(); } catch (e) { status.textContent = form.dataset.unavailable; return; }
    const found = await pf.search(q);
    const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    if (ask !== asked) { return; } // a later search is under way
    const n = found.results.length;
    const one = window.Intl && new Intl.PluralRules(lang).select(n) === "one";
    status.textContent = n === 0 ? words("none", n, q) : words(one ? "one" : "other", n, q);
    list.replaceChildren(...data.map((d) => {
      const li = document.createElement("li");
      const h = document.createElement("h2");
      const a = document.createElement("a");
      a.href = d.url;
      a.textContent = d.meta.title || d.url;
      h.appendChild(a);
      li.appendChild(h);
      const facts = [d.meta.date, d.meta.authority, d.meta.kind].filter(Boolean);
      if (facts.length) { const m = document.createElement("p"); m.className = "meta"; m.textContent = facts.join(" · "); li.appendChild(m); }
      li.appendChild(excerpt(d.excerpt));
      return li;
    }));
  };
  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => show(input.value, true), 150); });
  form.addEventListener("submit", (e) => { e.preventDefault(); show(input.value, true); });
  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(q, false); }
}
