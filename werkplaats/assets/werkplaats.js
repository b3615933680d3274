/* werkplaats.js: quizzes, instruments, "Mijn voortgang", index filters; no dependencies. HTML contract:
 * templates/quiz/*.html, templates/pages/{index,progress}.md (without this script every answer stays readable).
 * Runs on every document$ emission of Material's instant navigation, else (SCORM, file://) on DOMContentLoaded.
 * A graded quiz dispatches "wp:graded" {detail: {score, max, percent, passed}} on its form (SCORM bridge);
 * import and wipe dispatch "wp:changed" on document.
 *
 * API: window.werkplaats = {site, store, h, fill, T, say, register, download, notice, $$, json, isObj, is, text, list,
 *   map, shape, date, day, pathOf, mix, button, answerOf}
 *   site: true on the site (Material's __md_scope exists), false in a SCORM package
 *   store.get(k) -> value checked against the rules of its key, or null (store.bad(k): stored but invalid);
 *   store.set(k, v) -> false and a notice when not stored; store.remove(k); store.keys() (without prefix)
 *   h(tag, attrs, ...kids), fill(el, ...kids): DOM building, text never parsed as HTML
 *   T(key, vars): string from the page's data-wp-strings JSON (labels.py BROWSER), "{x}" from vars.x
 *   say(el, text): live-region message; download(name, type, text); notice(el, text, repairFn)
 *   day(date): "5 maart 2026" ("?" if none); pathOf(url): path without index.html; mix(list): a shuffled copy;
 *   button(text, onclick, extra classes): an .md-button; answerOf(question): its answer, null when unanswered
 *   register(selector, initFn): initFn(el) once per matching element, on every page
 *   $$(root, sel): array of matches; json(text): parsed value or null; isObj(v): a plain object (not an array)
 *   checks (each makes a predicate v => boolean): is(regex), text(max: no markup), list(n, ok), map(n, ok, keyOk:
 *   keys like ids by default), shape(rules, required keys: own keys only); date: an ISO date-time string
 * Storage: window.__wpStorage (Storage interface, e.g. the SCORM bridge's) if set before the first page set-up,
 * else localStorage; keys, values (schema 2) and the progress file are described in README.md ("The browser side").
 */
(function () {
  "use strict";
  if (window.werkplaats) return;
  // -- strings (from the page), formatting, DOM
  const S = {};
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  const json = s => { try { return JSON.parse(s); } catch (e) { return null; } };
  const strings = () => {
    for (const el of $$(document, "[data-wp-strings]")) {
      const o = json(attr(el, "data-wp-strings"));
      for (const k in o) S[k] = S[k] || o[k];
    }
  };
  const en = () => /^en/i.test(document.documentElement.lang || "");
  const T = (key, vars) => String(typeof S[key] === "string" ? S[key] : key)
    .replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? vars[k] : m));
  const num = (x, d = 1) => (x == null || isNaN(x) ? "–"
    : x.toLocaleString(en() ? "en" : "nl", { minimumFractionDigits: d, maximumFractionDigits: d }));
  const day = s => { // "YYYY-MM-DD" (read at noon) or a date-time as "5 maart 2026"; "?" when it is no date
    const d = new Date(String(s).length < 11 ? s + "T12:00" : s);
    return isNaN(d) ? "?" : d.toLocaleDateString(en() ? "en-GB" : "nl-NL", { dateStyle: "long" });
  };
  const avg = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  const attr = (el, name) => el.getAttribute(name);
  let uid = 0;
  const newId = p => "wp-" + p + "-" + (++uid);
  const SVG = /^(svg|rect|text|title|g|path)$/;
  const h = (tag, attrs, ...kids) => { // h("p", {class: "x", onclick: fn}, "text", child, [more])
    const el = SVG.test(tag) ? document.createElementNS("http://www.w3.org/2000/svg", tag)
      : document.createElement(tag);
    for (const k in attrs) { // for-in over null runs no rounds
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    return fill(el, ...kids);
  };
  const fill = (el, ...kids) => {
    el.replaceChildren();
    for (const kid of kids.flat(3)) if (kid != null && kid !== false) el.append(kid); // not a node: as text
    return el;
  };
  const CHECK = "M5 12.5l4.5 4.5L19 7.5", CROSS = "M7 7l10 10M17 7L7 17";
  const ICONS = { correct: CHECK, passed: CHECK, incorrect: CROSS, failed: CROSS, unanswered: "M7 12h10",
    open: "M12 7v.5M12 11v6" };
  const icon = state => h("svg", { class: "wp-icon wp-icon--" + state, viewBox: "0 0 24 24", width: 20, height: 20,
    "aria-hidden": "true", focusable: "false" }, h("path", { d: ICONS[state] || ICONS.open }));
  const button = (text, onclick, cls) =>
    h("button", { type: "button", class: cls ? "md-button " + cls : "md-button", onclick }, text);
  const download = (name, type, text) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    h("a", { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  };
  const say = (el, text) => {
    el.textContent = "";
    setTimeout(() => { el.textContent = text; }, 50);
  };
  const notice = (el, text, repair) => {
    const box = h("div", { class: "wp-notice", role: "alert" }, h("p", null, text),
      repair && button(T("repair"), () => { repair(); box.remove(); location.reload(); }));
    if (el) el.before(box);
    else (document.querySelector(".md-content__inner") || document.body).prepend(box);
    return box;
  };
  // -- checks of every stored or imported value, by key. Each check is a predicate v => boolean, built from parts
  // that pop.js uses too: is(regex), text(max), list(n, ok), map(n, ok, keyOk), shape(rules, required keys).
  const isObj = v => v != null && typeof v === "object" && !Array.isArray(v);
  const own = (o, k) => Object.hasOwn(o, k), keys = Object.keys;
  const is = re => v => typeof v === "string" && re.test(v);
  const text = (max = 10000) => v => typeof v === "string" && v.length <= max && !/<[a-z!/?]/i.test(v);
  const list = (n, ok) => v => Array.isArray(v) && v.length <= n && v.every(ok);
  const id = is(/^[\w.-]{1,120}$/);
  const map = (n, ok, key = id) => v => isObj(v) && keys(v).length <= n && keys(v).every(k => key(k) && ok(v[k]));
  const shape = (rules, need = []) => v => isObj(v) && keys(v).every(k => own(rules, k) && rules[k](v[k]))
    && need.every(k => own(v, k));
  const nr = (lo, hi) => v => typeof v === "number" && isFinite(v) && v >= lo && v <= hi;
  const orNull = ok => v => v === null || ok(v);
  const bool = v => typeof v === "boolean", date = is(/^\d{4}-\d\d-\d\dT[\d:.]{5,12}Z$/);
  const plain = v => typeof v === "string" && v.length <= 10000;
  const answer = v => plain(v) || list(100, plain)(v);
  const path = v => text(500)(v) && v[0] === "/";
  const pct = orNull(nr(0, 100));
  const result = orNull(shape({ score: nr(0, 1e4), max: nr(0, 1e4), percent: nr(0, 100), passed: orNull(bool),
    mark: pct, date }));
  const free = (v, depth) => {
    if (depth > 8) return false;
    if (Array.isArray(v)) return v.length <= 2000 && v.every(x => free(x, depth + 1));
    if (isObj(v)) return keys(v).every(k => k.length <= 200 && free(v[k], depth + 1));
    return v === null || bool(v) || nr(-1e12, 1e12)(v) || text()(v);
  };
  const RULES = [
    [/^quiz:[\w.-]{1,120}$/, shape({ answers: map(500, answer), fp: map(500, text(20)), graded: bool, result,
      kind: x => x === "quiz" || x === "check", module: text(120), title: text(300), path, changed: list(500, id),
      legacy: map(500, answer, k => k.length < 300) })],
    [/^instrument:[\w.-]{1,120}$/, shape({ answers: map(1000, nr(-100, 100)), done: bool, date, title: text(300),
      team: list(200, text(2000)) })],
    [/^exam:[\w.-]{1,120}$/, shape({ n: nr(0, 1e4), best: pct, last: pct, draw: list(500, id), start: orNull(date),
      done: bool, extra: bool })],
    [/^(dialogue:[\w.-]{1,120}|review|pop)$/, v => isObj(v) && JSON.stringify(v).length <= 100000 && free(v, 0)],
    [/^visits$/, map(5000, date, path)],
    [/^name$/, text(200)],
    [/^schema$/, v => v === 2]
  ];
  const valid = (k, v) => RULES.some(([re, ok]) => re.test(k) && ok(v));
  // -- storage (scoped, checked) and the migration of version 1
  let backend = null;
  const pick = () => {
    try { if (!backend) backend = window.__wpStorage || window.localStorage; } catch (e) {  }
  };
  // Material's __md_scope (the site's root) tells the site from a SCORM package or another host without it
  const site = !!window.__md_scope;
  let scope = "/";
  try { if (site) scope = new URL(__md_scope).pathname; } catch (e) {  }
  const skey = k => scope + "wp:" + k;
  const broken = new Set();
  const raw = k => { try { return json(backend.getItem(skey(k))); } catch (e) { return null; } };
  const store = {
    get(k) {
      const v = raw(k);
      if (v == null) return null;
      if (valid(k, v)) { broken.delete(k); return v; }
      broken.add(k);
      return null;
    },
    bad: k => broken.has(k),
    set(k, v, quiet) {
      try { if (valid(k, v)) return backend.setItem(skey(k), JSON.stringify(v)), true; } catch (e) {  }
      if (!quiet && !document.querySelector(".wp-notice--full")) {
        notice(null, T("full")).classList.add("wp-notice--full");
      }
      return false;
    },
    remove(k) { try { backend.removeItem(skey(k)); } catch (e) {  } broken.delete(k); },
    keys() {
      const out = [], p = skey("");
      try {
        for (let i = 0; i < backend.length; i++) {
          const k = backend.key(i);
          if (k?.startsWith(p)) out.push(k.slice(p.length));
        }
      } catch (e) {  }
      return out;
    }
  };
  const load = (el, k) => {
    const v = store.get(k);
    if (store.bad(k)) notice(el, T("broken"), () => store.remove(k));
    return v;
  };
  const update = (k, fn) => { const v = store.get(k) || {}; fn(v); return store.set(k, v); };
  const stamp = x => x?.result?.date || x?.date || "", newer = (a, b) => stamp(a) > stamp(b);
  const fromV1 = (k, v) => {
    const m = /^(wp-(quiz|check|instrument)-([\w.-]+))@\w+$/.exec(k);
    if (!m || !isObj(v)) return null;
    const legacy = isObj(v.answers) ? v.answers : {}, answers = {};
    if (m[2] !== "instrument") {
      return ["quiz:" + m[1], { legacy, graded: false, result: v.result || null,
        kind: m[2] === "check" ? m[2] : "quiz" }];
    }
    for (const n in legacy) answers[n.slice(m[1].length + 1)] = +[].concat(legacy[n])[0];
    const rec = { answers, done: v.done === true, date: v.date, title: v.title };
    return ["instrument:" + m[3], JSON.parse(JSON.stringify(rec))];
  };
  const migrate = () => {
    for (const k of store.keys()) {
      const moved = fromV1(k, raw(k));
      if (!moved || !valid(moved[0], moved[1])) continue;
      const old = store.get(moved[0]);
      if ((!old || newer(moved[1], old)) && !store.set(moved[0], moved[1], true)) continue;
      store.remove(k);
    }
    if (raw("schema") !== 2) store.set("schema", 2, true);
  };
  // -- quizzes: answers by question id, with a fingerprint of options and key
  const norm = s => String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "").replace(/\s+/g, " ");
  const fingerprint = q => {
    let s = attr(q, "data-type") + attr(q.querySelector(".wp-answer"), "data-key"), x = 2166136261;
    for (const el of $$(q, ".wp-option,.wp-match label,.wp-order-item label,option")) {
      s += "|" + el.textContent.replace(/\s+/g, " ").trim();
    }
    for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
    return (x >>> 0).toString(36);
  };
  const selects = q => $$(q, "select").sort((a, b) => slot(a) - slot(b));
  const slot = s => +(attr(s, "data-left") ?? attr(s, "data-item"));
  const textbox = q => q.querySelector("input[type=text],textarea");
  const answerOf = q => {
    const t = textbox(q), ss = selects(q);
    if (t) return t.value.trim() ? t.value : null;
    if (ss.length) return ss.some(s => s.value) ? ss.map(s => s.value) : null;
    const picked = $$(q, "input:checked").map(i => i.value);
    return picked.length ? picked : null;
  };
  const setAnswer = (q, v) => {
    const t = textbox(q);
    if (t) t.value = typeof v === "string" ? v : "";
    selects(q).forEach((s, i) => { s.value = Array.isArray(v) && v[i] != null ? v[i] : ""; s.__old = s.value; });
    for (const i of $$(q, "input[type=radio],input[type=checkbox]")) i.checked = [].concat(v).includes(i.value);
  };

  const grade = q => {
    const type = attr(q, "data-type"), key = json(attr(q.querySelector(".wp-answer"), "data-key")) || {};
    const picked = $$(q, "input:checked").map(i => i.value), t = textbox(q), max = +attr(q, "data-points") || 0;
    const r = { q, type, picked, max, scored: type !== "open", answered: t ? !!t.value.trim() : picked.length > 0 };
    if (type === "fill") r.ok = (key.answers || []).some(a => norm(a) === norm(t.value));
    else if (/^(single|multiple|truefalse)$/.test(type)) {
      const want = type === "truefalse" ? [String(key.answer)] : (key.correct || []).map(String);
      const right = v => want.includes(v);
      r.ok = type === "multiple" ? picked.length === want.length && picked.every(right) : right(picked[0]);
      r.missed = type === "multiple" && r.answered && !r.ok && picked.every(right);
    } else if (type !== "open") {
      r.parts = selects(q).map(s => ({ s, ok: s.value !== "" &&
        +s.value === (type === "ordering" ? +attr(s, "data-item") + 1 : +attr(s, "data-left")) }));
      r.answered = r.parts.some(p => p.s.value !== "");
      r.ok = r.parts.every(p => p.ok);
    }
    r.ok = !!(r.answered && r.ok);
    r.points = r.ok ? max : 0;
    return r;
  };
  const clone = el => el && el.cloneNode(true);
  const feedback = r => {
    const { q, type, answered, ok, parts } = r, ans = q.querySelector(".wp-answer"), open = type === "open";
    const state = r.state = open ? "open" : !answered ? "unanswered" : ok ? "correct" : "incorrect";
    const mark = good => (good ? "correct" : "incorrect");
    q.setAttribute("data-result", state);
    let chosen = [];
    if (parts && answered) {
      for (const p of parts) {
        const row = p.s.parentNode;
        $$(row, ".wp-row-mark").forEach(m => m.remove());
        row.setAttribute("data-result", mark(p.ok));
        row.append(h("span", { class: "wp-row-mark" }, icon(mark(p.ok)), " ", T(p.ok ? "rowok" : "rowbad")));
      }
    } else if (type === "fill") {
      if (answered) chosen = [ans.querySelector(`li[data-result="${mark(ok)}"]`)];
    } else if (!open) chosen = r.picked.map(v => ans.querySelector(`li[data-option="${v}"]`));
    chosen = chosen.filter(Boolean);
    fill(q.querySelector(".wp-feedback"),
      h("p", { class: "wp-verdict wp-verdict--" + state }, icon(state), " ", h("strong", null, T(state))),
      open && clone(ans.querySelector(".wp-model-answer")),
      parts && answered && h("p", null, T("parts", { n: parts.filter(p => p.ok).length, m: parts.length })),
      chosen.length > 0 && h("ul", { class: "wp-fb-list" }, chosen.map(li => h("li",
        { "data-correct": attr(li, "data-correct") }, Array.from(li.childNodes, clone)))),
      r.missed && h("p", null, T("missed")),
      answered && !ok && $$(ans, ".wp-accepted,.wp-solution-title,.wp-solution").map(clone),
      (answered || open) && clone(ans.querySelector(".wp-general")));
  };

  // "Mijn voortgang" of the site (none in SCORM packages)
  const progressUrl = () => site && new URL("voortgang/" + (/\.html$/.test(location.pathname) ? "index.html" : ""),
    __md_scope).href;

  const check = (form, restoring) => {
    let score = 0, max = 0;
    const missed = [];
    for (const q of $$(form, ".wp-question")) {
      const r = grade(q);
      feedback(r);
      if (r.scored) { score += r.points; max += r.max; }
      if (r.state === "incorrect" || r.state === "unanswered") missed.push(r);
    }
    const raw = attr(form, "data-pass-mark"), mark = raw === null || raw === "" ? null : +raw;
    const percent = max ? 100 * score / max : null;
    const passed = mark === null || percent === null ? null : percent >= mark;
    const box = form.querySelector(".wp-score"), verdict = passed ? "passed" : "failed";
    const wrong = missed.filter(r => r.state === "incorrect").length, url = mark !== null && progressUrl();
    fill(box,
      max ? h("p", null, h("strong", null,
        T("score", { s: score, m: max, u: T(max === 1 ? "point" : "points"), p: Math.round(percent) }))) : null,
      passed === null ? h("p", null, T(max ? "practice" : "onlyopen"))
        : h("p", { class: "wp-verdict wp-verdict--" + verdict }, icon(verdict), " ", T(verdict, { mark })),
      max ? h("p", null, missed.length ? T("tally", { w: wrong, u: missed.length - wrong }) : T("allright")) : null);
    let list = form.querySelector(".wp-review");
    if (!list) box.after(list = h("nav", { class: "wp-review", "aria-label": T("review") }));
    fill(list, missed.length > 0 && [h("p", null, T("review")), h("ul", null, missed.map(r => h("li", null,
      h("a", { href: "#" + r.q.id }, r.q.querySelector(".wp-qnum").textContent, ": ", T(r.state)))))],
    url && h("p", null, h("a", { href: url }, T("toprogress"))));
    form.setAttribute("data-result", passed === null ? "done" : verdict);
    const retry = form.querySelector(".wp-retry");
    if (retry) retry.hidden = false;
    if (restoring) return;
    const result = { score, max, percent, passed, mark, date: new Date().toISOString() };
    remember(form, s => { s.graded = true; s.result = result; });
    box.setAttribute("tabindex", "-1");
    box.focus();
    form.dispatchEvent(new CustomEvent("wp:graded", { bubbles: true, detail: { score, max, percent, passed } }));
  };
  const remember = (form, fn) => {
    return update(form.__wpKey, s => {
      const answers = {}, fp = {};
      for (const q of $$(form, ".wp-question")) {
        const id = attr(q, "data-qid"), v = answerOf(q);
        if (v != null) { answers[id] = v; fp[id] = q.__fp; }
      }
      Object.assign(s, { answers, fp, graded: false, changed: (s.changed || []).filter(id => !answers[id]),
        kind: attr(form, "data-pass-mark") ? "quiz" : "check",
        module: attr(form, "data-module") || "", title: safe(form.__wpTitle, 300),
        path: decodeURI(location.pathname).slice(0, 500) });
      if (fn) fn(s);
    });
  };

  const mix = xs => { // a shuffled copy
    xs = Array.from(xs);
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };

  const initQuiz = form => {
    form.dispatchEvent(new CustomEvent("wp:quizinit", { bubbles: true })); // exam.js: draw a pool, pick what is due
    const id = attr(form, "data-wp-quiz"), key = form.__wpKey = "quiz:" + id, qs = $$(form, ".wp-question");
    const h1 = document.querySelector("h1");
    form.__wpTitle = (attr(form, "data-pass-mark") ? attr(form, "data-title") : h1?.firstChild?.textContent.trim())
      || attr(form, "data-title") || id;
    for (const q of qs) {
      q.__fp = fingerprint(q);
      if (q.hasAttribute("data-shuffle")) $$(q, ".wp-options").forEach(o => o.append(...mix(o.children)));
      const ans = q.querySelector(".wp-answer");
      if (ans) ans.hidden = true;
    }
    $$(form, ".wp-quiz-actions").forEach(a => { a.hidden = false; });
    const saved = load(form, key) || {};
    if (saved.legacy) {
      const answers = saved.answers = {}, fp = saved.fp = {};
      for (const q of qs) {
        const name = id + "-" + attr(q, "data-qid"), ss = selects(q), v = saved.legacy[name];
        const a = ss.length ? (ss.some(s => saved.legacy[s.name]) ? ss.map(s => saved.legacy[s.name] || "") : null)
          : Array.isArray(v) && textbox(q) ? v[0] : v;
        if (a != null && answer(a)) { answers[attr(q, "data-qid")] = a; fp[attr(q, "data-qid")] = q.__fp; }
      }
      delete saved.legacy;
      store.set(key, saved);
    }
    const changed = (saved.changed || []).filter(id => !saved.answers?.[id]);
    for (const q of qs) {
      const qid = attr(q, "data-qid"), v = saved.answers?.[qid];
      if (v == null) continue;
      if (saved.fp?.[qid] && saved.fp[qid] !== q.__fp) {
        changed.push(qid);
        q.querySelector(".wp-feedback").before(h("p", { class: "wp-changed" }, T("changed")));
      } else setAnswer(q, v);
    }
    if (changed.join() !== (saved.changed || []).join()) update(key, s => { s.changed = changed; });
    const r = saved.result;
    if (saved.graded && !changed.length) check(form, true);
    else if (r && changed.length) {
      fill(form.querySelector(".wp-score"), h("p", null, T("last", { p: Math.round(r.percent), s: r.score, m: r.max,
        d: day(r.date) }), " ", T("changedshort")));
    }
    form.addEventListener("submit", e => { e.preventDefault(); check(form); });
    form.addEventListener("keydown", e => { // Enter (a phone's "Go") in an answer field never grades the quiz
      if (e.key === "Enter" && e.target.matches("input")) e.preventDefault();
    });
    const changes = e => {
      const s = e.target;
      if (s.matches?.(".wp-order-item select") && s.value) {
        for (const o of $$(s.closest(".wp-question"), "select")) {
          if (o !== s && o.value === s.value) { o.value = s.__old || ""; o.__old = o.value; }
        }
      }
      if (s.matches?.("select")) s.__old = s.value;
      remember(form);
    };
    form.addEventListener("change", changes);
    form.addEventListener("input", changes);
    const retry = form.querySelector(".wp-retry");
    if (retry) {
      retry.addEventListener("click", () => {
        for (const q of qs) setAnswer(q, null);
        for (const el of $$(form, "[data-result]")) el.removeAttribute("data-result");
        for (const el of $$(form, ".wp-row-mark,.wp-changed")) el.remove();
        for (const el of $$(form, ".wp-feedback,.wp-score,.wp-review")) fill(el);
        form.removeAttribute("data-result");
        retry.hidden = true;
        update(key, s => { s.answers = {}; s.fp = {}; s.changed = []; s.graded = false; });
        form.querySelector(".wp-question :is(input, select, textarea)")?.focus();
      });
    }
  };
  // -- instruments: profile, share code, team profile
  const itemsOf = spec => spec.dimensions.reduce((all, d) => all.concat(d.items), []);
  const profileOf = (spec, values) => {
    const lo = spec.min, hi = spec.max, ref = spec.reference || {}, turn = (it, v) => (it.reverse ? lo + hi - v : v);
    return spec.dimensions.map(d => {
      const xs = [], rs = [];
      for (const it of d.items) {
        if (values[it.id] != null) xs.push(turn(it, values[it.id]));
        if (ref[it.id] != null) rs.push(turn(it, ref[it.id]));
      }
      return { id: d.id, title: d.title, mean: xs.length ? avg(xs) : null, reference: rs.length ? avg(rs) : null,
        answered: xs.length, items: d.items.length };
    });
  };
  const b64 = s => btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const unb64 = s => new TextDecoder().decode(
    Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), c => c.charCodeAt(0)));
  const chart = (rows, spec, label) => {
    const H = 48, pos = v => Math.max(0, Math.min(100, 100 * (v - spec.min) / ((spec.max - spec.min) || 1)));
    const pc = x => x.toFixed(2) + "%";
    const svg = h("svg", { class: "wp-chart", role: "img", "aria-label": label, width: "100%",
      height: rows.length * H + 4 }, h("title", null, label));
    rows.forEach((r, i) => {
      const y = i * H, extra = r.reference != null ? ` (${T("ref").toLowerCase()} ${num(r.reference)})`
        : r.low != null ? ` (${num(r.low)}–${num(r.high)})` : "";
      svg.append(h("g", null,
        h("text", { x: 0, y: y + 15 }, `${r.title}: ${num(r.mean)}${extra}`),
        h("rect", { class: "wp-track", x: 0, y: y + 22, width: "100%", height: 16, rx: 2 }),
        r.mean != null && h("rect", { class: "wp-bar", x: 0, y: y + 22, height: 16, rx: 2,
          width: pc(Math.max(pos(r.mean), 0.5)) }),
        r.low != null && h("rect", { class: "wp-range", x: pc(pos(r.low)), y: y + 28, height: 4,
          width: pc(pos(r.high) - pos(r.low)) }),
        r.reference != null && h("rect", { class: "wp-ref", x: pc(pos(r.reference)), y: y + 18, width: 4, height: 24,
          transform: "translate(-2 0)" })));
    });
    return svg;
  };
  const table = (caption, head, rows) => h("div", { class: "wp-table-wrap", tabindex: "0", role: "region",
    "aria-label": caption }, h("table", { class: "wp-table" }, h("caption", null, caption),
    h("thead", null, h("tr", null, head.map(c => h("th", { scope: "col" }, c)))),
    h("tbody", null, rows.map(r => h("tr", null, h("th", { scope: "row" }, r[0]),
      r.slice(1).map(c => h("td", null, c)))))));
  const summary = (title, rows) => `${title}: ` + rows.map(r => `${r.title} ${num(r.mean)}`).join("; ");
  const safe = (s, n) => String(s).replace(/</g, "\u2039").slice(0, n);
  const round = x => (x == null ? null : Math.round(x * 100) / 100);
  const csv = (head, rows) => {
    const sep = en() ? "," : ";", cell = v => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : num(v, 2))
      : /[";,\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v == null ? "" : String(v));
    return "\ufeff" + [head].concat(rows).map(r => r.map(cell).join(sep)).join("\r\n") + "\r\n";
  };
  const printOnly = el => { // the other branches of the page are hidden while printing
    const marks = [[document.documentElement, "wp-print-one"], [el, "wp-print-target"]];
    for (let n = el.parentElement; n.parentElement; n = n.parentElement) marks.push([n, "wp-print-path"]);
    const set = on => marks.forEach(([n, c]) => n.classList.toggle(c, on));
    set(true);
    window.addEventListener("afterprint", () => set(false), { once: true });
    print();
  };

  const readValues = (form, spec) => {
    const values = {}, name = attr(form, "data-wp-instrument");
    for (const it of itemsOf(spec)) {
      const el = form.querySelector(`input[name="${CSS.escape(name + "-" + it.id)}"]:checked`);
      if (el) values[it.id] = +el.value;
    }
    return values;
  };

  const showProfile = (form, spec, restoring) => {
    const values = readValues(form, spec), all = itemsOf(spec), count = keys(values).length;
    const box = form.querySelector(".wp-profile"), title = attr(form, "data-title") || "";
    const id = attr(form, "data-id"), version = attr(form, "data-version");
    const heading = h("h2", { tabindex: "-1", class: "wp-profile-title" }, T("profile") + (title ? ": " + title : ""));
    if (!count) {
      fill(box, heading, h("p", null, T("none")));
      if (!restoring) heading.focus();
      return;
    }
    const rows = profileOf(spec, values), hasRef = rows.some(r => r.reference != null);
    const diff = r => (r.mean == null || r.reference == null ? "–"
      : (r.mean > r.reference ? "+" : "") + num(r.mean - r.reference));
    const head = [T("dim"), T("mean"), hasRef && [T("ref"), T("diff")], T("answered")].flat().filter(Boolean);
    const cells = rows.map(r => [r.title, num(r.mean), hasRef && [num(r.reference), diff(r)],
      T("of", { n: r.answered, m: r.items })].flat().filter(c => c !== false));
    const code = b64(JSON.stringify({ i: id, v: version, a: all.map(it => values[it.id] || 0) }));
    const date = new Date().toISOString();
    const json = { instrument: id, title, version, date, scale: { min: spec.min, max: spec.max }, answers: values,
      dimensions: rows.map(r => ({ id: r.id, title: r.title, mean: round(r.mean), reference: round(r.reference),
        answered: r.answered, items: r.items })), code };
    const codeId = newId("code"), copied = h("span", { class: "wp-status", role: "status" });
    const field = h("input", { id: codeId, class: "wp-code", type: "text", readonly: true, value: code,
      onfocus: () => field.select() });
    const copy = () => {
      field.select();
      (async () => navigator.clipboard.writeText(code))().catch(() => document.execCommand("copy"))
        .then(() => say(copied, T("copied")));
    };
    fill(box, heading,
      count < all.length && h("p", null, T("missing", { n: all.length - count, m: all.length })),
      chart(rows, spec, summary(T("profile"), rows)),
      table(T("caption", { lo: spec.min, hi: spec.max }), head, cells),
      h("div", { class: "wp-actions" },
        button(T("print"), () => printOnly(box)),
        button(T("csv"), () => download(`${id}-profiel.csv`, "text/csv;charset=utf-8", csv(T("csvhead").split(","),
          rows.map(r => [r.id, r.title, round(r.mean), round(r.reference), r.answered, r.items])))),
        button(T("json"), () => download(`${id}-profiel.json`, "application/json", JSON.stringify(json, null, 2)))),
      h("p", { class: "wp-share" }, h("label", { for: codeId }, T("share")), " ", field, " ", button(T("copy"), copy),
        " ", copied),
      h("p", { class: "wp-help" }, T("sharehelp")));
    for (const d of $$(form, "details.wp-reference")) d.hidden = false;
    if (restoring) return;
    update(form.__wpKey, s => { s.answers = values; s.done = true; s.date = date; s.title = safe(title, 300); });
    heading.focus();
  };
  const teamProfile = (form, spec, lines, out, msg, restoring) => {
    const id = attr(form, "data-id"), version = attr(form, "data-version"), all = itemsOf(spec);
    const members = [], problems = [], seen = new Set(), good = [];
    lines.split(/\r?\n/).forEach((line, i) => {
      const no = k => problems.push(T(k, { n: i + 1 }));
      line = line.trim();
      if (!line) return;
      if (seen.has(line)) return no("dup");
      seen.add(line);
      let data;
      try { data = JSON.parse(unb64(line)); } catch (e) {  }
      if (!Array.isArray(data?.a)) return no("bad");
      if (data.i !== id || data.v !== version || data.a.length !== all.length) return no("other");
      const values = {};
      all.forEach((it, k) => {
        if (Number.isInteger(data.a[k]) && nr(spec.min, spec.max)(data.a[k])) values[it.id] = data.a[k];
      });
      if (!keys(values).length) return no("empty");
      members.push(profileOf(spec, values));
      good.push(line);
    });
    if (!restoring) update(form.__wpKey, s => { s.team = good.slice(0, 200); });
    if (!members.length) {
      fill(out);
      return say(msg, [T("teamnone")].concat(problems).join(" "));
    }
    const rows = spec.dimensions.map((d, k) => {
      const xs = members.map(m => m[k].mean).filter(x => x != null), any = xs.length > 0;
      return { id: d.id, title: d.title, mean: any ? avg(xs) : null, low: any ? Math.min(...xs) : null,
        high: any ? Math.max(...xs) : null, n: xs.length };
    });
    const head = [T("dim"), T("mean"), T("low"), T("high"), T("n")];
    const said = T(members.length === 1 ? "teamof1" : "teamof", { n: members.length });
    fill(out, h("h3", null, said), chart(rows, spec, summary(T("team"), rows)),
      table(T("teamcaption", { lo: spec.min, hi: spec.max }), head,
        rows.map(r => [r.title, num(r.mean), num(r.low), num(r.high), String(r.n)])),
      h("div", { class: "wp-actions" },
        button(T("print"), () => printOnly(out)),
        button(T("csv"), () => download(`${id}-teamprofiel.csv`, "text/csv;charset=utf-8",
          csv(head, rows.map(r => [r.title, round(r.mean), round(r.low), round(r.high), r.n]))))));
    say(msg, [said].concat(problems).join(" "));
  };

  const initInstrument = form => {
    const spec = JSON.parse(attr(form, "data-spec")), name = attr(form, "data-wp-instrument");
    const key = form.__wpKey = "instrument:" + attr(form, "data-id");
    for (const d of $$(form, "details.wp-reference")) d.hidden = true;
    $$(form, ".wp-quiz-actions").forEach(a => { a.hidden = false; });
    const codesId = newId("codes"), out = h("div", { class: "wp-team-result" });
    const msg = h("p", { class: "wp-status", role: "status" });
    const codes = h("textarea", { id: codesId, rows: 4, spellcheck: "false", autocomplete: "off" });
    const team = h("details", { class: "wp-team" }, h("summary", null, T("team")),
      h("p", null, T("teamhelp")), h("label", { for: codesId }, T("codes")), codes,
      h("div", { class: "wp-actions" },
        button(T("maketeam"), () => teamProfile(form, spec, codes.value, out, msg), "md-button--primary")),
      msg, out);
    form.after(team);
    const saved = load(form, key) || {};
    for (const it of itemsOf(spec)) {
      const v = saved.answers?.[it.id], el = v != null
        && form.querySelector(`input[name="${CSS.escape(name + "-" + it.id)}"][value="${v}"]`);
      if (el) el.checked = true;
    }
    if (saved.done) showProfile(form, spec, true);
    if (saved.team?.length) {
      codes.value = saved.team.join("\n");
      team.open = true;
      teamProfile(form, spec, codes.value, out, msg, true);
    }
    form.addEventListener("submit", e => { e.preventDefault(); showProfile(form, spec); });
    form.addEventListener("change", e => {
      if (e.target.type === "radio") update(key, s => { s.answers = readValues(form, spec); });
    });
  };
  // -- "Mijn voortgang": record, import (checked, merged, all or nothing), export
  const pathOf = url => decodeURI(new URL(url, location.href).pathname).replace(/\/index\.html$/, "/");
  // A lesson's visit (and a case page's, [data-wp-visit]: evidence in pop.js) is recorded under "visits".
  const recordVisit = el => {
    const path = pathOf(location.href);
    if (!el && !/\/modules\/[^/]+\/[^/]+/.test(path)) return;
    const v = store.get("visits") || (store.bad("visits") ? null : {});
    if (v && keys(v).length < 5000) { v[path] = new Date().toISOString(); store.set("visits", v); }
  };

  // A module test's cell: its last result, and for an exam (exam.js, "exam:<form id>") the attempts and the best.
  const quizState = (m, saved, exam) => {
    const r = saved?.result;
    if (r?.max) {
      const passed = r.passed != null ? r.passed : r.percent >= m.passMark, state = passed ? "passed" : "failed";
      return [[`${Math.round(r.percent)}% (${r.score}/${r.max}) · ${day(r.date)}`,
        exam?.n > 0 && exam.best != null ? " · " + T("tries", { n: exam.n, b: Math.round(exam.best) }) : "",
        saved.changed?.length ? " · " + T("changedshort") : ""],
      h("span", { class: "wp-state wp-state--" + state }, icon(state), " ", T(state + "short"))];
    }
    const busy = saved?.answers && keys(saved.answers).length;
    return [T(r ? "done" : busy ? "busy" : "notstarted"), h("span", { class: "wp-state" }, "–")];
  };
  const readExport = textIn => {
    const dump = json(textIn);
    if (!isObj(dump) || dump.format !== "werkplaats-progress" || !isObj(dump.items)) throw Error(T("badfile"));
    if (dump.version !== 1 && dump.version !== 2) throw Error(T("badversion", { v: String(dump.version) }));
    const items = {};
    for (const k in dump.items) {
      const v = dump.items[k], moved = dump.version === 1 && fromV1(k, v), nk = moved ? moved[0] : k;
      const val = moved ? moved[1] : v;
      if (dump.version === 1 && k === "schema") continue;
      if (!valid(nk, val)) throw Error(T("baditem", { k: k.slice(0, 80) }));
      if (!items[nk] || newer(val, items[nk])) items[nk] = val;
    }
    return items;
  };
  const merge = items => {
    const writes = {}, n = { q: 0, i: 0, l: 0, o: 0 };
    for (const k in items) {
      const v = items[k], old = store.get(k);
      if (k === "visits") {
        const all = { ...old };
        for (const p in v) if (!all[p] || v[p] > all[p]) { if (!all[p]) n.l++; all[p] = v[p]; }
        if (keys(all).length > 5000) throw Error(T("baditem", { k }));
        writes[k] = all;
      } else if (k === "name" || k === "schema") {
        if (!old) writes[k] = v;
      } else if (!old || newer(v, old)) {
        writes[k] = v;
        n[/^[qi]/.test(k) ? k[0] : "o"]++;
      }
    }
    return [writes, n];
  };
  const writeAll = writes => {
    const before = {}, done = [];
    for (const k in writes) {
      try { before[k] = backend.getItem(skey(k)); } catch (e) { return false; }
      if (!store.set(k, writes[k], true)) {
        for (const d of done) {
          try { before[d] == null ? backend.removeItem(skey(d)) : backend.setItem(skey(d), before[d]); } catch (e) { }
        }
        return false;
      }
      done.push(k);
    }
    return true;
  };

  const changed = () => document.dispatchEvent(new CustomEvent("wp:changed"));
  const initProgress = el => {
    const data = JSON.parse(attr(el, "data-wp-progress"));
    $$(el, ".wp-progress-list").forEach(l => { l.hidden = true; });
    const view = h("div", { class: "wp-report" }), msg = h("p", { class: "wp-status", role: "status" });
    const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, tabindex: "-1" });
    const nameId = newId("name");
    const name = h("input", { id: nameId, type: "text", autocomplete: "name", maxlength: 200,
      value: store.get("name") || "" });
    for (const k of store.keys()) load(el, k);
    const render = () => {
      const visits = store.get("visits") || {}, who = store.get("name"), modules = data.modules || [];
      const records = {};
      for (const k of store.keys()) if (/^(quiz|instrument|exam):/.test(k)) records[k] = store.get(k);
      const rows = modules.map(m => {
        const units = m.units || [], seen = units.filter(u => visits[pathOf(u.url)]).length;
        const [quiz, status] = quizState(m, records["quiz:" + m.quiz], records["exam:" + m.quiz]);
        return [h("a", { href: m.url }, m.title), `${num(m.studyLoad, m.studyLoad % 1 ? 1 : 0)} ${T("hours")}`,
          T("of", { n: seen, m: units.length }), h("a", { href: m.quizUrl }, quiz), status];
      });
      const checks = [];
      for (const k in records) {
        const c = records[k];
        if (!c || c.kind !== "check" || !c.result || !c.result.max) continue;
        const m = modules.find(x => x.id === c.module), unit = m && (m.units || []).find(u => pathOf(u.url) === c.path);
        const where = unit ? unit.title : c.title || k.slice(5);
        checks.push([c.path ? h("a", { href: c.path }, where) : where, m ? m.title : c.module || "",
          `${T("of", { n: c.result.score, m: c.result.max })} (${Math.round(c.result.percent)}%)`, day(c.result.date)]);
      }
      checks.sort((a, b) => String(a[1]).localeCompare(String(b[1])));
      const instruments = (data.instruments || []).map(i => {
        const r = records["instrument:" + i.id], found = r?.done && r.date;
        return h("li", null, h("a", { href: i.url }, i.title), ": ",
          found ? T("filled", { d: day(found) }) : T("notfilled"));
      });
      fill(view, h("h2", null, T("overview")),
        h("p", { class: "wp-report-meta" }, `${T("date")}: ${day(new Date())}`,
          who && [h("br"), `${T("name")}: ${who}`]),
        table(T("modcap"), [T("module"), T("load"), T("lessons"), T("quiz"), T("result")], rows),
        checks.length > 0 && [h("h3", null, T("checks")),
          table(T("checkcap"), [T("where"), T("module"), T("result"), T("date")], checks)],
        instruments.length > 0 && [h("h3", null, T("instruments")), h("ul", null, instruments)]);
    };
    name.addEventListener("input", () => { store.set("name", safe(name.value.trim(), 200)); render(); });
    file.addEventListener("change", () => {
      const f = file.files?.[0];
      if (!f) return;
      (f.size > 1048576 ? Promise.reject(Error(T("toobig"))) : f.text()).then(t => {
        const [writes, n] = merge(readExport(t));
        if (!writeAll(writes)) throw Error(T("importfull"));
        name.value = store.get("name") || "";
        render();
        changed();
        say(msg, T("imported", n));
      }).catch(e => say(msg, T("refused", { e: e.message }))).then(() => { file.value = ""; });
    });
    const exportAll = () => {
      const now = new Date().toISOString(), items = {};
      for (const k of store.keys()) { const v = store.get(k); if (v != null) items[k] = v; }
      download(`werkplaats-voortgang-${now.slice(0, 10)}.json`, "application/json",
        JSON.stringify({ format: "werkplaats-progress", version: 2, exported: now, items }, null, 2));
      say(msg, T("exported"));
    };
    const reset = () => {
      if (!confirm(T("confirm"))) return;
      for (const k of store.keys()) store.remove(k);
      store.set("schema", 2, true);
      name.value = "";
      render();
      changed();
      say(msg, T("wiped"));
    };
    // The dialogues' list (dialogue.js fills it) belongs to the record: after the overview, before the buttons.
    el.append(view, document.querySelector(".wp-dialogue-progress") || "", h("div", { class: "wp-progress-actions" },
      h("p", { class: "wp-field" }, h("label", { for: nameId }, T("yourname")), " ", name),
      h("div", { class: "wp-actions" },
        button(T("printreport"), () => print(), "md-button--primary"),
        button(T("export"), exportAll),
        button(T("import"), () => file.click()),
        button(T("reset"), reset, "wp-danger")),
      file, msg));
    render();
  };
  // -- index filters
  const initFilter = form => {
    const list = document.getElementById(attr(form, "data-wp-filter"));
    if (!list) return;
    const sels = $$(form, "select[data-filter]"), out = form.querySelector("output");
    const fits = (li, s) => !s.value
      || (attr(li, "data-" + attr(s, "data-filter")) || "").split("|").indexOf(s.value) >= 0;
    const run = () => {
      const items = $$(list, ":scope > li");
      let shown = 0;
      for (const li of items) {
        li.hidden = !sels.every(s => fits(li, s));
        shown += li.hidden ? 0 : 1;
      }
      if (out) out.textContent = T("shown", { n: shown, m: items.length });
    };
    form.addEventListener("change", run);
    form.addEventListener("submit", e => e.preventDefault());
    form.hidden = false;
    run();
  };
  // -- start
  const PARTS = [["form.wp-quiz", initQuiz], ["form.wp-instrument", initInstrument],
    [".wp-progress[data-wp-progress]", initProgress], ["form.wp-filter[data-wp-filter]", initFilter],
    ["[data-wp-visit]", recordVisit]];
  let started = false;
  const setUp = (sel, fn) => {
    fn.done ||= new WeakSet();
    for (const el of $$(document, sel)) {
      if (fn.done.has(el)) continue;
      fn.done.add(el);
      el.setAttribute("data-wp-ready", "");
      try { fn(el); } catch (e) {
        console.error("werkplaats:", e);
        notice(el, T("failed"), el.__wpKey ? () => store.remove(el.__wpKey) : null);
      }
    }
  };
  const init = () => {
    started = true;
    pick();
    strings();
    try { migrate(); recordVisit(); } catch (e) {  }
    for (const [sel, fn] of PARTS) setUp(sel, fn);
  };
  const register = (sel, fn) => {
    PARTS.push([sel, fn]);
    if (started) { strings(); setUp(sel, fn); }
  };
  window.werkplaats = { site, store, h, fill, T, say, register, download, notice, $$, json, isObj, is, text, list,
    map, shape, date, day, pathOf, mix, button, answerOf };
  const ready = () => (document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", init)
    : init());
  let seen = false;
  if (window.document$?.subscribe) {
    document$.subscribe({ next() { seen = true; init(); }, complete() { if (!seen) ready(); } });
  } else {
    ready();
  }
})();
