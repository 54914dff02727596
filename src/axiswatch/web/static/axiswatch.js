// axiswatch workbench: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Reader: outline every piece of the mark that the location hash names.
  function highlight(ref) {
    document.querySelectorAll("mark.active").forEach(function (m) {
      m.classList.remove("active");
    });
    if (!ref) { return; }
    document.querySelectorAll("mark[data-refs]").forEach(function (m) {
      if (m.dataset.refs.split(" ").indexOf(ref) !== -1) { m.classList.add("active"); }
    });
  }

  function fromHash() {
    highlight(decodeURIComponent(window.location.hash.slice(1)));
  }

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);

  // Filter forms: leave empty fields out of the address.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("filters")) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "") { el.disabled = true; }
    });
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
    }, 0);
  });

  // Review: accept or reject an event through the API, with the write token typed once
  // per tab. The widgets stay hidden without this script (the CLI does the same job).
  var TOKEN_KEY = "axiswatch-write-token";

  function tokenField() { return document.getElementById("review-token"); }

  function setup() {
    var widgets = document.querySelectorAll(".review[data-event]");
    if (!widgets.length) { return; }
    document.querySelectorAll(".review-token").forEach(function (p) { p.hidden = false; });
    var field = tokenField();
    if (field) {
      field.value = window.sessionStorage.getItem(TOKEN_KEY) || "";
      field.addEventListener("change", function () {
        window.sessionStorage.setItem(TOKEN_KEY, field.value);
      });
    }
    widgets.forEach(function (w) { w.hidden = false; });
    document.querySelectorAll("form.review-edit").forEach(function (f) { f.hidden = false; });
  }

  function post(eventId, body, message, done) {
    var field = tokenField();
    var token = field ? field.value.trim() : "";
    var headers = { "Content-Type": "application/json" };
    if (token) { headers.Authorization = "Bearer " + token; }
    body.reviewer = "workbench";
    message.textContent = "saving…";
    fetch("/api/events/" + encodeURIComponent(eventId) + "/review", {
      method: "POST",
      headers: headers,
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, body: json }; });
    }).then(function (result) {
      if (!result.ok) {
        message.textContent = (result.body.error && result.body.error.message) || "refused";
        return;
      }
      message.textContent = "saved";
      done(result.body);
    }).catch(function () { message.textContent = "the server did not answer"; });
  }

  function send(widget, action) {
    var status = widget.querySelector("[data-role=status]");
    post(widget.dataset.event, { action: action }, widget.querySelector("[data-role=message]"),
      function (body) {
        var now = body.event.review;
        status.textContent = now;
        status.className = "review-status rv-" + now;
      });
  }

  // The correction form sends only the fields that were changed.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("review-edit")) { return; }
    event.preventDefault();
    var changes = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value !== el.defaultValue && !(el.tagName === "SELECT" &&
          el.options[el.selectedIndex].defaultSelected)) {
        changes[el.name] = el.value.trim();
      }
    });
    var message = form.querySelector("[data-role=message]");
    if (!Object.keys(changes).length) { message.textContent = "nothing changed"; return; }
    post(form.dataset.event, { action: "edit", changes: changes }, message, function () {
      window.location.reload();
    });
  });

  // Ingest: each chosen file, or the pasted text, is posted to /api/ingest with the token;
  // nothing is stored when the server refuses (the message says why).
  function ingestOne(token, body, label, list) {
    var item = document.createElement("li");
    item.textContent = label + ": sending…";
    list.appendChild(item);
    var headers = { Authorization: "Bearer " + token };
    if (typeof body === "string") { headers["Content-Type"] = "application/json"; }
    return fetch("/api/ingest", { method: "POST", headers: headers, body: body })
      .then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, body: json }; });
      }).then(function (result) {
        item.textContent = "";
        if (!result.ok) {
          item.className = "refused";
          item.textContent = label + ": " + ((result.body.error && result.body.error.message) || "refused");
          return;
        }
        var doc = result.body.documents[0];
        if (!doc.document_id) {
          item.className = "refused";
          item.textContent = label + ": " + doc.status + " — " + (doc.reason || "not stored");
          return;
        }
        var link = document.createElement("a");
        link.href = "/documents/" + encodeURIComponent(doc.document_id);
        link.textContent = doc.title || label;
        item.className = "stored";
        item.appendChild(document.createTextNode(label + ": " + doc.status + " — "));
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + (doc.events || 0) + " events)"));
      }).catch(function () { item.textContent = label + ": the server did not answer"; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "ingest-form") { return; }
    event.preventDefault();
    var token = document.getElementById("ingest-token").value.trim();
    var files = document.getElementById("ingest-files").files;
    var text = document.getElementById("ingest-text").value;
    var title = document.getElementById("ingest-title").value.trim();
    var published = document.getElementById("ingest-published").value;
    var message = document.getElementById("ingest-message");
    var list = document.getElementById("ingest-results");
    if (!files.length && !text.trim()) { message.textContent = "choose files or paste a text"; return; }
    message.textContent = "";
    var sending = [];
    Array.prototype.forEach.call(files, function (file) {
      var body = new FormData();
      body.append("file", file, file.name);
      sending.push(ingestOne(token, body, file.name, list));
    });
    if (text.trim()) {
      var posted = { text: text };
      if (title) { posted.title = title; }
      if (published) { posted.published = published; }
      sending.push(ingestOne(token, JSON.stringify(posted), title || "pasted text", list));
    }
    Promise.all(sending).then(function () { message.textContent = "done"; });
  });

  document.addEventListener("DOMContentLoaded", setup);
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".review button[data-action]") : null;
    if (!button) { return; }
    send(button.closest(".review"), button.dataset.action);
  });
})();
