// Hemonet's service worker for reminders and new messages: pushes carry no payload, so the text is fixed and says
// nothing clinical; the home page shows what it is (today's dose, unread messages, reminders).
self.addEventListener("push", function (event) {
  event.waitUntil(self.registration.showNotification("Hemonet", {
    body: "You have a reminder or a message from your centre", tag: "hemonet-reminder", data: { url: "/" }
  }));
});
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow((event.notification.data && event.notification.data.url) || "/"));
});
