/* The query as a reader types it, rewritten before it reaches Material's search worker (lunr).
   Runs before Material's bundle, which makes the worker (scripts/hooks/assets.py puts it there).

   - Hyphens: lunr reads "-word" as "must not contain", so "six-year term" would leave out every
     page with "year", the sexenio entry among them. The index splits words at hyphens (the
     `separator` in mkdocs.yml); the query gets the same split.
   - Function words, English and Spanish: Material makes every word a prefix ("de" matches
     "democracy" and "defense"), so "Sistema de la Integración Centroamericana" put first the
     sections that matched only "de" and "la". They are left out, unless the query has nothing
     else (benchmark/search-queries.yml measures the effect; scripts/benchmark.py --search-only).
   - Acronyms: a word typed in capitals ("PAN", "TPS") is looked for as a whole word, not as
     the beginning of longer ones ("Panama").
   - Misspellings: each word of six letters or more is also looked for one letter off
     (lunr's "word~1"), so "sandanista" finds the Sandinistas.
   - A printed page: "p. 174", "pp. 174", "page 174" or "página 174" becomes the word that
     scripts/hooks/search_boosts.py puts in the section where that printed page begins. */
(function () {
  var QUERY = 2; /* SearchMessageType.QUERY in Material's search worker protocol */
  var STOP_WORDS = new Set((
    /* English (lunr's own list, the common part) */
    "a an and are as at be but by for from has have in into is it its of on or that the their " +
    "these this to was were which with " +
    /* Spanish */
    "al con de del el en la las lo los para por que se su sus un una unas unos y e o u"
  ).split(" "));
  var ACRONYM = /^\p{Lu}{2,}$/u;
  var PAGE = /^\s*(?:p|pp|page|pag|pág|página|pagina)\.?\s*(\d{3})\s*$/i;

  function rewrite(query) {
    var page = query.match(PAGE);
    if (page) return "printedpage" + page[1];
    query = query.replace(/([\p{L}\p{N}])[-\u2010\u2011\u2013](?=[\p{L}\p{N}])/gu, "$1 ");
    if (/["+\-~^:*]/.test(query)) return query; /* the reader's own lunr syntax: left as typed */
    var words = query.split(/\s+/).filter(function (word) { return word.length > 0; });
    var kept = words.filter(function (word) { return !STOP_WORDS.has(word.toLowerCase()); });
    if (!kept.length) return query;
    var fuzzy = kept.filter(function (word) { return /^\p{L}{6,}$/u.test(word) && !ACRONYM.test(word); })
      .map(function (word) { return word + "~1"; });
    /* "^1" (a boost of one, which changes nothing) keeps Material from adding its "*" */
    return kept.map(function (word) { return ACRONYM.test(word) ? word + "^1" : word; }).concat(fuzzy).join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, { data: rewrite(message.data) });
    }
    return post.apply(this, arguments);
  };
})();
