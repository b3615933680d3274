/* werkplaats.js: quizzes, self-assessment instruments, "Mijn voortgang" and index filters. No dependencies.
 *
 * The HTML contract is in werkplaats/templates/quiz/*.html and templates/pages/{index,progress}.md; without this
 * script every answer stays readable in its <details>. Loaded once: with Material's instant navigation it runs
 * again on every `document$` emission, elsewhere (SCORM packages, file://) once on DOMContentLoaded. Each element
 * is set up once (data-wp-ready). A graded quiz dispatches
 *   new CustomEvent("wp:graded", {bubbles: true, detail: {score, max, percent, passed}})
 * on its form (passed is null for a self-check without pass mark); the SCORM bridge listens for it.
 *
 * Storage (localStorage, keys prefixed with the site's path + "wp:"): "<form key>@<data-version>" per quiz and
 * instrument ({answers, graded, result} / {answers, done, date}), "visits" ({path: date}) and "name".
 */
(function () {
  "use strict";
  if (window.__werkplaats) return;
  window.__werkplaats = true;

  /* -- UI strings --------------------------------------------------------------------------------------------- */
  const NL = {
    correct: "Goed", incorrect: "Niet goed", unanswered: "Niet beantwoord",
    open: "Vergelijk je antwoord met het modelantwoord", parts: "{n} van {m} goed", rowok: "goed",
    rowbad: "niet goed", missed: "Je hebt niet alle goede antwoorden gekozen.", point: "punt", points: "punten",
    score: "Je score: {s} van {m} {u} ({p}%).", passed: "Geslaagd: je hebt de cesuur van {mark}% gehaald.",
    failed: "Nog niet geslaagd: je hebt {mark}% nodig. Lees de uitleg en probeer het opnieuw.",
    practice: "Een oefening zonder cesuur: de score telt nergens mee.",
    onlyopen: "Vergelijk je antwoorden met de modelantwoorden.", shown: "{n} van {m} getoond",
    profile: "Je profiel", dim: "Onderdeel", mean: "Gemiddelde", ref: "Referentie", diff: "Verschil",
    answered: "Beantwoord", low: "Laagste", high: "Hoogste", n: "Aantal",
    caption: "Gemiddelde score per onderdeel (schaal {lo} tot {hi})",
    missing: "Nog niet beantwoord: {n} van {m} uitspraken. Het profiel rekent alleen met je antwoorden.",
    none: "Beantwoord eerst een of meer uitspraken.", print: "Afdrukken", csv: "Download CSV",
    json: "Download JSON", share: "Je deelcode", sharehelp: "Geef deze code aan je team voor een teamprofiel.",
    copy: "Kopieer code", copied: "Gekopieerd.", team: "Teamprofiel",
    teamhelp: "Plak de deelcodes van je teamleden, één per regel, en maak een profiel van het team.",
    codes: "Deelcodes", maketeam: "Maak teamprofiel", teamof: "Teamprofiel van {n} deelnemers.",
    teamof1: "Teamprofiel van 1 deelnemer.", teamnone: "Geen geldige deelcodes gevonden.",
    bad: "Regel {n} is geen geldige deelcode.", other: "Regel {n} hoort bij een ander instrument of een andere versie.",
    teamcaption: "Teamscore per onderdeel: gemiddelde, laagste en hoogste (schaal {lo} tot {hi})",
    csvhead: "onderdeel,titel,gemiddelde,referentie,beantwoord,uitspraken",
    overview: "Studieoverzicht", modcap: "Leermodules en toetsen", date: "Datum", name: "Naam",
    yourname: "Je naam op het overzicht", module: "Leermodule", load: "Studielast", hours: "uur",
    lessons: "Lessen bekeken", quiz: "Toets", result: "Resultaat", of: "{n} van {m}", notstarted: "Niet begonnen",
    busy: "Bezig", done: "Gemaakt", passedshort: "Geslaagd", failedshort: "Nog niet geslaagd",
    instruments: "Instrumenten", filled: "ingevuld op {d}", notfilled: "nog niet ingevuld",
    printreport: "Overzicht afdrukken", export: "Voortgang exporteren", import: "Voortgang importeren",
    reset: "Voortgang wissen", confirm: "Al je antwoorden en resultaten in deze browser wissen?",
    wiped: "Je voortgang is gewist.", imported: "Voortgang geïmporteerd.",
    badfile: "Dit bestand is geen export van Mijn voortgang.", exported: "Je voortgang is als bestand opgeslagen."
  };
  const EN = {
    correct: "Correct", incorrect: "Incorrect", unanswered: "Not answered",
    open: "Compare your answer with the model answer", parts: "{n} of {m} correct", rowok: "correct",
    rowbad: "incorrect", missed: "You did not choose all correct answers.", point: "point", points: "points",
    score: "Your score: {s} of {m} {u} ({p}%).", passed: "Passed: you reached the pass mark of {mark}%.",
    failed: "Not passed yet: you need {mark}%. Read the explanations and try again.",
    practice: "A practice check without a pass mark: the score does not count.",
    onlyopen: "Compare your answers with the model answers.", shown: "{n} of {m} shown",
    profile: "Your profile", dim: "Dimension", mean: "Mean", ref: "Reference", diff: "Difference",
    answered: "Answered", low: "Lowest", high: "Highest", n: "Count",
    caption: "Mean score per dimension (scale {lo} to {hi})",
    missing: "Not answered yet: {n} of {m} statements. The profile uses your answers only.",
    none: "Answer one or more statements first.", print: "Print", csv: "Download CSV", json: "Download JSON",
    share: "Your share code", sharehelp: "Give this code to your team for a team profile.", copy: "Copy code",
    copied: "Copied.", team: "Team profile",
    teamhelp: "Paste your team members' share codes, one per line, and make a profile of the team.",
    codes: "Share codes", maketeam: "Make team profile", teamof: "Team profile of {n} members.",
    teamof1: "Team profile of 1 member.", teamnone: "No valid share codes found.",
    bad: "Line {n} is not a valid share code.", other: "Line {n} belongs to another instrument or another version.",
    teamcaption: "Team score per dimension: mean, lowest and highest (scale {lo} to {hi})",
    csvhead: "dimension,title,mean,reference,answered,items",
    overview: "Study record", modcap: "Modules and quizzes", date: "Date", name: "Name",
    yourname: "Your name on the record", module: "Module", load: "Study load", hours: "hours",
    lessons: "Lessons seen", quiz: "Quiz", result: "Result", of: "{n} of {m}", notstarted: "Not started",
    busy: "In progress", done: "Done", passedshort: "Passed", failedshort: "Not passed yet",
    instruments: "Instruments", filled: "filled in on {d}", notfilled: "not filled in yet",
    printreport: "Print record", export: "Export progress", import: "Import progress", reset: "Clear progress",
    confirm: "Clear all your answers and results in this browser?", wiped: "Your progress has been cleared.",
    imported: "Progress imported.", badfile: "This file is not an export of My progress.",
    exported: "Your progress has been saved as a file."
  };
  const en = () => /^en/i.test(document.documentElement.lang || "");
  const T = (key, vars) => ((en() ? EN : NL)[key] || key)
    .replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? vars[k] : m));
  const num = (x, d = 1) => (x == null || isNaN(x) ? "–"
    : x.toLocaleString(en() ? "en" : "nl", { minimumFractionDigits: d, maximumFractionDigits: d }));
  const day = iso => new Date(iso).toLocaleDateString(en() ? "en-GB" : "nl-NL",
    { day: "numeric", month: "long", year: "numeric" });
  const avg = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  const attr = (el, name) => el.getAttribute(name);
  let uid = 0;
  const newId = p => "wp-" + p + "-" + (++uid);

  /* -- DOM helpers -------------------------------------------------------------------------------------------- */
  const SVG = /^(svg|rect|text|title|g|path)$/;
  function h(tag, attrs, ...kids) { // h("p", {class: "x", onclick: fn}, "text", child, [more])
    const el = SVG.test(tag) ? document.createElementNS("http://www.w3.org/2000/svg", tag)
      : document.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    fill(el, ...kids);
    return el;
  }
  function fill(el, ...kids) {
    el.replaceChildren();
    for (const kid of kids.flat(3)) if (kid != null && kid !== false) el.append(kid.nodeType ? kid : String(kid));
  }
  const CHECK = "M5 12.5l4.5 4.5L19 7.5", CROSS = "M7 7l10 10M17 7L7 17";
  const ICONS = { correct: CHECK, passed: CHECK, incorrect: CROSS, failed: CROSS, unanswered: "M7 12h10",
    open: "M12 7v.5M12 11v6" };
  const icon = state => h("svg", { class: "wp-icon wp-icon--" + state, viewBox: "0 0 24 24", width: 20, height: 20,
    "aria-hidden": "true", focusable: "false" }, h("path", { d: ICONS[state] || ICONS.open }));
  const button = (text, onclick, cls) => h("button", { type: "button", class: "md-button " + (cls || ""), onclick },
    text);
  function download(name, type, text) { // a Blob and a link that is never in the page (instant navigation)
    const url = URL.createObjectURL(new Blob([text], { type }));
    h("a", { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }
  function say(el, text) { // a message in a live region; the same message twice is announced twice
    el.textContent = "";
    setTimeout(() => { el.textContent = text; }, 50);
  }

  /* -- storage: one JSON value per key, scoped to the site (Material's __md_scope) ----------------------------- */
  function scope() {
    try { return (window.__md_scope && new URL(window.__md_scope).pathname) || "/"; } catch (e) { return "/"; }
  }
  const skey = k => scope() + "wp:" + k;
  const store = {
    get(k) { try { return JSON.parse(localStorage.getItem(skey(k))); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(skey(k), JSON.stringify(v)); } catch (e) { /* private mode, full */ } },
    all() {
      const out = {}, p = skey("");
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k.indexOf(p) === 0) out[k.slice(p.length)] = JSON.parse(localStorage.getItem(k));
        }
      } catch (e) { /* no storage */ }
      return out;
    },
    clear() {
      for (const k in this.all()) try { localStorage.removeItem(skey(k)); } catch (e) { /* no storage */ }
    }
  };
  const update = (k, fn) => { const v = store.get(k) || {}; fn(v); store.set(k, v); };

  // Every form control's value by name (radio and checkbox: a list of values), and back.
  const FIELDS = "input[name],select[name],textarea[name]";
  const isChoice = el => el.type === "radio" || el.type === "checkbox";
  function collect(root) {
    const data = {};
    for (const el of $$(root, FIELDS)) {
      if (isChoice(el)) { if (el.checked) (data[el.name] = data[el.name] || []).push(el.value); }
      else if (el.type !== "file" && el.value) data[el.name] = el.value;
    }
    return data;
  }
  function apply(root, data) {
    for (const el of $$(root, FIELDS)) {
      const v = data[el.name];
      if (isChoice(el)) el.checked = Array.isArray(v) && v.indexOf(el.value) >= 0;
      else if (el.type !== "file") el.value = v == null ? "" : v;
    }
  }

  /* -- quizzes ------------------------------------------------------------------------------------------------ */
  // Fill-in answers: case, accents, runs of spaces and punctuation or spaces at the ends do not count.
  const norm = s => String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "").replace(/\s+/g, " ");
  function keyOf(q) {
    try { return JSON.parse(attr(q.querySelector(".wp-answer"), "data-key")) || {}; } catch (e) { return {}; }
  }

  function grade(q) {
    const type = attr(q, "data-type"), key = keyOf(q), max = +attr(q, "data-points") || 0;
    const picked = $$(q, "input:checked").map(i => i.value), text = q.querySelector("input[type=text],textarea");
    const r = { q, type, picked, max, points: 0, scored: type !== "open" };
    if (type === "open") {
      r.answered = !!(text && text.value.trim());
      return r;
    }
    if (type === "single" || type === "multiple" || type === "truefalse") {
      const want = type === "truefalse" ? [String(key.answer)] : (key.correct || []).map(String);
      const right = v => want.indexOf(v) >= 0;
      r.answered = picked.length > 0;
      r.ok = type === "multiple" ? picked.length === want.length && picked.every(right) : right(picked[0]);
      r.missed = type === "multiple" && !r.ok && picked.every(right);
    } else if (type === "fill") {
      r.answered = !!text.value.trim();
      r.ok = (key.answers || []).some(a => norm(a) === norm(text.value));
    } else { // matching: each left item's select must hold its own index; ordering: item i at position i + 1
      r.parts = $$(q, "select").map(s => ({ s, ok: s.value !== "" &&
        +s.value === (type === "ordering" ? +attr(s, "data-item") + 1 : +attr(s, "data-left")) }));
      r.answered = r.parts.some(p => p.s.value !== "");
      r.ok = r.parts.every(p => p.ok);
    }
    r.ok = !!(r.answered && r.ok);
    r.points = r.ok ? max : 0;
    return r;
  }

  // Feedback of one question, from the texts in its (hidden) details.wp-answer.
  function feedback(r) {
    const { q, type } = r, ans = q.querySelector(".wp-answer"), out = [];
    const state = type === "open" ? "open" : !r.answered ? "unanswered" : r.ok ? "correct" : "incorrect";
    q.setAttribute("data-result", state);
    out.push(h("p", { class: "wp-verdict wp-verdict--" + state }, icon(state), " ", h("strong", null, T(state))));
    let chosen = [];
    if (type === "open") {
      const model = ans.querySelector(".wp-model-answer");
      if (model) out.push(model.cloneNode(true));
    } else if (r.parts && r.answered) {
      out.push(h("p", null, T("parts", { n: r.parts.filter(p => p.ok).length, m: r.parts.length })));
      for (const p of r.parts) { // every row marked in text and with an icon
        const row = p.s.parentNode, st = p.ok ? "correct" : "incorrect", old = row.querySelector(".wp-row-mark");
        if (old) old.remove();
        row.setAttribute("data-result", st);
        row.append(h("span", { class: "wp-row-mark" }, icon(st), " ", T(p.ok ? "rowok" : "rowbad")));
      }
    } else if (type === "fill") {
      if (r.answered) chosen = [ans.querySelector(`li[data-result="${r.ok ? "correct" : "incorrect"}"]`)];
    } else {
      chosen = r.picked.map(v => ans.querySelector(`li[data-option="${v}"]`));
    }
    chosen = chosen.filter(Boolean);
    if (chosen.length) {
      out.push(h("ul", { class: "wp-fb-list" }, chosen.map(li => h("li", { "data-correct": attr(li, "data-correct") },
        Array.from(li.childNodes, n => n.cloneNode(true))))));
    }
    if (r.missed) out.push(h("p", null, T("missed")));
    const general = ans.querySelector(".wp-general");
    if (general && (r.answered || type === "open")) out.push(general.cloneNode(true));
    fill(q.querySelector(".wp-feedback"), out);
  }

  function check(form, restoring) {
    let score = 0, max = 0;
    for (const q of $$(form, ".wp-question")) {
      const r = grade(q);
      feedback(r);
      if (r.scored) { score += r.points; max += r.max; }
    }
    const raw = attr(form, "data-pass-mark"), mark = raw === null || raw === "" ? null : +raw;
    const percent = max ? 100 * score / max : null;
    const passed = mark === null || percent === null ? null : percent >= mark;
    const box = form.querySelector(".wp-score"), verdict = passed ? "passed" : "failed";
    fill(box,
      max ? h("p", null, h("strong", null,
        T("score", { s: score, m: max, u: T(max === 1 ? "point" : "points"), p: Math.round(percent) }))) : null,
      passed === null ? h("p", null, T(max ? "practice" : "onlyopen"))
        : h("p", { class: "wp-verdict wp-verdict--" + verdict }, icon(verdict), " ", T(verdict, { mark })));
    form.setAttribute("data-result", passed === null ? "done" : verdict);
    const retry = form.querySelector(".wp-retry");
    if (retry) retry.hidden = false;
    if (restoring) return;
    const result = { score, max, percent, passed, mark, date: new Date().toISOString() };
    update(form.__wpKey, s => { s.answers = collect(form); s.graded = true; s.result = result; });
    box.setAttribute("tabindex", "-1");
    box.focus();
    form.dispatchEvent(new CustomEvent("wp:graded", { bubbles: true, detail: { score, max, percent, passed } }));
  }

  function shuffle(box) {
    const kids = Array.from(box.children);
    for (let i = kids.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [kids[i], kids[j]] = [kids[j], kids[i]];
    }
    box.append(...kids);
  }

  function initQuiz(form) {
    const key = form.__wpKey = attr(form, "data-wp-quiz") + "@" + attr(form, "data-version");
    for (const q of $$(form, ".wp-question")) {
      if (q.hasAttribute("data-shuffle")) $$(q, ".wp-options").forEach(shuffle);
      const ans = q.querySelector(".wp-answer");
      if (ans) ans.hidden = true; // the fallback without JavaScript; the feedback goes into .wp-feedback now
    }
    $$(form, ".wp-quiz-actions").forEach(a => { a.hidden = false; });
    const saved = store.get(key);
    if (saved && saved.answers) apply(form, saved.answers);
    if (saved && saved.graded) check(form, true);
    form.addEventListener("submit", e => { e.preventDefault(); check(form); });
    const remember = () => update(key, s => { s.answers = collect(form); s.graded = false; });
    form.addEventListener("change", remember);
    form.addEventListener("input", remember);
    const retry = form.querySelector(".wp-retry");
    if (retry) {
      retry.addEventListener("click", () => {
        apply(form, {});
        for (const el of $$(form, "[data-result]")) el.removeAttribute("data-result");
        for (const el of $$(form, ".wp-row-mark")) el.remove();
        for (const el of $$(form, ".wp-feedback,.wp-score")) fill(el);
        form.removeAttribute("data-result");
        retry.hidden = true;
        update(key, s => { s.answers = {}; s.graded = false; }); // the last result stays for the progress page
        const first = form.querySelector(".wp-question :is(input, select, textarea)");
        if (first) first.focus();
      });
    }
  }

  /* -- instruments -------------------------------------------------------------------------------------------- */
  const itemsOf = spec => spec.dimensions.reduce((all, d) => all.concat(d.items), []);
  function profileOf(spec, values) { // per dimension: mean (reversed items as max + min - x) and reference mean
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
  }
  const b64 = s => btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const unb64 = s => new TextDecoder().decode(
    Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), c => c.charCodeAt(0)));

  // A bar chart as inline SVG; no viewBox: bars in %, text in px, so it stays legible at any width.
  function chart(rows, spec, label) {
    const H = 48, pos = v => Math.max(0, Math.min(100, 100 * (v - spec.min) / ((spec.max - spec.min) || 1)));
    const pc = v => pos(v).toFixed(2) + "%";
    const svg = h("svg", { class: "wp-chart", role: "img", "aria-label": label, width: "100%",
      height: rows.length * H + 4 }, h("title", null, label));
    rows.forEach((r, i) => {
      const y = i * H, extra = r.reference != null ? ` (${T("ref").toLowerCase()} ${num(r.reference)})`
        : r.low != null ? ` (${num(r.low)}–${num(r.high)})` : "";
      svg.append(h("g", null,
        h("text", { x: 0, y: y + 15 }, `${r.title}: ${num(r.mean)}${extra}`),
        h("rect", { class: "wp-track", x: 0, y: y + 22, width: "100%", height: 16, rx: 2 }),
        r.mean != null && h("rect", { class: "wp-bar", x: 0, y: y + 22, height: 16, rx: 2,
          width: Math.max(pos(r.mean), 0.5).toFixed(2) + "%" }),
        r.low != null && h("rect", { class: "wp-range", x: pc(r.low), y: y + 28, height: 4,
          width: (pos(r.high) - pos(r.low)).toFixed(2) + "%" }),
        r.reference != null && h("rect", { class: "wp-ref", x: pc(r.reference), y: y + 18, width: 4, height: 24,
          transform: "translate(-2 0)" })));
    });
    return svg;
  }
  // A table in a region that scrolls sideways when the screen is narrow (and can be scrolled by keyboard).
  const table = (caption, head, rows) => h("div", { class: "wp-table-wrap", tabindex: "0", role: "region",
    "aria-label": caption }, h("table", { class: "wp-table" }, h("caption", null, caption),
    h("thead", null, h("tr", null, head.map(c => h("th", { scope: "col" }, c)))),
    h("tbody", null, rows.map(r => h("tr", null, h("th", { scope: "row" }, r[0]),
      r.slice(1).map(c => h("td", null, c)))))));
  const summary = (title, rows) => `${title}: ` + rows.map(r => `${r.title} ${num(r.mean)}`).join("; ");

  function readValues(form, spec) {
    const values = {}, name = attr(form, "data-wp-instrument");
    for (const it of itemsOf(spec)) {
      const el = form.querySelector(`input[name="${CSS.escape(name + "-" + it.id)}"]:checked`);
      if (el) values[it.id] = +el.value;
    }
    return values;
  }

  function showProfile(form, spec, restoring) {
    const values = readValues(form, spec), all = itemsOf(spec), count = Object.keys(values).length;
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
    const date = new Date().toISOString(), round = x => (x == null ? null : Math.round(x * 100) / 100);
    const csv = [T("csvhead")].concat(rows.map(r => [r.id, `"${r.title.replace(/"/g, '""')}"`, round(r.mean) ?? "",
      round(r.reference) ?? "", r.answered, r.items].join(","))).join("\r\n") + "\r\n";
    const json = { instrument: id, title, version, date, scale: { min: spec.min, max: spec.max }, answers: values,
      dimensions: rows.map(r => ({ id: r.id, title: r.title, mean: round(r.mean), reference: round(r.reference),
        answered: r.answered, items: r.items })), code };
    const codeId = newId("code"), copied = h("span", { class: "wp-status", role: "status" });
    const copy = () => {
      document.getElementById(codeId).select();
      const done = () => say(copied, T("copied")), old = () => { document.execCommand("copy"); done(); };
      if (navigator.clipboard) navigator.clipboard.writeText(code).then(done, old);
      else old();
    };
    fill(box, heading,
      count < all.length && h("p", null, T("missing", { n: all.length - count, m: all.length })),
      chart(rows, spec, summary(T("profile"), rows)),
      table(T("caption", { lo: spec.min, hi: spec.max }), head, cells),
      h("div", { class: "wp-actions" },
        button(T("print"), () => window.print()),
        button(T("csv"), () => download(`${id}-profiel.csv`, "text/csv;charset=utf-8", "\ufeff" + csv)),
        button(T("json"), () => download(`${id}-profiel.json`, "application/json", JSON.stringify(json, null, 2)))),
      h("p", { class: "wp-share" }, h("label", { for: codeId }, T("share")), " ",
        h("input", { id: codeId, class: "wp-code", type: "text", readonly: true, value: code,
          onfocus: e => e.target.select(), onkeydown: e => { if (e.key === "Enter") e.preventDefault(); } }),
        " ", button(T("copy"), copy), " ", copied),
      h("p", { class: "wp-help" }, T("sharehelp")));
    for (const d of $$(form, "details.wp-reference")) d.hidden = false;
    if (restoring) return;
    update(form.__wpKey, s => { s.answers = collect(form); s.done = true; s.date = date; s.title = title; });
    heading.focus();
  }

  // Several members' share codes: per dimension the mean of their means, the lowest and the highest.
  function teamProfile(form, spec, text, out, msg) {
    const id = attr(form, "data-id"), version = attr(form, "data-version"), all = itemsOf(spec);
    const members = [], problems = [];
    text.split(/\r?\n/).forEach((line, i) => {
      line = line.trim();
      if (!line) return;
      let data;
      try { data = JSON.parse(unb64(line)); } catch (e) { data = null; }
      if (!data || !Array.isArray(data.a)) return problems.push(T("bad", { n: i + 1 }));
      if (data.i !== id || data.v !== version || data.a.length !== all.length) {
        return problems.push(T("other", { n: i + 1 }));
      }
      const values = {};
      all.forEach((it, k) => { const v = +data.a[k]; if (v >= spec.min && v <= spec.max) values[it.id] = v; });
      members.push(profileOf(spec, values));
    });
    if (!members.length) {
      fill(out);
      return say(msg, [T("teamnone")].concat(problems).join(" "));
    }
    const rows = spec.dimensions.map((d, k) => {
      const xs = members.map(m => m[k].mean).filter(x => x != null), any = xs.length > 0;
      return { title: d.title, mean: any ? avg(xs) : null, low: any ? Math.min(...xs) : null,
        high: any ? Math.max(...xs) : null, n: xs.length };
    });
    fill(out, chart(rows, spec, summary(T("team"), rows)),
      table(T("teamcaption", { lo: spec.min, hi: spec.max }), [T("dim"), T("mean"), T("low"), T("high"), T("n")],
        rows.map(r => [r.title, num(r.mean), num(r.low), num(r.high), String(r.n)])));
    say(msg, [T(members.length === 1 ? "teamof1" : "teamof", { n: members.length })].concat(problems).join(" "));
  }

  function initInstrument(form) {
    let spec;
    try { spec = JSON.parse(attr(form, "data-spec")); } catch (e) { return; }
    const key = form.__wpKey = attr(form, "data-wp-instrument") + "@" + attr(form, "data-version");
    for (const d of $$(form, "details.wp-reference")) d.hidden = true; // shown with the profile, to compare
    $$(form, ".wp-quiz-actions").forEach(a => { a.hidden = false; });
    const codesId = newId("codes"), out = h("div", { class: "wp-team-result" });
    const msg = h("p", { class: "wp-status", role: "status" });
    const codes = h("textarea", { id: codesId, rows: 4, spellcheck: "false", autocomplete: "off" });
    form.after(h("details", { class: "wp-team" }, h("summary", null, T("team")),
      h("p", null, T("teamhelp")), h("label", { for: codesId }, T("codes")), codes,
      h("div", { class: "wp-actions" },
        button(T("maketeam"), () => teamProfile(form, spec, codes.value, out, msg), "md-button--primary")),
      msg, out));
    const saved = store.get(key);
    if (saved && saved.answers) apply(form, saved.answers);
    if (saved && saved.done) showProfile(form, spec, true);
    form.addEventListener("submit", e => { e.preventDefault(); showProfile(form, spec); });
    form.addEventListener("change", e => {
      if (e.target.type === "radio") update(key, s => { s.answers = collect(form); });
    });
  }

  /* -- progress ----------------------------------------------------------------------------------------------- */
  const pathOf = url => decodeURI(new URL(url, location.href).pathname).replace(/\/index\.html$/, "/");
  function recordVisit() { // lessons are the pages under modules/<id>/
    const path = pathOf(location.href);
    if (/\/modules\/[^/]+\/[^/]+/.test(path)) update("visits", v => { v[path] = new Date().toISOString(); });
  }

  function quizState(m, saved) {
    const r = saved && saved.result;
    if (r && r.max) {
      const passed = r.passed != null ? r.passed : r.percent >= m.passMark, state = passed ? "passed" : "failed";
      return [`${Math.round(r.percent)}% (${r.score}/${r.max}) · ${day(r.date)}`,
        h("span", { class: "wp-state wp-state--" + state }, icon(state), " ", T(state + "short"))];
    }
    const busy = saved && saved.answers && Object.keys(saved.answers).length;
    return [T(r ? "done" : busy ? "busy" : "notstarted"), h("span", { class: "wp-state" }, "–")];
  }

  function initProgress(el) {
    let data;
    try { data = JSON.parse(attr(el, "data-wp-progress")); } catch (e) { return; }
    $$(el, ".wp-progress-list").forEach(l => { l.hidden = true; });
    const view = h("div", { class: "wp-report" }), msg = h("p", { class: "wp-status", role: "status" });
    const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, tabindex: "-1" });
    const nameId = newId("name");
    const name = h("input", { id: nameId, type: "text", autocomplete: "name", value: store.get("name") || "" });
    const render = () => {
      const all = store.all(), visits = all.visits || {}, who = store.get("name");
      const rows = (data.modules || []).map(m => {
        const units = m.units || [], seen = units.filter(u => visits[pathOf(u.url)]).length;
        const [quiz, status] = quizState(m, all[m.quiz + "@" + m.version]);
        return [h("a", { href: m.url }, m.title), `${num(m.studyLoad, m.studyLoad % 1 ? 1 : 0)} ${T("hours")}`,
          T("of", { n: seen, m: units.length }), h("a", { href: m.quizUrl }, quiz), status];
      });
      const instruments = (data.instruments || []).map(i => {
        const found = Object.keys(all).filter(k => k.indexOf(i.key + "@") === 0 && all[k] && all[k].done)
          .map(k => all[k].date).sort().pop();
        return h("li", null, h("a", { href: i.url }, i.title), ": ",
          found ? T("filled", { d: day(found) }) : T("notfilled"));
      });
      fill(view, h("h2", null, T("overview")),
        h("p", { class: "wp-report-meta" }, `${T("date")}: ${day(new Date())}`,
          who && [h("br"), `${T("name")}: ${who}`]),
        table(T("modcap"), [T("module"), T("load"), T("lessons"), T("quiz"), T("result")], rows),
        instruments.length > 0 && [h("h3", null, T("instruments")), h("ul", null, instruments)]);
    };
    name.addEventListener("input", () => { store.set("name", name.value.trim()); render(); });
    file.addEventListener("change", () => {
      const f = file.files && file.files[0];
      if (!f) return;
      f.text().then(text => {
        const dump = JSON.parse(text);
        if (!dump || dump.format !== "werkplaats-progress" || !dump.items || typeof dump.items !== "object") {
          throw new Error("not an export");
        }
        for (const k in dump.items) store.set(k, dump.items[k]);
        name.value = store.get("name") || "";
        render();
        say(msg, T("imported"));
      }).catch(() => say(msg, T("badfile"))).then(() => { file.value = ""; });
    });
    const exportAll = () => {
      const now = new Date().toISOString();
      download(`werkplaats-voortgang-${now.slice(0, 10)}.json`, "application/json",
        JSON.stringify({ format: "werkplaats-progress", version: 1, exported: now, items: store.all() }, null, 2));
      say(msg, T("exported"));
    };
    const reset = () => {
      if (!window.confirm(T("confirm"))) return;
      store.clear();
      name.value = "";
      render();
      say(msg, T("wiped"));
    };
    el.append(view, h("div", { class: "wp-progress-actions" },
      h("p", { class: "wp-field" }, h("label", { for: nameId }, T("yourname")), " ", name),
      h("div", { class: "wp-actions" },
        button(T("printreport"), () => window.print(), "md-button--primary"),
        button(T("export"), exportAll),
        button(T("import"), () => file.click()),
        button(T("reset"), reset, "wp-danger")),
      file, msg));
    render();
  }

  /* -- index filters ------------------------------------------------------------------------------------------ */
  function initFilter(form) {
    const list = document.getElementById(attr(form, "data-wp-filter"));
    if (!list) return;
    const selects = $$(form, "select[data-filter]"), out = form.querySelector("output");
    const fits = (li, s) => !s.value
      || (attr(li, "data-" + attr(s, "data-filter")) || "").split("|").indexOf(s.value) >= 0;
    const run = () => {
      const items = $$(list, ":scope > li");
      let shown = 0;
      for (const li of items) {
        li.hidden = !selects.every(s => fits(li, s));
        shown += li.hidden ? 0 : 1;
      }
      if (out) out.textContent = T("shown", { n: shown, m: items.length });
    };
    form.addEventListener("change", run);
    form.addEventListener("submit", e => e.preventDefault());
    form.hidden = false;
    run();
  }

  /* -- start -------------------------------------------------------------------------------------------------- */
  const PARTS = [["form.wp-quiz", initQuiz], ["form.wp-instrument", initInstrument],
    [".wp-progress[data-wp-progress]", initProgress], ["form.wp-filter[data-wp-filter]", initFilter]];
  function init() {
    try { recordVisit(); } catch (e) { /* no storage */ }
    for (const [sel, setUp] of PARTS) {
      for (const el of $$(document, sel)) {
        if (el.hasAttribute("data-wp-ready")) continue;
        el.setAttribute("data-wp-ready", "");
        try { setUp(el); } catch (e) { if (window.console) console.error("werkplaats:", e); }
      }
    }
  }
  const ready = () => (document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", init)
    : init());
  // Material's document$ emits for every page of instant navigation. From file:// with navigation.instant it
  // completes without emitting; then, and without Material, start the plain way.
  let seen = false;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe({ next() { seen = true; init(); }, complete() { if (!seen) ready(); } });
  } else {
    ready();
  }
})();
