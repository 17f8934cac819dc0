// Citations work without this script (CSS shows the panel a link
// targets). It adds what CSS cannot: focus moves into the panel and back,
// Escape closes it, and each link says whether its panel is open.
(function () {
  "use strict";
  var open = null;

  function sync() {
    if (open) {
      var previous = document.getElementById(open.id.replace(/^ev-/, "cite-"));
      if (previous) previous.setAttribute("aria-expanded", "false");
      open = null;
    }
    var id = decodeURIComponent(location.hash.slice(1));
    var target = /^(ev|cite)-\d+$/.test(id) ? document.getElementById(id) : null;
    if (!target) return;
    if (id.indexOf("cite-") === 0) {
      // Back from a panel (its Close link or Escape): focus the citation.
      target.focus({ preventScroll: true });
      return;
    }
    open = target;
    var cite = document.getElementById(id.replace(/^ev-/, "cite-"));
    if (cite) cite.setAttribute("aria-expanded", "true");
    target.focus({ preventScroll: true });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var cites = document.querySelectorAll("a.cite");
    for (var i = 0; i < cites.length; i++) cites[i].setAttribute("aria-expanded", "false");
    sync();
  });
  window.addEventListener("hashchange", sync);
  document.addEventListener("keydown", function (event) {
    // Changing the hash (not replaceState) is what makes CSS's :target let go.
    if (event.key === "Escape" && open) location.hash = open.id.replace(/^ev-/, "cite-");
  });
})();
