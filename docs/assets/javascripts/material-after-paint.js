/* Material's bundle starts after the page's first paint, not before it. The bundle (34 KB gzip)
   is what draws the search, the note previews, the contents that follow the reading and the
   other tools; the text does not need it. Deferred, a phone fetched and ran it before it drew
   the text: on Lighthouse's simulated phone the longest section's largest paint came at 1.71 s
   with the bundle deferred and at 1.12 s with it started here (scripts/benchmark.py --reader,
   median of three, 2 December 2026; Sphinx's page 0.99 s). The price: Material's setting-up,
   one task of 100-200 ms on a 4x slower processor, now comes after the first paint, where
   Lighthouse counts it as blocking time (48-133 ms in five runs).
   So the page names the bundle (data-material-bundle on the edition's script tag, written by
   scripts/hooks/assets.py), and this, the edition's last script, adds it once the page is
   parsed and the browser has painted it.
   Material starts when it hears DOMContentLoaded (its document$ waits for that event), which
   has passed by then: so its document$ is given the document, as Material does itself after
   each page it loads in place, in the task in which the bundle ran. Given the document in a
   task of its own instead, the longest task of the section's load on a 4x slower processor
   was about 175 ms instead of 260 (scripts/page_trace.py, median of five), but Lighthouse's
   simulated phone counted about three times the blocking time for it (a glossary entry, the
   median of four runs: 150 against 52 ms; the landing page 133 against 61), so it stays one.
   A page that paints nothing (a tab opened in the background) gets the bundle three seconds
   after it has loaded; a browser without paint timing, once the page has loaded. */
(function () {
  var script = document.currentScript;
  var bundle = script && script.getAttribute("data-material-bundle");
  if (!bundle) throw new Error("material-after-paint.js: the page does not name Material's bundle (data-material-bundle)");
  var parsed = false, painted = false, started = false;

  function start() {
    if (started || !parsed || !painted) return;
    started = true;
    var element = document.createElement("script");
    element.src = bundle;
    element.onload = function () { window.document$.next(document); };
    document.body.appendChild(element);
  }
  function onPaint() { painted = true; start(); }

  document.addEventListener("DOMContentLoaded", function () { parsed = true; start(); }, { once: true });
  var paintTiming = window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") >= 0;
  if (paintTiming) {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      onPaint();
    }).observe({ type: "paint", buffered: true });
    window.addEventListener("load", function () { setTimeout(onPaint, 3000); }, { once: true });
  } else {
    window.addEventListener("load", onPaint, { once: true });
  }
})();
