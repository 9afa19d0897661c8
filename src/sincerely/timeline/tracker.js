/* Sincerely tracking snippet, served at /t.js.
 *
 * Records page views (URL, title, referrer; the server reads utm_* and gclid / fbclid /
 * msclkid from the URL) under a first-party cookie visitor id, batches them and sends them
 * with navigator.sendBeacon, also when the page is left. Sends nothing at all when the
 * browser says Do Not Track or Global Privacy Control, nor before consent when the tag
 * carries data-require-consent. Never reads form fields, except the one email field a
 * site marks with data-sincerely-identify.
 *
 *   <script src="https://crm.example.com/t.js" async></script>
 *   <script src="https://crm.example.com/t.js" data-require-consent async></script>
 *     … then sincerely.consent(true) once the visitor agrees, sincerely.consent(false) to stop.
 *
 *   <script src="https://crm.example.com/t.js" data-keep-params="id,page" async></script>
 *     … recorded URLs keep only utm_*, gclid, fbclid, msclkid and the parameters listed
 *     here: a form sent with GET puts what was typed into the URL, and that stays out.
 *
 *   sincerely.identify(email)        this visitor is the person with that address
 *   sincerely.track(kind, {…})       a custom event (strings, numbers, booleans)
 *   sincerely.page()                 another page view (single-page applications)
 */
(function () {
  "use strict";
  var w = window, d = document, nav = navigator;
  if (w.sincerely && w.sincerely.loaded) return;
  var script = d.currentScript;
  var base = script && script.src ? script.src : location.href;
  var endpoint = new URL("t/collect", base).href;
  var requireConsent = !!(script && script.hasAttribute("data-require-consent"));
  var VISITOR = "sincerely_vid", CONSENT = "sincerely_consent", YEAR = 60 * 60 * 24 * 395;
  var KEEP = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "gclid", "fbclid", "msclkid"]
    .concat(((script && script.getAttribute("data-keep-params")) || "").split(",")
      .map(function (p) { return p.trim(); }).filter(Boolean));
  var queue = [], timer = null;

  function privacySignal() {
    return nav.globalPrivacyControl === true || nav.doNotTrack === "1" ||
      w.doNotTrack === "1" || nav.msDoNotTrack === "1";
  }
  function readCookie(name) {
    var m = d.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return m ? decodeURIComponent(m[1]) : "";
  }
  function writeCookie(name, value, maxAge) {
    d.cookie = name + "=" + encodeURIComponent(value) + "; Max-Age=" + maxAge +
      "; Path=/; SameSite=Lax" + (location.protocol === "https:" ? "; Secure" : "");
  }
  function allowed() {
    return !privacySignal() && (!requireConsent || readCookie(CONSENT) === "yes");
  }
  function newId() {
    if (w.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var bytes = new Uint8Array(16), out = "";
    crypto.getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) out += ("0" + bytes[i].toString(16)).slice(-2);
    return out;
  }
  function visitorId() {
    var id = readCookie(VISITOR);
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) id = newId();
    writeCookie(VISITOR, id, YEAR);
    return id;
  }
  function cleanUrl(href) {
    try {
      var u = new URL(href, location.href), drop = [];
      u.searchParams.forEach(function (_, key) { if (KEEP.indexOf(key) < 0) drop.push(key); });
      drop.forEach(function (key) { u.searchParams.delete(key); });
      u.hash = "";
      return u.href;
    } catch (e) {
      return "";
    }
  }
  function enqueue(event) {
    if (!allowed()) return;
    event.t = Date.now();
    queue.push(event);
    if (queue.length >= 10) flush();
    else if (!timer) timer = setTimeout(flush, 2000);
  }
  function flush() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (!queue.length) return;
    if (!allowed()) { queue = []; return; }
    var now = Date.now();
    var events = queue.splice(0, queue.length).map(function (e) {
      e.age = Math.max(0, now - e.t);
      delete e.t;
      return e;
    });
    var body = JSON.stringify({ visitor: visitorId(), events: events });
    var sent = false;
    try {
      sent = !!(nav.sendBeacon && nav.sendBeacon(endpoint, new Blob([body], { type: "text/plain" })));
    } catch (e) {
      sent = false;
    }
    if (!sent && w.fetch) {
      fetch(endpoint, {
        method: "POST", body: body, keepalive: true, mode: "no-cors", credentials: "omit",
        headers: { "Content-Type": "text/plain" }
      }).catch(function () {});
    }
  }
  function page() {
    enqueue({
      kind: "page_view", url: cleanUrl(location.href),
      title: (d.title || "").slice(0, 300), referrer: d.referrer ? cleanUrl(d.referrer) : ""
    });
  }
  function identify(email) {
    email = String(email || "").trim();
    if (!email || email.indexOf("@") < 1) return;
    enqueue({ kind: "identify", email: email.slice(0, 254) });
    flush();
  }
  function track(kind, properties) {
    enqueue({ kind: String(kind), url: cleanUrl(location.href), properties: properties || {} });
  }
  function consent(granted) {
    if (granted) {
      var first = readCookie(CONSENT) !== "yes";
      writeCookie(CONSENT, "yes", YEAR);
      if (first) page();
    } else {
      queue = [];
      writeCookie(CONSENT, "", 0);
      writeCookie(VISITOR, "", 0);
    }
  }

  d.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.tagName !== "FORM") return;
    enqueue({
      kind: "form_submit", url: cleanUrl(location.href),
      form: (form.id || form.getAttribute("name") || "").slice(0, 100),
      action: cleanUrl(form.getAttribute("action") || location.href)
    });
    var marked = form.querySelector("[data-sincerely-identify]");
    if (marked && marked.value) identify(marked.value);
    else flush();
  }, true);
  w.addEventListener("pagehide", flush);
  d.addEventListener("visibilitychange", function () {
    if (d.visibilityState === "hidden") flush();
  });

  w.sincerely = { loaded: true, identify: identify, track: track, page: page, consent: consent, flush: flush };

  var params = new URLSearchParams(location.search), sid = params.get("sid");
  page();
  if (sid) {
    enqueue({ kind: "identify", sid: sid.slice(0, 500) });
    flush();
    if (w.history && history.replaceState) {
      params.delete("sid");
      var rest = params.toString();
      history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
    }
  }
})();
