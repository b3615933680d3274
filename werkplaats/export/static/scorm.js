/* werkplaats: SCORM 1.2 bridge of an exported module. Loaded BEFORE werkplaats.js.
 *
 * Finds the LMS's API the standard way (up the parent windows, then the opener). Without an LMS it does nothing and
 * the page is a plain page. With one, the LMS is the only store of the learner's work:
 * - window.__wpStorage: an in-memory Storage (getItem, setItem, removeItem, key, length, clear) that werkplaats.js
 *   uses instead of localStorage; `localStorage` itself points to it too, so nothing of one learner stays in the
 *   browser for the next. It is restored from cmi.suspend_data at LMSInitialize and written back on every change
 *   (compact: "1:" + JSON in which an object whose keys share a prefix carries it once under "^"; at most 4096
 *   characters, long texts cut with a notice on the page, whole entries dropped last).
 * - cmi.core.lesson_location: the id of the section the learner is reading; a relaunch scrolls back to it.
 * - cmi.core.exit "suspend" until the quiz is passed. lesson_status: "incomplete" on a first launch only.
 * - On `wp:graded` from the module's quiz (the form with a pass mark; werkplaats.js dispatches it with detail
 *   {score, max, percent, passed}): score.raw in percent and passed/failed by the pass mark. The best result stands
 *   unless <html data-wp-attempts="last">. One cmi.interactions entry per question, read from the form.
 * - Links that leave the page open in a new tab, so the SCO is never navigated away.
 */
(function () {
  "use strict";
  var MAX = 4096;
  var root = document.documentElement;
  var last = root.getAttribute("data-wp-attempts") === "last";
  var en = /^en/i.test(root.lang || "");
  var api = null, finished = false, started = Date.now(), timer = 0, written = null;
  var data = Object.create(null), keys = [];

  function findApi(win) {
    for (var i = 0; win && i < 8; i++) {
      try {
        if (win.API) return win.API;
      } catch (e) { return null; }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function call(name, a, b) {
    try { return String(api[name](a === undefined ? "" : a, b)); } catch (e) { return ""; }
  }
  var get = function (k) { return call("LMSGetValue", k); };
  var set = function (k, v) { return call("LMSSetValue", k, String(v)); };
  function commitSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () { call("LMSCommit"); }, 800);
  }

  /* -- the learner's state, kept by the LMS ----------------------------------------------------------------- */
  function prefix(a, b) {
    var n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return a.slice(0, n);
  }
  function pack(v) {
    if (Array.isArray(v)) return v.map(pack);
    if (!v || typeof v !== "object") return v;
    var ks = Object.keys(v), p = ks.length > 1 ? ks.reduce(prefix) : "", out = {};
    if (p.length < 4) p = "";
    if (p) out["^"] = p;
    ks.forEach(function (k) { out[k.slice(p.length)] = pack(v[k]); });
    return out;
  }
  function unpack(v) {
    if (Array.isArray(v)) return v.map(unpack);
    if (!v || typeof v !== "object") return v;
    var p = typeof v["^"] === "string" ? v["^"] : "", out = {};
    Object.keys(v).forEach(function (k) { if (!(p && k === "^")) out[p + k] = unpack(v[k]); });
    return out;
  }
  function cut(v, n, hit) { // every text longer than n characters shortened (essays), noting which were
    if (typeof v === "string") {
      if (v.length <= n) return v;
      hit.push(v);
      return v.slice(0, n) + " [\u2026]";
    }
    if (Array.isArray(v)) return v.map(function (x) { return cut(x, n, hit); });
    if (!v || typeof v !== "object") return v;
    var out = {};
    Object.keys(v).forEach(function (k) { out[k] = cut(v[k], n, hit); });
    return out;
  }
  function encode() {
    var state = {}, hit = [], n = 1000, s;
    keys.forEach(function (k) {
      try { state[k] = JSON.parse(data[k]); } catch (e) { state["!" + k] = data[k]; }
    });
    s = "1:" + JSON.stringify(pack(state));
    while (s.length > MAX && n >= 25) {
      hit = [];
      s = "1:" + JSON.stringify(pack(cut(state, n, hit)));
      n = Math.floor(n * 0.7);
    }
    // Still too long: drop whole entries, the self-checks and visits before the module's quiz.
    var quiz = document.querySelector("form.wp-quiz[data-pass-mark]:not([data-pass-mark=''])");
    var mine = quiz ? quiz.getAttribute("data-wp-quiz") : "\u0000";
    var order = Object.keys(state).sort(function (a, b) { return (a.indexOf(mine) >= 0) - (b.indexOf(mine) >= 0); });
    while (s.length > MAX && order.length) {
      delete state[order.shift()];
      hit = [];
      s = "1:" + JSON.stringify(pack(cut(state, 25, hit)));
    }
    notice(hit);
    return s;
  }
  function decode(s) {
    if (typeof s !== "string" || s.slice(0, 2) !== "1:") return;
    var state;
    try { state = unpack(JSON.parse(s.slice(2))); } catch (e) { return; }
    if (!state || typeof state !== "object" || Array.isArray(state)) return;
    Object.keys(state).forEach(function (k) {
      if (k.length > 300) return;
      if (k[0] === "!") {
        if (typeof state[k] === "string") put(k.slice(1), state[k]);
      } else if (state[k] !== undefined) {
        put(k, JSON.stringify(state[k]));
      }
    });
  }
  function put(k, v) {
    if (!(k in data)) keys.push(k);
    data[k] = v;
  }
  function changed() {
    if (!api || finished) return;
    var s = encode();
    if (s !== written && set("cmi.suspend_data", s) === "true") {
      written = s;
      commitSoon();
    }
  }
  var store = {
    get length() { return keys.length; },
    key: function (i) { return i >= 0 && i < keys.length ? keys[i] : null; },
    getItem: function (k) { k = String(k); return k in data ? data[k] : null; },
    setItem: function (k, v) {
      k = String(k); v = String(v);
      if (data[k] !== v) { put(k, v); changed(); }
    },
    removeItem: function (k) {
      k = String(k);
      if (!(k in data)) return;
      delete data[k];
      keys.splice(keys.indexOf(k), 1);
      changed();
    },
    clear: function () { data = Object.create(null); keys = []; changed(); }
  };

  var notes = [];
  function notice(hit) { // under each text that the LMS keeps only in part
    notes.forEach(function (p) { p.remove(); });
    notes = [];
    document.querySelectorAll("textarea").forEach(function (area) {
      if (hit.indexOf(area.value) < 0 || !area.parentNode) return;
      var p = document.createElement("p");
      p.className = "wp-help wp-scorm-note";
      p.setAttribute("role", "status");
      p.textContent = en ? "Note: the learning environment keeps only the start of this long answer."
        : "Let op: de leeromgeving bewaart alleen het begin van dit lange antwoord.";
      area.parentNode.after(p);
      notes.push(p);
    });
  }

  /* -- where the learner is ---------------------------------------------------------------------------------- */
  var place = "", looking = 0;
  function where() {
    looking = 0;
    var here = "";
    document.querySelectorAll("article section[id]").forEach(function (s) {
      if (s.getBoundingClientRect().top < innerHeight / 3) here = s.id;
    });
    if (here && here !== place) {
      place = here;
      set("cmi.core.lesson_location", here);
      commitSoon();
    }
  }
  function goBack(id) {
    var target = id && !location.hash && document.getElementById(id);
    if (target) target.scrollIntoView();
  }

  /* -- the quiz result and its interactions ------------------------------------------------------------------ */
  var letter = function (i) { i = +i; return i >= 0 && i < 26 ? String.fromCharCode(97 + i) : String(i); };
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(d) { return pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()); }
  function timespan(ms) { // CMITimespan HHHH:MM:SS
    var s = Math.max(0, Math.round(ms / 1000));
    return pad(Math.min(9999, Math.floor(s / 3600))) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  }
  function keyOf(q) {
    try { return JSON.parse(q.querySelector(".wp-answer").getAttribute("data-key")) || {}; } catch (e) { return {}; }
  }
  function interaction(q) {
    var type = q.getAttribute("data-type"), key = keyOf(q), text = q.querySelector("input[type=text],textarea");
    var picked = Array.prototype.map.call(q.querySelectorAll("input:checked"), function (i) { return i.value; });
    var selects = Array.prototype.slice.call(q.querySelectorAll("select"));
    var kind, response, pattern;
    if (type === "single" || type === "multiple") {
      kind = "choice";
      response = picked.map(letter).join(",");
      pattern = (key.correct || []).map(letter).join(",");
    } else if (type === "truefalse") {
      kind = "true-false";
      response = picked.length ? picked[0].charAt(0) : "";
      pattern = String(key.answer).charAt(0);
    } else if (type === "fill") {
      kind = "fill-in";
      response = text ? text.value : "";
      pattern = (key.answers || [""])[0];
    } else if (type === "matching") {
      kind = "matching";
      response = selects.filter(function (s) { return s.value !== ""; }).map(function (s) {
        return (+s.getAttribute("data-left") + 1) + "." + letter(s.value);
      }).join(",");
      pattern = (key.pairs || []).map(function (r, l) { return (l + 1) + "." + letter(r); }).join(",");
    } else if (type === "ordering") {
      kind = "sequencing";
      response = selects.filter(function (s) { return s.value !== ""; }).sort(function (a, b) {
        return a.value - b.value;
      }).map(function (s) { return letter(s.getAttribute("data-item")); }).join(",");
      pattern = (key.order || []).map(letter).join(",");
    } else {
      kind = "performance";
      response = text ? text.value : "";
    }
    var state = q.getAttribute("data-result");
    return { id: q.getAttribute("data-qid") || q.id, type: kind, response: response.slice(0, 255),
      pattern: pattern === undefined ? null : String(pattern).slice(0, 255),
      result: kind === "performance" ? "neutral" : state === "correct" ? "correct" : "wrong",
      weighting: +q.getAttribute("data-points") || 0 };
  }
  function journal(form) {
    var now = clock(new Date());
    form.querySelectorAll(".wp-question").forEach(function (q) {
      var it = interaction(q), n = parseInt(get("cmi.interactions._count"), 10) || 0, p = "cmi.interactions." + n;
      if (set(p + ".id", it.id.replace(/\s+/g, "_")) !== "true") return;
      set(p + ".type", it.type);
      set(p + ".time", now);
      set(p + ".weighting", it.weighting);
      if (it.pattern !== null) set(p + ".correct_responses.0.pattern", it.pattern);
      set(p + ".student_response", it.response);
      set(p + ".result", it.result);
    });
  }
  function onGraded(event) {
    var form = event.target;
    if (!api || finished || !form || !form.matches || !form.matches("form.wp-quiz")) return;
    var mark = parseFloat(form.getAttribute("data-pass-mark") || "");
    if (!isFinite(mark)) return; // a self-check, not the module's quiz
    var d = event.detail || {}, percent = Number(d.percent);
    if (!isFinite(percent)) percent = Number(d.max) > 0 ? (100 * Number(d.score)) / Number(d.max) : 0;
    percent = Math.round(Math.max(0, Math.min(100, percent)) * 100) / 100;
    var status = percent >= mark ? "passed" : "failed";
    var before = get("cmi.core.lesson_status"), best = parseFloat(get("cmi.core.score.raw"));
    if (!last && isFinite(best) && best > percent) percent = best;
    if (!last && before === "passed") status = "passed";
    journal(form);
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", String(percent));
    set("cmi.core.lesson_status", status);
    set("cmi.core.exit", status === "passed" ? "" : "suspend");
    call("LMSCommit");
  }

  function finish() {
    if (!api || finished) return;
    changed();
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    call("LMSCommit");
    call("LMSFinish");
  }

  function start() {
    var found = findApi(window);
    try { found = found || (window.opener && findApi(window.opener)) || (top.opener && findApi(top.opener)); }
    catch (e) { /* another origin */ }
    if (!found) return;
    api = found;
    if (call("LMSInitialize") !== "true") { api = null; return; }
    decode(get("cmi.suspend_data"));
    written = get("cmi.suspend_data");
    window.__wpStorage = store;
    try { Object.defineProperty(window, "localStorage", { configurable: true, get: function () { return store; } }); }
    catch (e) { /* werkplaats.js uses __wpStorage anyway */ }
    var status = get("cmi.core.lesson_status");
    if (["passed", "completed", "failed", "incomplete"].indexOf(status) < 0) set("cmi.core.lesson_status", "incomplete");
    set("cmi.core.exit", status === "passed" ? "" : "suspend");
    call("LMSCommit");
    place = get("cmi.core.lesson_location");
    root.setAttribute("data-wp-scorm", "connected");
    document.addEventListener("wp:graded", onGraded);
    addEventListener("scroll", function () { looking = looking || setTimeout(where, 400); }, { passive: true });
    addEventListener("load", function () { goBack(place); });
    addEventListener("pagehide", finish);
    addEventListener("beforeunload", finish);
  }

  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[href]");
    if (a && a.getAttribute("href").charAt(0) !== "#") {
      a.target = "_blank";
      a.rel = "noopener";
    }
  }, true);
  start();
})();
