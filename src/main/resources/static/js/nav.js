// Phone navigation (roles with many nav items): the "Menu" button shows and hides the list below 720 px.
// Without JavaScript the button stays hidden and the whole list is shown, so every page stays reachable.
// Loaded right after the <nav> (not deferred) so the list is collapsed before the first paint.
(function () {
  "use strict";
  var button = document.getElementById("nav-toggle");
  var nav = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!nav) {
    return;
  }

  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("nav-collapsed", !open);
  }

  set(false);
  button.hidden = false;
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu and puts the focus back on the button
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true"
        && window.getComputedStyle(button).display !== "none") {
      set(false);
      button.focus();
    }
  });
})();
