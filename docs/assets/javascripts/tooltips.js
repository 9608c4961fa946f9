/* Material's tooltips and note previews, made to meet WCAG 2.1 (tests/test_keyboard.py and
   tests/test_accessibility.py drive them with keyboard and pointer). */

/* Escape dismisses the tooltip or note preview that is showing (1.4.13: content shown on hover
   or focus must be dismissible without moving pointer or focus). Material shows one while its
   trigger is hovered or focused and has no key to hide it. The dismissed one is only hidden
   (class md-tooltip2--dismissed, assets/stylesheets/accessibility.css): Material removes it when
   the reader leaves the trigger, and the next visit shows a fresh one. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") {
    return
  }
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
    tooltip.classList.add("md-tooltip2--dismissed")
  })
})

/* Material appends each tooltip to <body>, outside every landmark, and a note preview is a
   dialog with no name. As each appears, it moves into <main> (which, like <body>, positions
   nothing, so it shows at the same place) and a preview takes its trigger's name. */
new MutationObserver(function (mutations) {
  var main = document.querySelector("main")
  mutations.forEach(function (mutation) {
    mutation.addedNodes.forEach(function (node) {
      if (!(node instanceof HTMLElement) || !node.classList.contains("md-tooltip2")) {
        return
      }
      if (node.getAttribute("role") === "dialog") {
        var trigger = document.querySelector('[aria-controls="' + node.id + '"]')
        var name = trigger && (trigger.getAttribute("aria-label") || "Note " + trigger.textContent.trim())
        node.setAttribute("aria-label", name || "Note")
      }
      if (main) {
        main.append(node)
      }
    })
  })
}).observe(document.body, { childList: true })
