// Reminders page: offers Web Push on browsers that have it. The service worker shows a fixed, content-free text.
(function () {
  var box = document.getElementById("push-setup");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window)) {
    return;
  }
  box.hidden = false;
  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function bytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      out[i] = raw.charCodeAt(i);
    }
    return out;
  }
  var status = document.getElementById("push-status");
  document.getElementById("push-subscribe").addEventListener("click", function () {
    navigator.serviceWorker.register("/js/reminder-sw.js")
      .then(function (registration) {
        return registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: bytes(box.getAttribute("data-key"))
        });
      })
      .then(function (subscription) {
        return fetch("/api/v1/me/push-subscriptions", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-XSRF-TOKEN": csrf() },
          body: JSON.stringify(subscription.toJSON())
        });
      })
      .then(function (response) {
        status.textContent = response.ok ? box.getAttribute("data-done") : box.getAttribute("data-refused");
      })
      .catch(function () {
        status.textContent = box.getAttribute("data-refused");
      });
  });
})();
