// Diary pages (issue 6): the body map sets the site, the pain slider shows its value, and entries made offline are
// kept in localStorage and sent to POST /api/v1/diary/sync (one Idempotency-Key per queued batch) when back online.
// A bleed's photo chosen offline waits in IndexedDB (diary-photos.js) and is sent once the sync stored the bleed.
(function () {
  "use strict";
  var QUEUE = "hemonet.diary.queue";

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  var SENDING = "hemonet.diary.sending";

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)) || null; } catch (e) { return null; }
  }

  function setUpBodyMap() {
    var select = document.getElementById("site");
    if (!select) { return; }
    var sites = document.querySelectorAll(".body-map .site");
    function show(value) {
      sites.forEach(function (s) {
        var on = s.getAttribute("data-site") === value;
        s.classList.toggle("selected", on);
        s.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    sites.forEach(function (s) {
      function pick() { select.value = s.getAttribute("data-site"); show(select.value); }
      s.addEventListener("click", pick);
      s.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    });
    select.addEventListener("change", function () { show(select.value); });
  }

  function setUpPain() {
    var pain = document.getElementById("pain");
    var out = document.getElementById("pain-value");
    if (pain && out) {
      var update = function () { out.textContent = pain.value; };
      pain.addEventListener("input", update);
      update();
    }
  }

  function value(form, name) {
    var field = form.elements[name];
    if (!field || field.value === "") { return null; }
    return field.value;
  }

  function number(form, name) {
    var v = value(form, name);
    return v === null ? null : Number(v);
  }

  function instant(local) {
    return local ? new Date(local).toISOString() : null;
  }

  function entryOf(form) {
    var type = form.getAttribute("data-diary-type");
    var entry = { id: uuid(), type: type, patientId: form.getAttribute("data-patient") };
    if (type === "BLEED") {
      entry.bleed = {
        startedAt: instant(value(form, "startedAt")), site: value(form, "site"), cause: value(form, "cause"),
        pain: number(form, "pain"), jointImmobilising: form.elements.jointImmobilising.checked,
        daysLostSchool: number(form, "daysLostSchool"), daysLostWork: number(form, "daysLostWork"),
        note: value(form, "note")
      };
    } else {
      var reason = value(form, "reason");
      entry.infusion = {
        administeredAt: instant(value(form, "administeredAt")), productId: value(form, "productId"),
        batchNumber: value(form, "batchNumber"), doseIu: number(form, "doseIu"), reason: reason,
        bleedId: reason === "BLEED" ? value(form, "bleedId") : null, givenBy: value(form, "givenBy")
      };
    }
    return entry;
  }

  // entries go into an open batch; a batch being sent is never changed, so its key always goes with one body
  function queue(entry) {
    var batch = load(QUEUE) || { key: uuid(), entries: [] };
    batch.entries.push(entry);
    localStorage.setItem(QUEUE, JSON.stringify(batch));
  }

  // what the server warns about entries made offline (a recalled batch, aPCC beside emicizumab) is shown on the page
  // the sync goes back to, so it is read even though the entry was made without a connection
  var WARNINGS = "hemonet.diary.syncWarnings";
  function keepWarnings(response) {
    return response.clone().json().then(function (result) {
      var all = [];
      (result.entries || []).forEach(function (e) { (e.warnings || []).forEach(function (w) { all.push(w); }); });
      if (all.length) { sessionStorage.setItem(WARNINGS, JSON.stringify(all)); }
    }).catch(function () { /* no body: nothing to warn about */ });
  }
  function showKeptWarnings() {
    var kept = sessionStorage.getItem(WARNINGS);
    var el = document.getElementById("diary-sync-warnings");
    if (!kept || !el) { return; }
    sessionStorage.removeItem(WARNINGS);
    JSON.parse(kept).forEach(function (w) {
      var p = document.createElement("p");
      p.textContent = w;
      el.appendChild(p);
    });
    el.hidden = false;
  }

  function status(text) {
    var el = document.getElementById("diary-queue-status");
    if (el && text) { el.textContent = text; el.hidden = false; }
  }

  var photos = window.hemonetDiaryPhotos;

  function flush() {
    if (!navigator.onLine) { return; }
    var batch = load(SENDING);
    if (!batch) {
      batch = load(QUEUE);
      if (!batch || !batch.entries.length) { if (photos) { photos.upload(); } return; }
      localStorage.setItem(SENDING, JSON.stringify(batch));
      localStorage.removeItem(QUEUE);
    }
    fetch("/api/v1/diary/sync", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-XSRF-TOKEN": csrf(), "Idempotency-Key": batch.key },
      body: JSON.stringify({ entries: batch.entries })
    }).then(function (response) {
      if (response.status === 200 || response.status === 400 || response.status === 422) {
        localStorage.removeItem(SENDING);
        var stored = response.status === 200;
        var warned = stored ? keepWarnings(response) : Promise.resolve();
        // the bleeds are stored (or refused): their photos go (or are given up) before the page changes
        var photosDone = photos ? (stored ? photos.afterSync(batch.entries) : photos.afterRejected(batch.entries))
          : Promise.resolve();
        Promise.all([warned, photosDone]).then(function () {
          if (load(QUEUE)) { flush(); return; }
          var form = document.querySelector(".diary-form");
          var back = form ? form.getAttribute("data-back") : null;
          if (stored) {
            window.location.assign((back || window.location.pathname + window.location.search).split("&saved")[0]);
          } else {
            status("Some entries kept on this phone could not be saved; please enter them again.");
          }
        });
      }
    }).catch(function () { /* still offline: keep the queue */ });
  }

  function setUpOffline() {
    var form = document.querySelector(".diary-form");
    if (form) {
      form.addEventListener("submit", function (event) {
        // corrections need the server (they name the version they correct); only new entries wait on the phone
        if (navigator.onLine || form.getAttribute("data-edit") === "true") { return; }
        event.preventDefault();
        var entry = entryOf(form);
        var photo = form.elements.photo;
        var file = photo && photo.files && photo.files[0];
        var full = document.getElementById("photo-queue-full");
        var notKept = document.getElementById("photo-queue-not-kept");
        if (full) { full.hidden = true; }
        if (notKept) { notKept.hidden = true; }
        var saved = function () {
          queue(entry);
          var note = document.getElementById("diary-offline");
          if (note) { note.hidden = false; }
          if (photos) { photos.render(); }
        };
        if (!file || !photos) { saved(); return; }
        // the photo is kept first, so the entry never goes without a photo it had
        photos.keep(entry, file).then(saved, function (problem) {
          if (problem && problem.message === "full" && full) {
            full.hidden = false; // nothing saved yet: the patient chooses to save without the photo
            full.setAttribute("role", "alert"); // set when shown, so hidden notices are not alerts
            full.scrollIntoView({ block: "center" });
          } else {
            saved(); // this browser cannot keep files: the bleed still waits, without the photo
            if (notKept) { notKept.hidden = false; notKept.setAttribute("role", "alert"); }
          }
        });
      });
      var drop = document.getElementById("photo-queue-drop");
      if (drop) {
        drop.addEventListener("click", function () {
          form.elements.photo.value = "";
          document.getElementById("photo-queue-full").hidden = true;
          form.requestSubmit();
        });
      }
    }
    if (photos) { photos.render(); }
    window.addEventListener("online", flush);
    flush();
  }

  // a photo over 5 MB is refused here, before a long upload on a phone's connection (the server checks again)
  function setUpPhoto() {
    var photo = document.getElementById("photo");
    if (!photo) { return; }
    photo.addEventListener("change", function () {
      var file = photo.files && photo.files[0];
      photo.setCustomValidity(file && file.size > 5 * 1024 * 1024 ? photo.getAttribute("data-too-big") || "Too big" : "");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPhoto();
    setUpBodyMap();
    setUpPain();
    setUpOffline();
    showKeptWarnings();
  });
})();
