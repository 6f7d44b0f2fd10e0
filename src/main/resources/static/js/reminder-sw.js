// Hemonet's service worker for reminders: pushes carry no payload, so the text is fixed and says nothing clinical.
self.addEventListener("push", function (event) {
  event.waitUntil(self.registration.showNotification("Hemonet", {
    body: "You have a reminder from your centre", tag: "hemonet-reminder", data: { url: "/reminders" }
  }));
});
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow((event.notification.data && event.notification.data.url) || "/reminders"));
});
