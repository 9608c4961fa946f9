/* Hyphenated words in a search query. Material passes the query to lunr, which reads a hyphen
   as "must not contain": "six-year term" would leave out every page that has "year", the
   sexenio entry among them. The index splits words at hyphens (the `separator` in mkdocs.yml),
   so the query gets the same split before it reaches the search worker. Runs before
   Material's bundle, which makes the worker (scripts/hooks/assets.py puts it there). */
(function () {
  var QUERY = 2; /* SearchMessageType.QUERY in Material's search worker protocol */
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, {
        data: message.data.replace(/([\p{L}\p{N}])[-\u2010\u2011\u2013](?=[\p{L}\p{N}])/gu, "$1 ")
      });
    }
    return post.apply(this, arguments);
  };
})();
