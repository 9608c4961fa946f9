/* The article pages' reader tools: "Cite this passage" (a paragraph or a selection, by its printed
 * page) and "As printed" (the text as the journal printed it).
 *
 * Everything comes from the build: each paragraph's printed pages (data-first-page,
 * data-last-page, written by scripts/edition/render.py from the page markers), the page
 * markers themselves (a.page-start[data-page]), each emendation's printed reading
 * (data-original), each footnote mark's printed citation (sup[data-printed], written by
 * scripts/bibliography/citations.py) and the article's reference with a place for the pages
 * (#passage-citation, scripts/bibliography/passage.py). The address of a passage is the page's
 * own, as the reader has it: a build publishes no address of the edition of its own.
 * Without this script the page reads as before. First-party, no dependencies.
 */
(function () {
  "use strict";

  var STORE = "edition.as-printed"; // localStorage: "1" while the reader wants the printed text
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(STORE) === "1"; } catch (error) { return false; }
  }

  function store(on) {
    try {
      if (on) window.localStorage.setItem(STORE, "1");
      else window.localStorage.removeItem(STORE);
    } catch (error) { /* private mode: the choice lasts for this page only */ }
  }

  var paragraphs = document.querySelectorAll(".md-content p.article-paragraph[data-first-page]");

  // An element of the tools, with its class and, if given, its text.
  function element(tag, className, text) {
    var made = document.createElement(tag);
    made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  // A button that only runs a script (type "button": it never submits anything).
  function makeButton(className, text) {
    var made = element("button", className, text);
    made.type = "button";
    return made;
  }
  var status = null; // the live region that announces what the tools did

  function announce(message) {
    if (!status) {
      status = element("p", "reader-tools-status");
      status.setAttribute("role", "status");
      (document.querySelector(".md-content") || document.body).appendChild(status);
    }
    status.textContent = "";
    // a fresh text after a moment, so that the same message said twice is read twice
    setTimeout(function () { status.textContent = message; }, 50);
  }

  /* ---- As printed. */

  var edited = new WeakMap(); // element → the edited content it showed before the swap

  function showPrinted(on) {
    root.classList.toggle("as-printed", on);
    document.querySelectorAll(".md-content .emendation[data-original]").forEach(function (emendation) {
      if (on && !edited.has(emendation)) {
        var kept = document.createDocumentFragment();
        while (emendation.firstChild) kept.appendChild(emendation.firstChild);
        edited.set(emendation, kept);
        emendation.textContent = emendation.getAttribute("data-original");
      } else if (!on && edited.has(emendation)) {
        emendation.textContent = "";
        emendation.appendChild(edited.get(emendation));
        edited.delete(emendation);
      }
    });
    document.querySelectorAll(".md-content sup[data-printed] > a.footnote-ref").forEach(function (mark) {
      if (on && !edited.has(mark)) {
        edited.set(mark, mark.textContent);
        mark.textContent = mark.parentNode.getAttribute("data-printed");
      } else if (!on && edited.has(mark)) {
        mark.textContent = edited.get(mark);
        edited.delete(mark);
      }
    });
    if (switcher) switcher.setAttribute("aria-pressed", on ? "true" : "false");
  }

  var switcher = null;
  if (paragraphs.length) {
    switcher = makeButton("as-printed-switch", "As printed");
    switcher.title = "Show the text as the journal printed it: the printed readings in place of the editors' "
      + "corrections, and the authors' numbered citations";
    switcher.setAttribute("aria-pressed", "false");
    var bar = document.querySelector(".md-content .edition-downloads");
    if (!bar) {
      bar = element("div", "edition-downloads");
      var inner = document.querySelector(".md-content__inner");
      if (inner) inner.insertBefore(bar, inner.firstChild);
    }
    bar.insertBefore(switcher, bar.firstChild);
    switcher.addEventListener("click", function () {
      var on = switcher.getAttribute("aria-pressed") !== "true";
      showPrinted(on);
      store(on);
      announce(on ? "Showing the text as printed: the printed readings and the authors' numbered citations."
                  : "Showing the edited text, with the editors' corrections and note numbers.");
    });
  }
  // The class on <html> on every page, so that printing any page follows the reader's choice.
  if (stored()) showPrinted(true);

  /* ---- Cite this passage. */

  var data = document.getElementById("passage-citation");
  if (!data || !paragraphs.length) return;

  function pagesLabel(first, last) {
    return first === last ? "p.\u00a0" + first : "pp.\u00a0" + first + "\u2013" + last;
  }

  // Chicago's inclusive numbers (CMOS 9.61), as scripts/bibliography/article.py writes them.
  function chicagoPages(first, last) {
    if (first === last) return first;
    var start = parseInt(first, 10);
    if (start < 100 || start % 100 === 0 || first.length !== last.length) return first + "\u2013" + last;
    var keep = start % 100 < 10 ? 1 : 2;
    var common = 0;
    while (common < first.length - keep && first[common] === last[common]) common += 1;
    return first + "\u2013" + last.slice(common);
  }

  function address(fragment) {
    return window.location.href.split("#")[0] + "#" + fragment;
  }

  // The printed page in force at (node, offset) inside `paragraph`: the last page marker before
  // that point, or the page the paragraph opens on.
  function pageAt(paragraph, node, offset) {
    var page = paragraph.getAttribute("data-first-page");
    var point = document.createRange();
    point.setStart(node, offset);
    paragraph.querySelectorAll("a.page-start[data-page]").forEach(function (marker) {
      if (point.comparePoint(marker, 0) <= 0) page = marker.getAttribute("data-page");
    });
    return page;
  }

  function cleanText(range) {
    var copy = range.cloneContents();
    copy.querySelectorAll(".page-start, sup, .cite-passage").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // A text fragment (#:~:text=) for the words: the whole of a short quotation, else its first
  // and last four words, so that the address stays short and survives a page marker between.
  function textFragment(text) {
    function part(words) {
      return encodeURIComponent(words).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
    }
    var words = text.split(" ");
    if (words.length <= 8) return ":~:text=" + part(text);
    return ":~:text=" + part(words.slice(0, 4).join(" ")) + "," + part(words.slice(-4).join(" "));
  }

  function citation(first, last) {
    return {
      journal: data.getAttribute("data-journal").replace("{pages}", pagesLabel(first, last)),
      chicago: data.getAttribute("data-chicago").replace("{chicago-pages}", chicagoPages(first, last))
    };
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "reader-tools-copy";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      area.remove();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  var panel = null;
  var opener = null; // the button that opened the panel, to give focus back

  function row(label, text, copyName) {
    var block = element("div", "cite-panel__style");
    var name = element("p", "cite-panel__label", label);
    var body = element("p", "cite-panel__text", text);
    var button = makeButton("cite-panel__copy", "Copy");
    button.setAttribute("aria-label", copyName);
    button.addEventListener("click", function () {
      copy(text).then(function () {
        button.textContent = "Copied";
        announce("Copied: " + label + ".");
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      }, function () {
        announce("The browser did not allow copying; select the text and copy it.");
      });
    });
    block.append(name, body, button);
    return block;
  }

  function close(returnFocus) {
    if (!panel) return;
    panel.remove();
    panel = null;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.removeAttribute("aria-controls"); // the panel is gone
      if (returnFocus) opener.focus();
    }
    opener = null;
  }

  // passage: { paragraph, number, first, last, quotation (or ""), fragment }
  function open(passage, button) {
    close(false);
    var cited = citation(passage.first, passage.last);
    var link = address(passage.fragment);
    var where = "paragraph " + passage.number + ", " + pagesLabel(passage.first, passage.last);
    panel = element("section", "cite-panel");
    panel.id = "cite-panel";
    panel.setAttribute("aria-label", "Cite " + (passage.quotation ? "the selected text" : "this passage"));
    var head = element("p", "cite-panel__head",
                       (passage.quotation ? "Cite the selected text, " : "Cite this passage, ") + where);
    var shut = makeButton("cite-panel__close", "\u00d7");
    shut.setAttribute("aria-label", "Close the citation");
    shut.addEventListener("click", function () { close(true); });
    head.appendChild(shut);
    panel.appendChild(head);
    var quote = passage.quotation ? "\u201c" + passage.quotation + "\u201d " : "";
    panel.appendChild(row("Journal style", quote + cited.journal + " Edition: " + link,
                          "Copy the citation in the journal's style"));
    panel.appendChild(row("Chicago (note)", quote + cited.chicago + " Edition: " + link,
                          "Copy the citation in Chicago style"));
    var linkRow = row("Link to the passage", link, "Copy the link to the passage");
    var body = linkRow.querySelector(".cite-panel__text");
    body.textContent = "";
    var anchor = document.createElement("a");
    anchor.href = link;
    anchor.textContent = link;
    body.appendChild(anchor);
    panel.appendChild(linkRow);
    passage.paragraph.insertAdjacentElement("afterend", panel);
    opener = button;
    if (button) {
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-controls", panel.id);
    }
    panel.querySelector(".cite-panel__copy").focus({ preventScroll: true });
  }

  function number(paragraph) {
    return paragraph.id.replace("par-", "");
  }

  paragraphs.forEach(function (paragraph) {
    var button = makeButton("cite-passage");
    var first = paragraph.getAttribute("data-first-page");
    var last = paragraph.getAttribute("data-last-page");
    button.setAttribute("aria-label", "Cite paragraph " + number(paragraph) + " (" + pagesLabel(first, last) + ")");
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      if (opener === button) { close(true); return; }
      open({ paragraph: paragraph, number: number(paragraph), first: first, last: last, quotation: "",
             fragment: paragraph.id }, button);
    });
    paragraph.appendChild(document.createTextNode(" "));
    paragraph.appendChild(button);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel && panel.contains(document.activeElement)) close(true);
  });

  /* A selection inside the authors' text: a bar at the foot of the screen offers its citation,
     by the page where it begins (and, when it runs on, where it ends). */
  var offer = element("div", "cite-selection");
  offer.hidden = true;
  var offerButton = makeButton("cite-selection__button");
  offer.appendChild(offerButton);
  document.querySelector(".md-content").appendChild(offer);
  var selected = null; // the passage the bar offers

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var paragraph = element && element.closest("p.article-paragraph[data-first-page]");
    return paragraph && paragraph.closest(".md-content") ? paragraph : null;
  }

  function selectedPassage() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var start = paragraphOf(range.startContainer);
    var end = paragraphOf(range.endContainer);
    if (!start || !end) return null;
    var text = cleanText(range);
    if (!text) return null;
    var first = pageAt(start, range.startContainer, range.startOffset);
    var last = pageAt(end, range.endContainer, range.endOffset);
    return { paragraph: start, number: number(start), first: first, last: last, quotation: text,
             fragment: start.id + textFragment(text) };
  }

  var pending = 0;
  document.addEventListener("selectionchange", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var passage = selectedPassage();
      if (!passage) { offer.hidden = true; selected = null; return; }
      selected = passage;
      offerButton.textContent = "Cite the selection (" + pagesLabel(passage.first, passage.last) + ")";
      offer.hidden = false;
    }, 200);
  });

  offerButton.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the selection
  offerButton.addEventListener("click", function () {
    if (!selected) return;
    offer.hidden = true;
    open(selected, null);
  });
})();
