// cartrial: a little progressive JavaScript. The pages work without it; with it, the CRS and
// ICANS forms show the grade as it is typed (graded by the server, which records nothing).
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
  document.addEventListener("DOMContentLoaded", function () {
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
