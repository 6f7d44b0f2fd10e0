// Photos of bleeds logged offline (docs/diary.md): the file is kept in IndexedDB, keyed by the entry's client UUID
// (which becomes the bleed's id), while the entry waits in diary.js's queue. After POST /api/v1/diary/sync stores the
// bleed, the photo goes to the bleed's photo endpoint. The patient sees each photo waiting, sent (and when), or why it
// could not be sent; the bleed is kept either way. At most MAX_BYTES of photos wait on the phone.
(function () {
  "use strict";
  var DB = "hemonet-diary";
  var STORE = "photos";
  var MAX_BYTES = 20 * 1024 * 1024;
  var KEEP_SENT_MS = 3 * 24 * 3600 * 1000;

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // runs fn(store) in one transaction; resolves with what fn's last request gave once the transaction is complete
  function inStore(mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result;
        var request = fn(tx.objectStore(STORE));
        if (request) { request.onsuccess = function () { result = request.result; }; }
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onabort = tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return inStore("readonly", function (store) { return store.getAll(); }).then(function (r) { return r || []; });
  }

  function update(id, changes) {
    return inStore("readwrite", function (store) {
      var get = store.get(id);
      get.onsuccess = function () {
        if (!get.result) { return; }
        Object.keys(changes).forEach(function (k) { get.result[k] = changes[k]; });
        store.put(get.result);
      };
      return null;
    });
  }

  function remove(id) {
    return inStore("readwrite", function (store) { return store.delete(id); });
  }

  function waitingBytes(records) {
    return records.reduce(function (sum, r) { return sum + (r.blob ? r.size : 0); }, 0);
  }

  // keeps a photo for a queued bleed; rejects with "full" when it would pass MAX_BYTES
  function keep(entry, file) {
    return all().then(function (records) {
      if (waitingBytes(records) + file.size > MAX_BYTES) { throw new Error("full"); }
      var record = {
        id: entry.id, patientId: entry.patientId, startedAt: entry.bleed ? entry.bleed.startedAt : null,
        blob: file, type: file.type || "application/octet-stream", size: file.size,
        state: "waiting", queuedAt: new Date().toISOString(), sentAt: null, reason: null
      };
      return inStore("readwrite", function (store) { return store.put(record); });
    });
  }

  function idsOf(entries) {
    return (entries || []).map(function (e) { return e.id; });
  }

  // the batch was stored: its bleeds' photos can go now
  function afterSync(entries) {
    var ids = idsOf(entries);
    return all().then(function (records) {
      return Promise.all(records.filter(function (r) { return r.state === "waiting" && ids.indexOf(r.id) >= 0; })
        .map(function (r) { return update(r.id, { state: "ready" }); }));
    }).then(upload).catch(function () { /* no IndexedDB: nothing was kept */ });
  }

  // the batch was refused (nothing stored): its photos have no bleed to go to
  function afterRejected(entries) {
    var ids = idsOf(entries);
    return all().then(function (records) {
      return Promise.all(records.filter(function (r) { return r.state === "waiting" && ids.indexOf(r.id) >= 0; })
        .map(function (r) { return update(r.id, { state: "not-saved", blob: null }); }));
    }).then(render).catch(function () { /* no IndexedDB */ });
  }

  function send(record) {
    return fetch("/api/v1/patients/" + record.patientId + "/bleeds/" + record.id + "/photo", {
      method: "POST", credentials: "same-origin", body: record.blob,
      headers: { "Content-Type": record.type, "Accept": "application/json", "X-XSRF-TOKEN": csrf() }
    }).then(function (response) {
      if (response.status === 201) {
        return update(record.id, { state: "sent", sentAt: new Date().toISOString(), blob: null });
      }
      if (response.status === 400 || response.status === 404 || response.status === 413) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          return update(record.id, { state: "failed", blob: null, reason: problem && problem.detail || null });
        });
      }
      return null; // signed out, server trouble: try again later
    }, function () { return null; /* offline again: try again later */ });
  }

  // sends every photo whose bleed is stored, one after another (a phone's connection is slow)
  function upload() {
    if (!navigator.onLine) { return render(); }
    return all().then(function (records) {
      return records.filter(function (r) { return r.state === "ready"; })
        .reduce(function (chain, r) { return chain.then(function () { return send(r); }); }, Promise.resolve());
    }).then(render, render);
  }

  function format(iso) {
    if (!iso) { return ""; }
    return new Date(iso).toLocaleString(document.documentElement.lang || "en-GB",
      { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  }

  function fill(template, value) {
    return (template || "").replace("{0}", value);
  }

  function render() {
    var panel = document.getElementById("photo-queue");
    if (!panel) { return Promise.resolve(); }
    return all().then(function (records) {
      var now = Date.now();
      var stale = records.filter(function (r) { return r.state === "sent" && now - Date.parse(r.sentAt) > KEEP_SENT_MS; });
      stale.forEach(function (r) { remove(r.id); });
      var shown = records.filter(function (r) {
        return r.patientId === panel.getAttribute("data-patient") && stale.indexOf(r) < 0;
      }).sort(function (a, b) { return a.queuedAt < b.queuedAt ? 1 : -1; });
      var list = panel.querySelector(".photo-queue-list");
      list.textContent = "";
      shown.forEach(function (r) {
        var item = document.createElement("li");
        item.className = "photo-queue-item " + r.state;
        item.setAttribute("data-entry", r.id);
        var what = document.createElement("strong");
        what.textContent = fill(panel.getAttribute("data-bleed-of"), format(r.startedAt));
        var state = document.createElement("span");
        state.className = "photo-state";
        if (r.state === "sent") {
          state.textContent = fill(panel.getAttribute("data-sent"), format(r.sentAt));
        } else if (r.state === "failed") {
          state.textContent = fill(panel.getAttribute("data-failed"),
            r.reason || panel.getAttribute("data-failed-generic"));
        } else if (r.state === "not-saved") {
          state.textContent = panel.getAttribute("data-not-saved");
        } else {
          state.textContent = panel.getAttribute("data-waiting");
        }
        item.appendChild(what);
        item.appendChild(state);
        if (r.state === "sent" || r.state === "failed" || r.state === "not-saved") {
          var dismiss = document.createElement("button");
          dismiss.type = "button";
          dismiss.className = "button photo-dismiss";
          dismiss.textContent = panel.getAttribute("data-dismiss");
          dismiss.addEventListener("click", function () { remove(r.id).then(render); });
          item.appendChild(dismiss);
        }
        list.appendChild(item);
      });
      panel.hidden = shown.length === 0;
    }).catch(function () { panel.hidden = true; });
  }

  window.hemonetDiaryPhotos = {
    keep: keep, afterSync: afterSync, afterRejected: afterRejected, upload: upload, render: render
  };
})();
