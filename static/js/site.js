// Progressive enhancement, loaded with defer: the site works without it.
// 1. On the timeline, the filter form (hidden without JavaScript) filters
//    the events in place and keeps the choice in the URL (?country=fr&kind=fine).
// 2. On an event page, a button copies the permalink.
(function () {
  "use strict";
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
        for (var k in want) { if (li.dataset[k] !== want[k]) { ok = false; } }
        li.hidden = !ok;
        if (ok) { shown++; }
      });
      years.forEach(function (y) { y.hidden = !y.querySelector("li.event:not([hidden])"); });
      if (status) {
        var lang = document.documentElement.lang;
        var one = window.Intl && Intl.PluralRules && new Intl.PluralRules(lang).select(shown) === "one" && status.dataset.templateOne;
        var n = window.Intl ? new Intl.NumberFormat(lang).format(shown) : String(shown);
        status.textContent = (one || status.dataset.template).replace("{n}", n);
      }
      if (push) {
        var q = params.toString();
        history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
      }
    };
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && s.querySelector('option[value="' + CSS.escape(v) + '"]')) { s.value = v; }
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply(false);
  }
  var link = document.querySelector(".permalink a");
  if (link && navigator.clipboard) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = link.parentNode.dataset.copy;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(function () {
        b.textContent = link.parentNode.dataset.copied;
      });
    });
    link.parentNode.appendChild(b);
  }
})();
