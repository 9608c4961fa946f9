/* Glossary popovers: the short definition of a marked term in the article, shown on hover,
 * on keyboard focus and on tap, with a link to the term's glossary entry.
 *
 * Each term is a plain link to its entry (`a.glossary-term`), described for screen readers by
 * its definition (`aria-describedby`, in the page's hidden `.glossary-definitions` block), so
 * everything works without this script. The script adds the visible popover. On a touch screen
 * the first tap on a term opens the popover instead of following the link (the popover holds
 * the link); a second tap on the same term follows it. First-party, no dependencies.
 */
(function () {
  "use strict";

  var SHOW_DELAY = 120; // ms a mouse rests on a term before its definition opens
  var HIDE_DELAY = 300; // ms allowed to move the mouse from the term into the popover
  var popover = null;
  var current = null; // the term whose definition is open
  var showTimer = 0;
  var hideTimer = 0;
  var tap = null; // the touch or pen press in progress: { term, wasOpen }

  function termOf(target) {
    return target && target.closest ? target.closest("a.glossary-term") : null;
  }

  function inPopover(target) {
    return Boolean(popover && target && popover.contains(target));
  }

  function definitionOf(term) {
    return document.getElementById(term.getAttribute("aria-describedby") || "");
  }

  function build() {
    popover = document.createElement("div");
    popover.className = "glossary-popover";
    popover.hidden = true;
    // What the popover says is already the term's accessible description, and its link is the
    // term's own link: it is for the eyes and for taps, so assistive technology skips it.
    popover.setAttribute("aria-hidden", "true");
    var name = document.createElement("p");
    name.className = "glossary-popover__name";
    var text = document.createElement("p");
    text.className = "glossary-popover__definition";
    var link = document.createElement("a");
    link.className = "glossary-popover__link";
    link.tabIndex = -1;
    link.textContent = "Glossary entry \u2192";
    popover.append(name, text, link);
    document.body.appendChild(popover);
  }

  function show(term) {
    var definition = definitionOf(term);
    if (!definition) return;
    if (!popover) build();
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    var entry = definition.closest(".glossary-definitions__entry");
    var source = entry && entry.querySelector(".glossary-definitions__name");
    var name = popover.querySelector(".glossary-popover__name");
    name.textContent = source ? source.textContent : term.textContent;
    if (source && source.lang) name.lang = source.lang;
    else name.removeAttribute("lang");
    popover.querySelector(".glossary-popover__definition").textContent = definition.textContent;
    popover.querySelector(".glossary-popover__link").href = term.href;
    if (current && current !== term) current.classList.remove("glossary-term--open");
    current = term;
    term.classList.add("glossary-term--open");
    popover.hidden = false;
    place(term);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    if (current) current.classList.remove("glossary-term--open");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  /* Below the term's first line, or above it when there is no room below; kept inside the
   * viewport's width on narrow screens. */
  function place(term) {
    var line = term.getClientRects()[0] || term.getBoundingClientRect();
    var margin = 8;
    var gap = 6;
    popover.style.left = "0px";
    popover.style.top = "0px";
    var width = popover.offsetWidth;
    var height = popover.offsetHeight;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(margin, Math.min(line.left, viewport - width - margin));
    var top = line.bottom + gap;
    if (top + height > window.innerHeight - margin && line.top - gap - height > margin) {
      top = line.top - gap - height;
    }
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var term = termOf(event.target);
    if (term) {
      clearTimeout(hideTimer);
      if (term !== current) {
        clearTimeout(showTimer);
        showTimer = setTimeout(function () { show(term); }, SHOW_DELAY);
      }
    } else if (inPopover(event.target)) {
      clearTimeout(hideTimer);
    }
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse") return;
    if (!termOf(event.target) && !inPopover(event.target)) return;
    var to = event.relatedTarget;
    if (to && ((current && termOf(to) === current) || inPopover(to))) return;
    clearTimeout(showTimer);
    if (current) hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });

  document.addEventListener("focusout", function (event) {
    if (current && termOf(event.target) === current) hideSoon();
  });

  // Capture phase: note the press before focus moves and before the click.
  document.addEventListener("pointerdown", function (event) {
    var term = termOf(event.target);
    tap = term && event.pointerType !== "mouse"
      ? { term: term, wasOpen: term === current && popover !== null && !popover.hidden }
      : null;
    if (!term && current && !inPopover(event.target)) hide();
  }, true);

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (!term || !tap || tap.term !== term) return;
    var wasOpen = tap.wasOpen;
    tap = null;
    if (!wasOpen) {
      event.preventDefault();
      show(term);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });

  window.addEventListener("resize", function () {
    if (current) place(current);
  });
})();
