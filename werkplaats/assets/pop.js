/* pop.js: "Mijn ontwikkeling": self-assessment per competence, evidence, goals and the printable POP.
 * DOM contract and page data: werkplaats/pages/pop.py. Uses window.werkplaats (werkplaats.js) and nothing else.
 *
 * Store key "pop" (checked by `valid` before every use and on import):
 *   {"competences": {"<competence id>": {
 *     "ratings": {"<level>.<indicator index>": {"v": 0-3, "fp": "<indicator fingerprint>", "date": ISO}},
 *     "snapshots": [{"date": ISO, "level": 0-3, "ratings": {"<level>.<index>": 0-3}}],
 *     "notes": [{"id", "date": "YYYY-MM-DD", "situation", "task", "action", "result", "reflection"}],
 *     "goals": [{"id", "what", "how", "when": "YYYY-MM-DD", "who", "date": ISO}]}}}
 * A rating whose fp is not the indicator's current one (the lecturer changed the text) is shown but not counted.
 * Level rule (`level`): a level is reached when every indicator of it is rated 2 (meestal) or 3 (altijd) and the
 * level below it is reached; 0 = none, 1 startbekwaam, 2 vakbekwaam, 3 vakvolwassen.
 * File: {"format": "werkplaats-pop", "version": 1, "exported": ISO, "name": text, "pop": <the value above>}.
 * Case pages carry [data-wp-visit]: their visit goes into "visits" (evidence: case read).
 */
(function () {
  "use strict";
  const W = window.werkplaats;
  if (!W || window.werkplaatsPop) return;
  const { store, h, fill, T, say, register, download, notice } = W;
  const LV = ["startbekwaam", "vakbekwaam", "vakvolwassen"], NOTE = ["situation", "task", "action", "result",
    "reflection"], $$ = (el, s) => Array.from(el.querySelectorAll(s)), own = (o, k) => Object.hasOwn(o, k);

  /* -- checks ------------------------------------------------------------------------------------------------- */
  const isObj = v => v != null && typeof v === "object" && !Array.isArray(v);
  const re = x => v => typeof v === "string" && x.test(v);
  const ID = re(/^[a-z0-9][a-z0-9-]{0,79}$/), RK = re(/^(startbekwaam|vakbekwaam|vakvolwassen)\.\d{1,3}$/);
  const DAY = re(/^\d{4}-\d\d-\d\d$/), ISO = re(/^\d{4}-\d\d-\d\dT[\d:.]{5,12}Z$/), FP = re(/^[0-9a-f]{8}$/);
  const str = n => v => typeof v === "string" && v.length <= n && !/<[a-z!/?]/i.test(v);
  const lvl = v => Number.isInteger(v) && v >= 0 && v <= 3;
  const shape = (rules, need) => v => isObj(v) && Object.keys(v).every(k => own(rules, k) && rules[k](v[k]))
    && need.every(k => own(v, k));
  const dict = (n, key, ok) => v => isObj(v) && Object.keys(v).length <= n && Object.keys(v).every(k => key(k) && ok(v[k]));
  const list = (n, ok) => v => Array.isArray(v) && v.length <= n && v.every(ok);
  const text = str(2000), tid = str(40);
  const note = shape({ id: tid, date: DAY, situation: text, task: text, action: text, result: text, reflection: text },
    ["id", "date"]);
  const goal = shape({ id: tid, what: text, how: text, when: DAY, who: str(300), date: ISO }, ["id", "what", "when"]);
  const comp = shape({ ratings: dict(300, RK, shape({ v: lvl, fp: FP, date: ISO }, ["v", "fp"])),
    snapshots: list(100, shape({ date: ISO, level: lvl, ratings: dict(300, RK, lvl) }, ["date", "level"])),
    notes: list(200, note), goals: list(100, goal) }, []);
  const valid = shape({ competences: dict(500, ID, comp) }, ["competences"]);

  /* -- the rule ----------------------------------------------------------------------------------------------- */
  const counts = (fp, r, l) => fp.filter((p, i) => { const x = r[l + "." + i]; return x && x.fp === p && x.v >= 2; });
  function level(levels, ratings) {
    let n = 0;
    for (const l of LV) {
      const fp = levels[l] || [];
      if (!fp.length || counts(fp, ratings || {}, l).length < fp.length) break;
      n++;
    }
    return n;
  }
  const tally = (levels, r) => LV.reduce((a, l) => [a[0] + counts(levels[l] || [], r || {}, l).length,
    a[1] + (levels[l] || []).length], [0, 0]);

  /* -- state -------------------------------------------------------------------------------------------------- */
  const load = el => {
    const v = store.get("pop");
    if (v == null && !store.bad("pop")) return { competences: {} };
    if (valid(v)) return v;
    notice(el, T("pStale"), () => store.remove("pop"));
    return null;
  };
  const rec = (pop, id) => pop.competences[id] || (pop.competences[id] = { ratings: {}, snapshots: [], notes: [],
    goals: [] });
  const now = () => new Date().toISOString();
  const today = () => { const d = new Date(); d.setMinutes(d.getMinutes() - d.getTimezoneOffset()); return d.toISOString().slice(0, 10); };
  const en = () => /^en/i.test(document.documentElement.lang);
  const day = s => new Date(s.length === 10 ? s + "T12:00:00" : s).toLocaleDateString(en() ? "en-GB" : "nl-NL",
    { day: "numeric", month: "long", year: "numeric" });
  const clean = s => String(s || "").trim().slice(0, 2000).replace(/<(?=[a-z!/?])/gi, "< ");
  const uid = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  const pathOf = u => decodeURI(new URL(u, location.href).pathname).replace(/\/index\.html$/, "/");
  const btn = (t, on, c) => h("button", { type: "button", class: "md-button " + (c || ""), onclick: on }, t);
  const levelName = n => T("pL" + n);

  // What the learner did on the site for one competence: [text, url, date], newest first.
  function evidence(c) {
    const out = [], visits = store.get("visits") || {};
    for (const m of c.modules || []) {
      const q = store.get("quiz:wp-quiz-" + m.id), r = q && q.result;
      if (r && r.passed) out.push([T("pQuiz", { t: m.title }), m.url, r.date]);
      const u = m.units || [];
      if (u.length && u.every(x => visits[pathOf(x)])) out.push([T("pUnits", { t: m.title }), m.url]);
    }
    for (const x of c.cases || []) if (visits[pathOf(x.url)]) out.push([T("pCase", { t: x.title }), x.url, visits[pathOf(x.url)]]);
    for (const x of c.instruments || []) {
      const s = store.get("instrument:" + x.id);
      if (s && s.done) out.push([T("pInst", { t: x.title }), x.url, s.date]);
    }
    for (const x of c.dialogues || []) {
      const s = store.get("dialogue:" + x.id), end = s && typeof s.ended === "string" && own(x.endings, s.ended);
      if (!end) continue;
      let sum = 0;
      (Array.isArray(s.path) ? s.path : []).forEach((node, i) => {
        const sc = typeof node === "string" && own(x.scores, node) ? x.scores[node] : null, k = (s.choices || [])[i];
        if (sc && Number.isInteger(k)) sum += +sc[k] || 0;
      });
      out.push([T("pDlg", { t: x.title, v: x.endings[s.ended], s: (sum > 0 ? "+" : "") + sum }), x.url, s.date]);
    }
    return out.sort((a, b) => String(b[2] || "").localeCompare(String(a[2] || "")));
  }
  const evItems = c => evidence(c).map(([t, u, d]) => h("li", null, h("a", { href: u }, t), d ? " · " + day(d) : ""));
  const noteItem = (n, del) => h("li", { class: "wp-pop-note-item" }, h("strong", null, day(n.date)),
    h("dl", null, NOTE.filter(f => n[f]).map(f => [h("dt", null, T("p_" + f)), h("dd", null, n[f])])), del);
  const goalItem = (g, del) => h("li", null, h("strong", null, g.what), g.how ? [h("br"), g.how] : "",
    h("br"), T("pWhen", { d: day(g.when) }), g.who ? " · " + T("pWith", { w: g.who }) : "", del);

  /* -- a competence page -------------------------------------------------------------------------------------- */
  function initCompetence(el) {
    const c = JSON.parse(el.getAttribute("data-wp-data")), id = c.id;
    let pop = load(el);
    if (!pop) return;
    el.hidden = false;
    const $ = s => el.querySelector(s), lvlBox = $(".wp-pop-level"), snaps = $(".wp-pop-snaps");
    const fresh = () => (pop = load(el) || pop);
    const save = (m, t) => { const ok = store.set("pop", pop); say(m, ok ? t : T("pNotSaved")); return ok; };
    const cur = () => pop.competences[id] || { ratings: {}, snapshots: [], notes: [], goals: [] };
    const del = (field, item, m) => btn(T("pDel"), () => {
      fresh();
      const r = rec(pop, id);
      r[field] = r[field].filter(x => x.id !== item.id);
      save(m, T("pDeleted"));
      draw();
    }, "wp-pop-del");
    for (const fs of $$(el, ".wp-pop-ind")) {
      const s = cur().ratings[fs.dataset.k];
      if (!s) continue;
      if (s.fp === fs.dataset.fp) fs.querySelector(`input[value="${s.v}"]`).checked = true;
      else fs.append(h("p", { class: "wp-pop-changed" }, T("pChanged", { v: T("pS" + s.v) })));
    }
    const levelText = () => {
      const r = cur().ratings, [n, m] = tally(c.levels, r);
      return T("pLevel", { l: levelName(level(c.levels, r)) }) + " · " + T("pCount", { n, m });
    };
    const nmsg = $(".wp-pop-note .wp-status"), gmsg = $(".wp-pop-goal .wp-status");
    const smsg = h("span", { class: "wp-status", role: "status" });
    function draw() {
      const r = cur();
      fill(snaps, btn(T("pSnap"), () => {
        fresh();
        const x = rec(pop, id), ratings = {};
        for (const k in x.ratings) ratings[k] = x.ratings[k].v;
        x.snapshots = x.snapshots.concat({ date: now(), level: level(c.levels, x.ratings), ratings }).slice(-100);
        save(smsg, T("pSnapped"));
        draw();
      }), " ", smsg, r.snapshots.length > 0 && [h("h4", null, T("pSnaps")), h("ul", null, r.snapshots.slice()
        .reverse().map(s => h("li", null, day(s.date) + ": " + levelName(s.level))))]);
      const ev = evItems(c);
      fill($(".wp-pop-ev"), ev.length ? h("ul", null, ev) : h("p", null, T("pNoEv")));
      fill($(".wp-pop-notes"), r.notes.length > 0 && h("ul", { class: "wp-pop-list" },
        r.notes.map(n => noteItem(n, del("notes", n, nmsg)))));
      fill($(".wp-pop-goals"), r.goals.length ? h("ul", { class: "wp-pop-list" },
        r.goals.map(g => goalItem(g, del("goals", g, gmsg)))) : h("p", null, T("pNoGoal")));
      const done = new Set(evidence(c).map(e => e[1]));
      const todo = [].concat(c.modules, c.dialogues, c.cases, c.instruments, c.methods).filter(x => x && !done.has(x.url));
      fill($(".wp-pop-todo"), todo.length > 0 && [h("h4", null, T("pTodo")),
        h("ul", null, todo.map(x => h("li", null, h("a", { href: x.url }, x.title))))]);
    }
    $(".wp-pop-rate").addEventListener("change", e => {
      const fs = e.target.closest(".wp-pop-ind");
      if (!fs) return;
      fresh();
      rec(pop, id).ratings[fs.dataset.k] = { v: +e.target.value, fp: fs.dataset.fp, date: now() };
      if (!store.set("pop", pop)) return say(lvlBox, T("pNotSaved"));
      const old = fs.querySelector(".wp-pop-changed");
      if (old) old.remove();
      say(lvlBox, levelText());
      draw();
    });
    const form = (sel, make, check, field, msg) => $(sel).addEventListener("submit", e => {
      e.preventDefault();
      const f = e.target, v = {};
      for (const x of $$(f, "[name]")) v[x.name] = clean(x.value);
      const problem = check(v);
      if (problem) return say(msg, problem);
      fresh();
      const r = rec(pop, id);
      r[field] = r[field].concat(make(v));
      if (!save(msg, T("pSaved"))) return;
      f.reset();
      draw();
    });
    form(".wp-pop-note", v => Object.assign({ id: uid() }, v), v => (!DAY(v.date) || !v.situation || !v.action
      || !v.reflection ? T("pNeedNote") : ""), "notes", nmsg);
    form(".wp-pop-goal", v => ({ id: uid(), what: v.what, how: v.how, when: v.when, who: v.who, date: now() }), v => {
      const e = [v.what.split(/\s+/).filter(Boolean).length < 3 && T("pNeedWhat"), !v.how && T("pNeedHow"),
        !(DAY(v.when) && v.when >= today()) && T("pNeedWhen"), !v.who && T("pNeedWho")].filter(Boolean);
      return e.length ? T("pMissing", { e: e.join("; ") + "." }) : "";
    }, "goals", gmsg);
    lvlBox.textContent = levelText();
    draw();
  }

  /* -- "Mijn ontwikkeling" ------------------------------------------------------------------------------------ */
  function initAll(el) {
    const data = JSON.parse(el.getAttribute("data-wp-pop-all")), cs = data.competences || [];
    let pop = load(el);
    if (!pop) return;
    $$(el, ".wp-pop-list").forEach(l => { l.hidden = true; });
    const view = h("div"), msg = h("p", { class: "wp-status", role: "status" });
    const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, tabindex: "-1" });
    const name = h("input", { id: "wp-pop-name", type: "text", autocomplete: "name", maxlength: 200,
      value: store.get("name") || "" });
    function render() {
      const rows = cs.map(c => {
        const s = pop.competences[c.id] || {}, r = s.ratings || {};
        return { c, s, lv: level(c.levels, r), ev: evidence(c), n: (s.notes || []).length, g: s.goals || [] };
      });
      const H = 28, chart = h("svg", { class: "wp-chart wp-pop-chart", role: "img", "aria-label": T("pChart"),
        width: "100%", height: rows.length * H + 4 }, h("title", null, T("pChart")), rows.map((x, i) => h("g", null,
        h("text", { x: 0, y: i * H + 12 }, `${x.c.title}: ${levelName(x.lv)}`),
        h("rect", { class: "wp-track", x: 0, y: i * H + 16, width: "100%", height: 8, rx: 2 }),
        x.lv > 0 && h("rect", { class: "wp-bar", x: 0, y: i * H + 16, width: (x.lv * 100 / 3).toFixed(1) + "%",
          height: 8, rx: 2 }))));
      const clusters = [...new Set(cs.map(c => c.cluster))];
      fill(view,
        h("p", { class: "wp-pop-meta" }, `${T("pName")}: ${store.get("name") || "…………………………"}`, h("br"),
          `${T("pDate")}: ${day(now())}`),
        h("h2", null, T("pOverview")), chart,
        clusters.map(cl => h("div", { class: "wp-table-wrap", tabindex: "0", role: "region", "aria-label": cl },
          h("table", { class: "wp-table" }, h("caption", null, cl),
            h("thead", null, h("tr", null, [T("pComp"), T("pLvl"), T("pEv"), T("pGoals")].map(t => h("th",
              { scope: "col" }, t)))),
            h("tbody", null, rows.filter(x => x.c.cluster === cl).map(x => h("tr", null,
              h("th", { scope: "row" }, h("a", { href: x.c.url }, x.c.title)), h("td", null, levelName(x.lv)),
              h("td", null, String(x.ev.length + x.n)), h("td", null, String(x.g.length)))))))),
        h("h2", null, T("pPlan")),
        rows.map(x => h("section", { class: "wp-pop-item" }, h("h3", null, h("a", { href: x.c.url }, x.c.title)),
          h("p", null, `${T("pLvl")}: ${levelName(x.lv)} (${T("pCount", { n: tally(x.c.levels, x.s.ratings)[0],
            m: tally(x.c.levels, x.s.ratings)[1] })})`),
          (x.s.snapshots || []).length > 0 && h("p", null, `${T("pSnaps")}: ` + x.s.snapshots.map(s => `${day(s.date)}: ${levelName(s.level)}`).join("; ")),
          h("h4", null, T("pEv")), x.ev.length + x.n ? h("ul", null, evItems(x.c), (x.s.notes || []).map(n => noteItem(n)))
            : h("p", null, T("pNoEv")),
          h("h4", null, T("pGoals")), x.g.length ? h("ul", null, x.g.map(g => goalItem(g))) : h("p", null, T("pNoGoal")),
          h("div", { class: "wp-pop-coach" }, h("h4", null, T("pCoach"))))));
    }
    name.addEventListener("input", () => { store.set("name", clean(name.value).slice(0, 200)); render(); });
    function read(t) {
      let v;
      try { v = JSON.parse(t); } catch (e) { throw new Error(T("pBadJson")); }
      if (!isObj(v) || v.format !== "werkplaats-pop") throw new Error(T("pBadFormat"));
      if (v.version !== 1) throw new Error(T("pBadVersion", { v: String(v.version).slice(0, 20) }));
      if (!valid(v.pop)) {
        const bad = isObj(v.pop) && isObj(v.pop.competences) ? Object.keys(v.pop.competences).find(k => !ID(k) ||
          !comp(v.pop.competences[k])) : null;
        throw new Error(T("pBadPart", { k: String(bad || "pop").slice(0, 80) }));
      }
      if (v.name != null && !str(200)(v.name)) throw new Error(T("pBadPart", { k: "name" }));
      return v;
    }
    file.addEventListener("change", () => {
      const f = file.files && file.files[0];
      if (!f) return;
      (f.size > 1048576 ? Promise.reject(new Error(T("pTooBig"))) : f.text()).then(t => {
        const v = read(t);
        if (Object.keys(pop.competences).length && !window.confirm(T("pReplace"))) return;
        if (!store.set("pop", v.pop)) throw new Error(T("pNotSaved"));
        if (v.name && !store.get("name")) store.set("name", v.name);
        pop = v.pop;
        name.value = store.get("name") || "";
        render();
        say(msg, T("pImported", { n: Object.keys(pop.competences).length }));
      }).catch(e => say(msg, T("pRefused", { e: e.message }))).then(() => { file.value = ""; });
    });
    el.append(h("p", { class: "wp-field wp-pop-actions" }, h("label", { for: "wp-pop-name" }, T("pName")), " ", name),
      view, h("div", { class: "wp-actions wp-pop-actions" },
        btn(T("pPrint"), () => window.print(), "md-button--primary"),
        btn(T("pExport"), () => {
          const d = now();
          download(`werkplaats-pop-${d.slice(0, 10)}.json`, "application/json", JSON.stringify({
            format: "werkplaats-pop", version: 1, exported: d, name: store.get("name") || "", pop }, null, 2));
          say(msg, T("pExported"));
        }),
        btn(T("pImport"), () => file.click()),
        btn(T("pReset"), () => {
          if (!window.confirm(T("pConfirm"))) return;
          store.remove("pop");
          pop = { competences: {} };
          render();
          say(msg, T("pWiped"));
        }, "wp-danger")), file, msg);
    render();
  }

  function visit() {
    const v = store.get("visits") || {};
    v[pathOf(location.href)] = now();
    store.set("visits", v, true);
  }

  window.werkplaatsPop = { level, valid };
  register(".wp-pop[data-wp-pop]", initCompetence);
  register(".wp-pop-all[data-wp-pop-all]", initAll);
  register("[data-wp-visit]", visit);
})();
