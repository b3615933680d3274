/* werkplaats: the SCORM 1.2 bridge of an exported module, loaded before werkplaats.js; the contract is in the
 * docstring of werkplaats/export/scorm.py. Without an LMS it does nothing. */
(function () {
  "use strict";
  const MAX = 4096, root = document.documentElement, last = root.dataset.wpAttempts === "last";
  const en = /^en/i.test(root.lang), started = Date.now();
  let api = null, done = false, timer = 0, written = null, place = "", looking = 0, notes = [];
  let data = new Map();

  function findApi(w) {
    for (let i = 0; w && i < 8; i++, w = w.parent) {
      try { if (w.API) return w.API; } catch (e) { return null; }
      if (w.parent === w) break;
    }
    return null;
  }
  const call = (f, a = "", b) => { try { return String(api[f](a, b)); } catch (e) { return ""; } };
  const get = k => call("LMSGetValue", k), set = (k, v) => call("LMSSetValue", k, String(v));
  const commitSoon = () => { clearTimeout(timer); timer = setTimeout(() => call("LMSCommit"), 800); };

  /* -- state: "1:" + JSON; an object whose keys share a prefix carries it once under "^" -------------------- */
  const isObj = v => v && typeof v === "object" && !Array.isArray(v);
  const walk = (v, f) => Array.isArray(v) ? v.map(x => walk(x, f)) : isObj(v) ? f(v) : v;
  const common = (a, b) => { let n = 0; while (n < a.length && a[n] === b[n]) n++; return a.slice(0, n); };
  const pack = v => walk(v, o => {
    const ks = Object.keys(o), out = {};
    let p = ks.length > 1 ? ks.reduce(common) : "";
    if (p.length < 4) p = ""; else out["^"] = p;
    for (const k of ks) out[k.slice(p.length)] = pack(o[k]);
    return out;
  });
  const unpack = v => walk(v, o => {
    const p = typeof o["^"] === "string" ? o["^"] : "", out = {};
    for (const k of Object.keys(o)) if (!(p && k === "^")) out[p + k] = unpack(o[k]);
    return out;
  });
  const cut = (v, n, hit) => typeof v === "string" ? (v.length <= n ? v : (hit.push(v), v.slice(0, n) + " [\u2026]"))
    : walk(v, o => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, cut(x, n, hit)])));
  function encode() {
    const state = {};
    for (const [k, v] of data) try { state[k] = JSON.parse(v); } catch (e) { state["!" + k] = v; }
    let hit = [], n = 1000, s = "1:" + JSON.stringify(pack(state));
    const again = m => { hit = []; s = "1:" + JSON.stringify(pack(cut(state, m, hit))); };
    while (s.length > MAX && n >= 25) { again(n); n = Math.floor(n * 0.7); }
    // Still too long: whole entries go, the self-checks and visits before the module's quiz.
    const quiz = document.querySelector("form.wp-quiz:not([data-pass-mark=''])");
    const mine = quiz ? quiz.dataset.wpQuiz : "\0";
    const order = Object.keys(state).sort((a, b) => a.includes(mine) - b.includes(mine));
    while (s.length > MAX && order.length) { delete state[order.shift()]; again(25); }
    notice(hit);
    return s;
  }
  function decode(s) {
    let state;
    try { state = s.startsWith("1:") && unpack(JSON.parse(s.slice(2))); } catch (e) { return; }
    if (!isObj(state)) return;
    for (const [k, v] of Object.entries(state)) {
      if (k.length > 300 || v === undefined) continue;
      if (k[0] !== "!") data.set(k, JSON.stringify(v));
      else if (typeof v === "string") data.set(k.slice(1), v);
    }
  }
  function changed() {
    if (!api || done) return;
    const s = encode();
    if (s !== written && set("cmi.suspend_data", s) === "true") { written = s; commitSoon(); }
  }
  const store = {
    get length() { return data.size; },
    key: i => [...data.keys()][i] ?? null,
    getItem: k => data.get(String(k)) ?? null,
    setItem(k, v) { k = String(k); v = String(v); if (data.get(k) !== v) { data.set(k, v); changed(); } },
    removeItem(k) { if (data.delete(String(k))) changed(); },
    clear() { data = new Map(); changed(); }
  };
  function notice(hit) { // under each answer the LMS keeps only in part
    notes.forEach(p => p.remove());
    notes = [];
    for (const area of document.querySelectorAll("textarea")) {
      if (!hit.includes(area.value) || !area.parentNode) continue;
      const p = Object.assign(document.createElement("p"), { className: "wp-help wp-scorm-note",
        textContent: en ? "Note: the learning environment keeps only the start of this long answer."
          : "Let op: de leeromgeving bewaart alleen het begin van dit lange antwoord." });
      p.setAttribute("role", "status");
      area.parentNode.after(p);
      notes.push(p);
    }
  }

  /* -- where the learner is: the section at the top third of the window ---------------------------------------- */
  function where() {
    looking = 0;
    let here = "";
    for (const s of document.querySelectorAll("article section[id]")) {
      if (s.getBoundingClientRect().top < innerHeight / 3) here = s.id;
    }
    if (here && here !== place) { place = here; set("cmi.core.lesson_location", here); commitSoon(); }
  }

  /* -- the quiz: result and interactions --------------------------------------------------------------------- */
  const letter = i => (+i >= 0 && +i < 26 ? String.fromCharCode(97 + +i) : String(i));
  const pad = n => (n < 10 ? "0" : "") + n;
  const hms = (h, m, s) => pad(h) + ":" + pad(m) + ":" + pad(s);
  function interaction(q) {
    const type = q.dataset.type, text = q.querySelector("input[type=text],textarea");
    const picked = [...q.querySelectorAll("input:checked")].map(i => i.value);
    const chosen = [...q.querySelectorAll("select")].filter(s => s.value !== "");
    let key = {}, kind = "performance", response = text ? text.value : "", pattern;
    try { key = JSON.parse(q.querySelector(".wp-answer").dataset.key) || {}; } catch (e) { /* no key */ }
    if (type === "single" || type === "multiple") {
      kind = "choice";
      response = picked.map(letter).sort().join(",");
      pattern = (key.correct || []).map(letter).join(",");
    } else if (type === "truefalse") {
      kind = "true-false"; response = (picked[0] || "").charAt(0); pattern = String(key.answer).charAt(0);
    } else if (type === "fill") {
      kind = "fill-in"; pattern = (key.answers || [""])[0];
    } else if (type === "matching") {
      kind = "matching";
      response = chosen.map(s => (+s.dataset.left + 1) + "." + letter(s.value)).join(",");
      pattern = (key.pairs || []).map((r, l) => (l + 1) + "." + letter(r)).join(",");
    } else if (type === "ordering") {
      kind = "sequencing";
      response = chosen.sort((a, b) => a.value - b.value).map(s => letter(s.dataset.item)).join(",");
      pattern = (key.order || []).map(letter).join(",");
    }
    return { id: (q.dataset.qid || q.id).replace(/\s+/g, "_"), type: kind, response: response.slice(0, 255),
      pattern, result: kind === "performance" ? "neutral" : q.dataset.result === "correct" ? "correct" : "wrong",
      weighting: +q.dataset.points || 0 };
  }
  function journal(form) {
    const d = new Date(), now = hms(d.getHours(), d.getMinutes(), d.getSeconds());
    for (const q of form.querySelectorAll(".wp-question")) {
      const it = interaction(q), p = "cmi.interactions." + (parseInt(get("cmi.interactions._count"), 10) || 0);
      if (set(p + ".id", it.id) !== "true") return;
      set(p + ".type", it.type);
      set(p + ".time", now);
      set(p + ".weighting", it.weighting);
      if (it.pattern !== undefined) set(p + ".correct_responses.0.pattern", String(it.pattern).slice(0, 255));
      set(p + ".student_response", it.response);
      set(p + ".result", it.result);
    }
  }
  function graded(event) {
    const form = event.target, mark = parseFloat(form.dataset && form.dataset.passMark);
    if (done || !form.matches || !form.matches("form.wp-quiz") || !isFinite(mark)) return; // a self-check
    const d = event.detail || {};
    let percent = Number(d.percent);
    if (!isFinite(percent)) percent = Number(d.max) > 0 ? (100 * Number(d.score)) / Number(d.max) : 0;
    percent = Math.round(Math.max(0, Math.min(100, percent)) * 100) / 100;
    let status = percent >= mark ? "passed" : "failed";
    const best = parseFloat(get("cmi.core.score.raw"));
    if (!last && best > percent) percent = best; // the best result stands
    if (!last && get("cmi.core.lesson_status") === "passed") status = "passed";
    journal(form);
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", percent);
    set("cmi.core.lesson_status", status);
    set("cmi.core.exit", status === "passed" ? "" : "suspend");
    call("LMSCommit");
  }
  function finish() {
    if (!api || done) return;
    changed();
    done = true;
    const s = Math.round((Date.now() - started) / 1000);
    set("cmi.core.session_time", hms(Math.min(9999, Math.floor(s / 3600)), Math.floor(s / 60) % 60, s % 60));
    call("LMSCommit");
    call("LMSFinish");
  }

  function start() {
    let found = findApi(window);
    try { found = found || findApi(window.opener) || findApi(top.opener); } catch (e) { /* another origin */ }
    if (!found) return;
    api = found;
    if (call("LMSInitialize") !== "true") { api = null; return; }
    decode(written = get("cmi.suspend_data"));
    // The LMS is the only store: werkplaats.js uses __wpStorage, and localStorage means the same here.
    window.__wpStorage = store;
    try { Object.defineProperty(window, "localStorage", { configurable: true, get: () => store }); } catch (e) { /* */ }
    const status = get("cmi.core.lesson_status");
    if (!["passed", "completed", "failed", "incomplete"].includes(status)) set("cmi.core.lesson_status", "incomplete");
    set("cmi.core.exit", status === "passed" ? "" : "suspend");
    call("LMSCommit");
    place = get("cmi.core.lesson_location");
    root.setAttribute("data-wp-scorm", "connected");
    document.addEventListener("wp:graded", graded);
    addEventListener("scroll", () => { looking = looking || setTimeout(where, 400); }, { passive: true });
    addEventListener("load", () => { // back where the learner was
      const t = place && !location.hash && document.getElementById(place);
      if (t) t.scrollIntoView();
    });
    addEventListener("pagehide", finish);
    addEventListener("beforeunload", finish);
  }

  document.addEventListener("click", e => { // links that leave the page open in a new tab: the SCO stays
    const a = e.target.closest && e.target.closest("a[href]");
    if (a && a.getAttribute("href")[0] !== "#") { a.target = "_blank"; a.rel = "noopener"; }
  }, true);
  start();
})();
