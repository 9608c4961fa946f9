/* Highlighting, on the page a search result opens, the words the search found without their
   accents. The index holds a folded copy of every accented word (scripts/hooks/search_folding.py),
   so "diaz" finds the page with "Díaz"; but Material marks on that page only what matches the
   query letter for letter (the "h" parameter of the address), and "Díaz" would stay unmarked.
   Each part of a word whose unaccented form holds a query word is added to "h", before
   Material's bundle reads the address (scripts/hooks/assets.py runs this script first). */
(function () {
  var url = new URL(location.href);
  var query = url.searchParams.get("h");
  var content = document.querySelector(".md-content");
  if (!query || !content) return;

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  var terms = fold(query).split(/[\s\-]+/).filter(function (term) { return term.length > 0; });
  var found = new Set();
  (content.textContent.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
    if (/^[\x00-\x7f]*$/.test(word)) return; // Material marks plain words itself
    // each character's folded form, to find where a match in the folded word lies in the word
    var characters = Array.from(word);
    var folded = characters.map(fold);
    var whole = folded.join("");
    terms.forEach(function (term) {
      var at = whole.indexOf(term);
      if (at < 0) return;
      var start = 0, position = 0;
      while (position + folded[start].length <= at) position += folded[start++].length;
      var end = start, length = 0;
      while (length < term.length + (at - position)) length += folded[end++].length;
      found.add(characters.slice(start, end).join(""));
    });
  });
  if (!found.size) return;
  url.searchParams.set("h", [query].concat(Array.from(found)).join(" "));
  history.replaceState(history.state, "", url);
})();
