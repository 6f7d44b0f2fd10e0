// Hemonet browser glue: send the CSRF token (from the XSRF-TOKEN cookie) with every htmx request.
document.addEventListener("htmx:configRequest", function (event) {
  var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  if (match) {
    event.detail.headers["X-XSRF-TOKEN"] = decodeURIComponent(match[1]);
  }
});
