// Small behaviours pages ask for with data attributes: the Content-Security-Policy allows
// no inline script and no eval, so nothing lives in onchange= or hx-on attributes.
document.addEventListener("change", function (event) {
  var field = event.target.closest ? event.target.closest("[data-autosubmit]") : null;
  if (field && field.form) field.form.submit();
});

// A form marked data-reset-on-success="ID" is cleared after a successful htmx request
// (not one the server retargeted to show an error), and the element ID is emptied.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.target.closest ? event.target.closest("form[data-reset-on-success]") : null;
  if (!form || form !== event.target) return;
  if (!event.detail.successful || event.detail.xhr.getResponseHeader("HX-Retarget")) return;
  form.reset();
  var message = document.getElementById(form.getAttribute("data-reset-on-success"));
  if (message) message.textContent = "";
});

/* The console's menu button on phones; without this script the menu is simply always open. */
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".menu-toggle");
  var nav = document.getElementById("console-nav");
  if (!button || !nav) { return; }
  button.hidden = false;
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("open", open);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("open")) { set(false); button.focus(); }
  });
});
/* A table wider than a phone scrolls sideways: make that region reachable by keyboard. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table (scrolls sideways)");
    }
  });
});
