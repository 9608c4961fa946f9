/* The search index and the search worker load when the reader first opens the search, not with
   every page. Material's bundle fetches search/search_index.json (58 KB gzip) and starts its
   worker (12 KB gzip) as soon as a page loads, whether the reader searches or not. Here the
   index request is held back, and the worker made, on the first sign of a search: the search
   box focused or pressed, or its toggle set (the header's magnifier, the keys "s" and "/"),
   or a page opened from a search result (its address has "h="): Material marks the words
   found on it with the index's settings, so it needs the index there.
   The price is paid by the first search only: on a throttled phone it waits for the download
   and for lunr to build its index (scripts/benchmark.py --search-only measures how long). Runs before Material's bundle (scripts/hooks/assets.py). */
(function () {
  var INDEX = /\/search\/search_index\.json(?:$|\?)/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var wanted;
  var opened = new Promise(function (resolve) { wanted = resolve; });

  if (new URL(location.href).searchParams.get("h")) wanted();

  function watch() {
    var toggle = document.getElementById("__search");
    var search = document.querySelector(".md-search");
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) wanted(); });
    if (search) {
      ["focusin", "pointerdown", "keydown"].forEach(function (type) { search.addEventListener(type, wanted); });
    }
    if (!toggle && !search) wanted(); /* a page without Material's search box: nothing to wait for */
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();

  /* the index: Material asks for it with XMLHttpRequest */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.__searchIndex) return send.apply(this, arguments);
    var request = this, args = arguments;
    opened.then(function () { send.apply(request, args); });
  };

  /* the worker: made when the search is first opened, while the index downloads */
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    if (!WORKER.test(String(url))) return new RealWorker(url, options);
    var target = new EventTarget();
    var worker = null;
    function start() {
      if (worker) return;
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        target.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      worker.addEventListener("error", function (event) {
        target.dispatchEvent(new ErrorEvent("error", { message: event.message }));
      });
    }
    opened.then(start);
    target.postMessage = function () {
      start();
      return worker.postMessage.apply(worker, arguments);
    };
    target.terminate = function () { if (worker) worker.terminate(); };
    return target;
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;
})();
