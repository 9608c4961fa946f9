/* The switch between the light and the dark scheme (the palette in mkdocs.yml), in place of
   Material's palette component, which the pages do not start (overrides/partials/palette.html
   leaves out its data-md-component). As it started, after the first paint, Material's component
   added a color-scheme meta to the page and then set it (so that the canvas and the scrollbars
   take the scheme), and removed data-md-color-switching from <body>; Chromium restyled every
   element of the page at each of the three. The canvas and scrollbars now follow the body's
   scheme through the stylesheet (reading.css), with no meta. Without Material's component the
   longest section's load restyles the page whole no time after the first paint, against three
   (30-36 ms of style work at full speed), and on a 4x slower processor its blocking time after
   the first paint fell from 712 to 628 ms and its longest task from 428 to 359 ms
   (scripts/page_trace.py, the two builds in turn, median of nine, 7 December 2026; README.md,
   "What it costs", gives Lighthouse's figures).

   What Material's component did, this does, with Material's markup, stylesheet and stored
   choice (__palette, which Material's own script in the header applies before the first paint):
   - the page opens in the stored scheme, else the system's (scripts/hooks/assets.py,
     FIRST_PAINT_SCRIPT);
   - the switch sets the other scheme, shows the switch back and keeps the choice for every
     page;
   - a phone browser's bar takes the header's colour (the theme-color meta);
   - Enter on the switch switches, as in Material (a radio button answers to the arrow keys);
   - during a switch Material's transitions are off (data-md-color-switching), so that the page
     does not fade from one scheme to the other.
   One difference: until a reader switches, the pages follow the system's setting, also when
   it changes while a page is open. Material stored the scheme of the first page it opened and
   kept it from then on. */
(function () {
  var form = document.querySelector("[data-edition-scheme-switch]");
  // every page has it (scripts/hooks/assets.py stops the build otherwise); an error thrown
  // here would stop the rest of the edition's script, Material's start with it
  if (!form) {
    return;
  }
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var KEYS = ["media", "scheme", "primary", "accent"];

  // a phone browser draws its bar in the header's colour (Material's component did the same)
  var themeColour = document.createElement("meta");
  themeColour.name = "theme-color";
  document.head.appendChild(themeColour);
  function colourTheBrowsersBar() {
    themeColour.content = getComputedStyle(document.querySelector("[data-md-component=header]")).backgroundColor;
  }
  colourTheBrowsersBar();

  function colours(input) {
    var colour = {};
    KEYS.forEach(function (key) { colour[key] = input.getAttribute("data-md-color-" + key); });
    return colour;
  }

  function show(input) {
    var body = document.body;
    body.setAttribute("data-md-color-switching", "");
    var colour = colours(input);
    KEYS.forEach(function (key) { body.setAttribute("data-md-color-" + key, colour[key]); });
    inputs.forEach(function (each) {
      each.checked = each === input;
      var label = each.nextElementSibling;
      if (label instanceof HTMLLabelElement) {
        label.hidden = each !== input;
      }
    });
    colourTheBrowsersBar();
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }

  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () {
      show(input);
      __md_set("__palette", { index: index, color: colours(input) });
    });
    var query = matchMedia(input.getAttribute("data-md-color-media"));
    query.addEventListener("change", function () {
      if (query.matches && !__md_get("__palette")) {
        show(input);
      }
    });
  });

  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") {
      return;
    }
    event.preventDefault();
    var current = inputs.findIndex(function (input) { return input.checked; });
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
