// Hemonet browser glue: send the CSRF token (from the XSRF-TOKEN cookie) with every htmx request.
document.addEventListener("htmx:configRequest", function (event) {
  var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  if (match) {
    event.detail.headers["X-XSRF-TOKEN"] = decodeURIComponent(match[1]);
  }
});

// Issue 19 (phone and accessibility): a data table that is wider than a phone scrolls inside its own box instead of
// widening the page (CSS does that even without this script); here each such box that really scrolls becomes a
// keyboard stop (tabindex 0) named after its table's caption or the heading before it, so keyboard users can scroll
// it too. Runs on load, after htmx swaps and when the window is resized.
(function () {
  var SCROLLERS = ".table-scroll, .timeline-scroll, .hjhs-scroll, .value-scroll";
  var counter = 0;

  function wrap(table) {
    if (table.closest(SCROLLERS)) {
      return;
    }
    var box = document.createElement("div");
    box.className = "table-scroll";
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  }

  function labelOf(box) {
    var caption = box.querySelector("caption");
    if (caption) {
      return caption;
    }
    var node = box;
    while (node && node !== document.body) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName)) {
          return previous;
        }
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
    }
    return null;
  }

  function mark(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("data-scroll-stop", "");
      var label = labelOf(box);
      if (label) {
        if (!label.id) {
          label.id = "scroll-label-" + ++counter;
        }
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", label.id);
      }
    } else if (!scrolls && box.hasAttribute("data-scroll-stop")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("data-scroll-stop");
      box.removeAttribute("role");
      box.removeAttribute("aria-labelledby");
    }
  }

  // a box can start scrolling after the page is ready (web fonts, images, a card grid settling): each box is marked
  // again whenever its own size or its table's changes, not only on load and resize
  var watcher = typeof ResizeObserver === "function"
    ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var box = entry.target.matches(SCROLLERS) ? entry.target : entry.target.closest(SCROLLERS);
          if (box) {
            mark(box);
          }
        });
      })
    : null;

  function watch(box) {
    if (watcher && !box.hasAttribute("data-scroll-watched")) {
      box.setAttribute("data-scroll-watched", "");
      watcher.observe(box);
      if (box.firstElementChild) {
        watcher.observe(box.firstElementChild);
      }
    }
  }

  function fit(root) {
    (root || document).querySelectorAll("table.data").forEach(wrap);
    document.querySelectorAll(SCROLLERS).forEach(function (box) {
      mark(box);
      watch(box);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { fit(document); });
  window.addEventListener("load", function () { fit(document); });
  document.addEventListener("htmx:afterSettle", function () { fit(document); });
  var pending;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { fit(document); }, 150);
  });
})();
