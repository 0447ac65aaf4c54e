// Before Sveltia CMS starts: its interface's language, chosen.
//
// With no language chosen in its settings ("auto"), Sveltia CMS 0.221.1
// takes the browser's, and when that language's file cannot be fetched
// (it comes from unpkg.com) it asks for it again without end, hundreds of
// times a second. With the same language chosen, a failed fetch is tried
// at most three times and the CMS goes on in English. So, when none is
// chosen, the browser's first language that the CMS speaks is written as
// the chosen one, in the preferences the CMS reads at start. English needs
// no file and is left alone. tools/checks/cms.spec.mjs checks the result in Chromium.
(function () {
  "use strict";
  var key = "sveltia-cms.prefs";
  var speaks = "ar bg ca cs da de el en-CA en-GB en-US es-CO fa fi fr hr it ja ko nl pl pt-BR pt-PT ru sv tr uk vi zh-CN zh-TW".split(" ");
  try {
    var prefs = JSON.parse(localStorage.getItem(key) || "{}") || {};
    if (prefs.locale && prefs.locale !== "auto") { return; }
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < langs.length; i++) {
      var l = String(langs[i] || "");
      var found = speaks.indexOf(l) >= 0 ? l : speaks.indexOf(l.split("-")[0]) >= 0 ? l.split("-")[0] : "";
      if (found) {
        if (found.indexOf("en") !== 0) {
          prefs.locale = found;
          localStorage.setItem(key, JSON.stringify(prefs));
        }
        return;
      }
    }
  } catch (e) {
    // No storage (a private window that refuses it): the CMS starts as it would.
  }
})();
