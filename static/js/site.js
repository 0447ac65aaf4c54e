// Progressive enhancement, loaded with defer: the site works without it.
// 1. On the timeline, the filter form (hidden without JavaScript) filters
//    the events in place and keeps the choice in the URL (?country=fr&kind=fine).
// 2. Buttons copy the permalink, a citation or the code of an embed.
// 3. The embedded timeline filters itself by the address's parameters.
(function () {
  "use strict";
  // "{n} events shown", in the page's language. Intl.NumberFormat takes tens
  // of milliseconds to make on a phone, and a number under 1 000 needs no
  // grouping: it is only made for larger ones.
  var showCount = function (el, n) {
    var lang = document.documentElement.lang;
    var one = window.Intl && Intl.PluralRules && new Intl.PluralRules(lang).select(n) === "one" && el.dataset.templateOne;
    var num = n < 1000 || !window.Intl ? String(n) : new Intl.NumberFormat(lang).format(n);
    el.textContent = (one || el.dataset.template).replace("{n}", num);
  };
  // An event has a value of a filter when its data attribute names it: an
  // event may have several articles, separated by spaces.
  var has = function (li, k, v) {
    return (" " + (li.dataset[k] || "") + " ").indexOf(" " + v + " ") >= 0;
  };
  var form = document.getElementById("filters");
  if (form) {
    var selects = form.querySelectorAll("select");
    var events = document.querySelectorAll(".timeline li.event");
    var years = document.querySelectorAll(".timeline > li.year");
    var status = document.getElementById("filter-status");
    var apply = function (push) {
      var want = {}, params = new URLSearchParams();
      selects.forEach(function (s) {
        if (s.value) { want[s.name] = s.value; params.set(s.name, s.value); }
      });
      var shown = 0;
      events.forEach(function (li) {
        var ok = true;
        for (var k in want) { if (!has(li, k, want[k])) { ok = false; } }
        li.hidden = !ok;
        if (ok) { shown++; }
      });
      years.forEach(function (y) { y.hidden = !y.querySelector("li.event:not([hidden])"); });
      if (status) { showCount(status, shown); }
      // The page holds only the latest events: the page of the first
      // value chosen has them all.
      var more = document.getElementById("filter-more");
      if (more) {
        var link = more.lastElementChild, chosen = null;
        selects.forEach(function (s) { if (!chosen && s.value) { chosen = s.selectedOptions[0]; } });
        more.hidden = !chosen;
        if (chosen) { link.href = chosen.dataset.url; link.textContent = chosen.textContent; }
      }
      if (push) {
        var q = params.toString();
        history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
      }
    };
    var params = new URLSearchParams(location.search), chosen = false;
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && s.querySelector('option[value="' + CSS.escape(v) + '"]')) { s.value = v; chosen = true; }
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    // Every event shows until a filter is chosen, here by the address.
    if (chosen) { apply(false); }
  }
  // 2. Buttons that copy a permalink, a citation or the code of an embed.
  if (navigator.clipboard) {
    document.querySelectorAll("[data-copy]").forEach(function (box) {
      var what = box.querySelector("a, textarea, code, span");
      if (!what) { return; }
      var b = document.createElement("button");
      b.type = "button";
      b.className = "copy";
      b.textContent = box.dataset.copy;
      b.addEventListener("click", function () {
        var text = what.href || what.value || what.textContent;
        navigator.clipboard.writeText(text).then(function () { b.textContent = box.dataset.copied; });
      });
      box.appendChild(b);
    });
  }
  // 3. The embedded timeline: filtered by the address's parameters, in
  //    this language's words (?pays=fr) or in English (?country=fr); it
  //    tells the page that frames it how tall it is, for a script there
  //    that resizes the frame (see the README).
  var list = document.querySelector(".embed-list");
  if (list) {
    var q = new URLSearchParams(location.search), want = {};
    [["country", "countries"], ["authority", "authorities"], ["kind", "kinds"], ["year", "years"], ["provision", "provisions"]].forEach(function (d) {
      var v = q.get(list.dataset[d[1]]) || q.get(d[0]);
      if (v) { want[d[0]] = v.toLowerCase(); }
    });
    var items = list.querySelectorAll("li"), shown = 0;
    items.forEach(function (li) {
      var ok = true;
      for (var k in want) { if (!has(li, k, want[k])) { ok = false; } }
      li.hidden = !ok;
      if (ok) { shown++; }
    });
    var count = document.getElementById("filter-status");
    if (count) { showCount(count, shown); }
    var tell = function () {
      if (window.parent !== window) {
        // The height of the content, not of the frame: a filtered list
        // shorter than the frame makes it shorter.
        window.parent.postMessage({ timelineHeight: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*");
      }
    };
    tell();
    window.addEventListener("resize", tell);
  }
})();
