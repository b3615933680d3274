/* exam.js (issue #15): exam mode, pools, attempts, timer; "Herhalen". Uses window.werkplaats; werkplaats.js grades
 * and dispatches "wp:quizinit" (before restoring answers) and "wp:graded" on a quiz form. Data: .wp-exam[data-wp-exam]
 * {mode, draw, per, groups, attempts, time, extra, units: {qid: [href, title]}}; .wp-herhalen[data-wp-review]
 * {dom qid: "module/qid"}; [data-wp-due=href]. Store: "exam:<form id>" {n, best, last, draw: [qid], start, done,
 * extra}; "review" {"module/qid": {box 1-5, due "YYYY-MM-DD", quiz}}, due again DAYS[box - 1] days after an answer.
 */
(function () {
  "use strict";
  const W = window.werkplaats;
  if (!W || window.__wpExamJs) return;
  window.__wpExamJs = true;
  const { store, h, fill, T, say, register, $$, json, mix, button, answerOf } = W;
  const attr = (el, name) => el.getAttribute(name);
  const DAYS = [1, 3, 7, 14, 30];
  const today = plus => { // the local date as "YYYY-MM-DD" (the form of Swedish dates), plus days
    const d = new Date();
    d.setDate(d.getDate() + (plus || 0));
    return d.toLocaleDateString("sv");
  };
  const qid = q => attr(q, "data-qid");
  const settings = form => {
    const el = form.querySelector(".wp-exam[data-wp-exam]");
    return el && json(attr(el, "data-wp-exam"));
  };
  const isExam = form => settings(form)?.mode === "exam";
  const renumber = form => {
    $$(form, ".wp-question .wp-qnum").forEach((el, i) => { el.textContent = el.textContent.replace(/\d+/, i + 1); });
  };

  /* -- the review queue ----------------------------------------------------------------------------------------- */
  const okEntry = v => [1, 2, 3, 4, 5].includes(v?.box) && /^\d{4}-\d\d-\d\d$/.test(v.due) && typeof v.quiz === "string";
  const queue = () => {
    const r = store.get("review"), out = {};
    if (r && typeof r === "object") for (const k in r) if (okEntry(r[k])) out[k] = r[k];
    return out;
  };
  const due = r => Object.keys(r).filter(k => r[k].due <= today());

  // Every graded quiz: wrong answers (and right ones the learner doubted) enter box 1; Herhalen moves them on.
  document.addEventListener("wp:graded", e => {
    if (!W.site) return; // not on the site (a SCORM package): no Herhalen, keep the LMS's store small
    const form = e.target, id = attr(form, "data-wp-quiz"), review = form.closest(".wp-herhalen");
    const keys = review ? json(attr(review, "data-wp-review")) || {} : null, module = attr(form, "data-module");
    const exam = isExam(form), r = queue();
    let up = 0, back = 0;
    for (const q of $$(form, ".wp-question")) {
      const state = attr(q, "data-result"), doubt = form.querySelector(`[data-wp-doubt="${CSS.escape(qid(q))}"]`);
      const key = review ? keys[qid(q)] : module && module + "/" + qid(q);
      if (!key || state === "open" || (state === "unanswered" && !exam)) continue;
      const right = state === "correct" && !doubt?.checked;
      const old = r[key], box = review && right && old ? old.box + 1 : 1;
      if (box > 5) delete r[key];
      else if (box > 1 || !right) r[key] = { box, due: today(DAYS[box - 1]), quiz: review && old ? old.quiz : id };
      if (box > 1) up++;
      else if (!right) back++;
    }
    store.set("review", r);
    if (review) {
      store.remove("quiz:" + id); // Herhalen starts afresh with what is due on every visit
      say(review.querySelector(".wp-review-status"), T("review_moved", { r: up, w: back }));
    }
  });

  // Herhalen: only the questions due today; questions no longer in the content drop out of the queue quietly.
  const prepareReview = (form, box) => {
    const keys = json(attr(box, "data-wp-review")) || {}, r = queue(), known = new Set(Object.values(keys));
    let dropped = false;
    for (const k in r) if (!known.has(k)) { delete r[k]; dropped = true; }
    if (dropped) store.set("review", r);
    const now = new Set(due(r));
    for (const q of $$(form, ".wp-question")) if (!now.has(keys[qid(q)])) q.remove();
    store.remove("quiz:" + attr(form, "data-wp-quiz"));
    renumber(form);
    form.hidden = !now.size;
    const status = box.querySelector(".wp-review-status");
    if (status) status.textContent = now.size ? T(now.size === 1 ? "due_1" : "due_n", { n: now.size }) : T("review_none");
  };

  /* -- exam mode: the pool of an attempt ------------------------------------------------------------------------ */
  const key = form => "exam:" + attr(form, "data-wp-quiz");
  const save = (form, rec) => store.set(key(form), rec);
  const record = form => {
    const r = store.get(key(form));
    return r || { n: 0, best: null, last: null, draw: [], start: null, done: false, extra: false };
  };
  const pick = (c, ids) => {
    if (c.per && c.groups) {
      const out = [];
      for (const g in c.groups) {
        let k = 0;
        for (const x of mix(c.groups[g])) {
          if (k >= c.per || !ids.includes(x)) continue;
          if (!out.includes(x)) out.push(x);
          k++;
        }
      }
      return mix(out);
    }
    return c.draw ? mix(ids).slice(0, c.draw) : ids;
  };
  const prepareExam = (form, c) => {
    const qs = $$(form, ".wp-question"), ids = qs.map(qid), rec = record(form);
    const size = c.draw && !c.per ? Math.min(c.draw, ids.length) : null;
    if (!rec.draw.length || !rec.draw.every(x => ids.includes(x)) || (size && rec.draw.length !== size)) {
      rec.draw = pick(c, ids); // a new attempt, or the content changed under the old draw
      save(form, rec);
    }
    const before = form.querySelector(".wp-quiz-actions");
    for (const id of rec.draw) before.before(qs[ids.indexOf(id)]);
    for (const q of qs) if (!rec.draw.includes(qid(q))) q.remove();
    renumber(form);
  };
  document.addEventListener("wp:quizinit", e => {
    const form = e.target, box = form.closest(".wp-herhalen"), c = settings(form);
    if (box) prepareReview(form, box);
    else if (c && (c.draw || c.per)) prepareExam(form, c);
  });

  // Exam mode: one "Inleveren"; unanswered questions are named first (inline, announced), then handed in anyway.
  document.addEventListener("submit", e => {
    const form = e.target;
    if (!form.__wpExam || form.__wpForce) return;
    const open = $$(form, ".wp-question").filter(q => answerOf(q) == null);
    form.querySelector(".wp-warn")?.remove();
    const done = record(form).done;
    if (!open.length && !done) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (done) return; // handed in: graded (and reported) once
    const text = h("p", { tabindex: "-1" }, T("unanswered_n", { n: open.length, m: $$(form, ".wp-question").length }));
    const warn = h("div", { class: "wp-warn", role: "alert" }, text,
      h("ul", null, open.map(q => h("li", null, h("a", { href: "#" + q.id }, q.querySelector(".wp-qnum").textContent)))),
      h("div", { class: "wp-actions" },
        button(T("submit_anyway"), () => handIn(form), "md-button--primary"),
        button(T("go_on"), () => {
          warn.remove();
          open[0].querySelector("input,select,textarea")?.focus();
        })));
    form.querySelector(".wp-quiz-actions").before(warn);
    text.focus();
  }, true);
  const handIn = form => {
    form.querySelector(".wp-warn")?.remove();
    form.__wpForce = true;
    try { form.requestSubmit(); } finally { form.__wpForce = false; }
  };

  // After handing in: every question with the learner's answer (locked), the right answer with all feedback, and a
  // link to the lesson that teaches it.
  const showReview = (form, c) => {
    for (const q of $$(form, ".wp-question")) {
      $$(q, "fieldset").forEach(f => { f.disabled = true; });
      const ans = q.querySelector(".wp-answer");
      if (ans) { ans.hidden = false; ans.open = true; }
      const unit = c.units?.[qid(q)];
      if (unit && !q.querySelector(".wp-read")) {
        q.append(h("p", { class: "wp-read" }, h("a", { href: unit[0] }, T("read_again", { t: unit[1] }))));
      }
    }
  };
  const pct = x => (x == null ? "–" : Math.round(x));
  const status = (form, c, rec, el) => {
    const max = c.attempts, used = max && rec.n >= max;
    fill(el.querySelector(".wp-attempt"),
      rec.done && used ? T("no_attempts", { m: max, b: pct(rec.best) })
        : T(max ? "attempt_of" : "attempt", { n: rec.n + (rec.done ? 0 : 1), m: max }),
      rec.n > 0 && [" ", T("scores", { n: rec.n, b: pct(rec.best), l: pct(rec.last) })]);
    const actions = form.querySelector(".wp-quiz-actions"), check = form.querySelector(".wp-check");
    if (check) check.hidden = rec.done;
    let again = form.querySelector(".wp-again");
    if (rec.done && !used && !again) {
      actions.append(again = button(T("new_attempt"), () => newAttempt(form), "md-button--primary wp-again"));
    }
  };
  const newAttempt = form => {
    const rec = record(form), quiz = store.get("quiz:" + attr(form, "data-wp-quiz"));
    Object.assign(rec, { draw: [], start: null, done: false });
    save(form, rec);
    if (quiz) {
      Object.assign(quiz, { answers: {}, fp: {}, changed: [], graded: false });
      store.set("quiz:" + attr(form, "data-wp-quiz"), quiz);
    }
    location.reload();
  };

  // The timer: advisory, visible, announced at 5 and 1 minutes left; at the end the test is handed in.
  const clock = ms => { const s = Math.max(0, Math.ceil(ms / 1000)); return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, 0); };
  const timer = (form, c, el) => {
    const rec = record(form);
    if (!rec.start) { rec.start = new Date().toISOString(); save(form, rec); }
    const shown = h("p", { class: "wp-timer", role: "timer" }), live = h("p", { class: "wp-status", role: "status" });
    const extra = c.extra > 0 && h("label", { class: "wp-extra" }, h("input", { type: "checkbox", checked: rec.extra,
      onchange: e => { const r = record(form); r.extra = e.target.checked; save(form, r); tick(); } }),
    " ", T("extra", { n: c.extra }));
    el.append(extra || "", live);
    el.after(shown); // a child of the form, so that it stays in view (sticky) while the test is taken
    let said = 99;
    const tick = () => {
      const r = record(form);
      if (!form.isConnected || r.done) return clearInterval(run);
      const left = Date.parse(r.start) + (c.time + (r.extra ? c.extra || 0 : 0)) * 60000 - Date.now();
      const min = Math.ceil(left / 60000);
      shown.textContent = T("time_left", { t: clock(left) });
      shown.classList.toggle("wp-timer--low", min <= 5);
      if (left <= 0) {
        clearInterval(run);
        say(live, T("time_up"));
        return handIn(form);
      }
      for (const m of [5, 1]) {
        if (min <= m && said > m && min > m - 1) say(live, T(m === 1 ? "minute_left" : "minutes_left", { n: m }));
      }
      said = Math.min(said, min);
    };
    const run = setInterval(tick, 1000);
    tick();
  };

  const initExam = el => {
    const form = el.closest("form.wp-quiz"), c = settings(form);
    if (c?.mode !== "exam") return;
    form.__wpExam = true;
    form.classList.add("wp-exam-form");
    const check = form.querySelector(".wp-check");
    if (check) check.textContent = T("submit");
    el.append(h("p", { class: "wp-attempt" }));
    const rec = record(form);
    if (rec.done && !form.hasAttribute("data-result")) { // handed in, but the graded answers are gone: start over
      Object.assign(rec, { start: null, done: false });
      save(form, rec);
    }
    status(form, c, rec, el);
    if (rec.done) showReview(form, c);
    else if (c.time) timer(form, c, el);
    form.addEventListener("wp:graded", e => {
      const r = record(form), p = e.detail?.percent;
      Object.assign(r, { n: r.n + 1, last: p, best: r.best == null || p > r.best ? p : r.best, done: true,
        start: null });
      save(form, r);
      $$(form, ".wp-timer,.wp-extra").forEach(x => x.remove());
      showReview(form, c);
      status(form, c, r, el);
    });
  };
  register(".wp-exam[data-wp-exam]", initExam);

  // Practice mode: "Ik twijfelde" under every scored question; a right answer with doubt enters the review queue.
  register("form.wp-quiz", form => {
    if (isExam(form)) return;
    const c = settings(form), retry = form.querySelector(".wp-retry");
    if (retry) retry.addEventListener("click", () => {
      $$(form, "[data-wp-doubt]").forEach(d => { d.checked = false; });
      if (!c) return;
      const rec = record(form); // a practice test with a pool: a new draw
      rec.draw = [];
      save(form, rec);
      location.reload();
    });
    for (const q of W.site ? $$(form, ".wp-question") : []) {
      if (attr(q, "data-type") === "open") continue;
      q.after(h("p", { class: "wp-doubt" }, h("label", null, // outside the question: not an answer
        h("input", { type: "checkbox", "data-wp-doubt": qid(q) }), " ", T("doubt"))));
    }
  });

  // "Vandaag te herhalen: n vragen", on Mijn voortgang and the home page.
  register("[data-wp-due]", el => {
    const n = due(queue()).length;
    fill(el, T(n ? (n === 1 ? "due_1" : "due_n") : "due_0", { n }), n > 0 && [" ",
      h("a", { href: attr(el, "data-wp-due") }, T("to_review"))]);
    el.hidden = false;
  });
})();
