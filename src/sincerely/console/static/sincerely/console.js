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
