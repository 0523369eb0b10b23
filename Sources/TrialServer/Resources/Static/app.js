// cartrial: a little progressive JavaScript. The pages work without it; with it, the CRS and
// ICANS forms show the grade as it is typed (graded by the server, which records nothing), and a
// record's note form takes the text selected on the page.
(function () {
  "use strict";
  function grade(form) {
    var out = form.querySelector(".live-grade");
    var token = form.querySelector("input[name=csrf]");
    if (!out || !token) { return; }
    var body = new URLSearchParams(new FormData(form));
    body.delete("csrf");
    body.delete("idempotencyKey");
    fetch(form.getAttribute("data-live"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token.value, "Accept": "application/json" },
      body: body.toString(),
      credentials: "same-origin"
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (answer) { out.textContent = answer.text; } })
      .catch(function () { out.textContent = ""; });
  }
  // A simulation job's page: its progress polled from the API; the page reloads when it ends.
  function pollJob(section) {
    var bar = document.getElementById("job-progress");
    var text = document.getElementById("job-progress-text");
    var status = document.getElementById("job-status");
    fetch(section.getAttribute("data-job"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        bar.value = job.progress.finishedTrials;
        text.textContent = job.progress.finishedTrials + " of " + job.progress.totalTrials + " trials";
        status.textContent = job.status;
        if (job.status === "queued" || job.status === "running") {
          setTimeout(function () { pollJob(section); }, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(function () { pollJob(section); }, 3000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var job = document.querySelector("[data-job]");
    if (job) {
      var state = job.getAttribute("data-status");
      if (state === "queued" || state === "running") { setTimeout(function () { pollJob(job); }, 1000); }
    }
    // A record's page: keep the text selected on the page as a private note.
    var fromSelection = document.getElementById("note-from-selection");
    if (fromSelection) {
      fromSelection.hidden = false;
      fromSelection.addEventListener("click", function () {
        var selected = String(window.getSelection ? window.getSelection() : "").trim();
        if (selected) { document.getElementById("note-text").value = selected.slice(0, 4000); }
      });
    }
    var forms = document.querySelectorAll("form[data-live]");
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        var timer = null;
        form.addEventListener("input", function () {
          clearTimeout(timer);
          timer = setTimeout(function () { grade(form); }, 250);
        });
      })(forms[i]);
    }
  });
})();
