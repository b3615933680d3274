/* pop.js: "Mijn ontwikkeling" (self-assessment, evidence, goals, printable POP) on window.werkplaats.
 * DOM contract, store key "pop", file format and level rule: werkplaats/pages/pop.py. */
(function () {
  "use strict";
  const W = window.werkplaats;
  if (!W || window.werkplaatsPop) return;
  const { store, h, fill, T, say, register, download, notice, $$, json, isObj, is, text, list, map, shape, date, day,
    pathOf } = W;
  const LV = ["startbekwaam", "vakbekwaam", "vakvolwassen"], own = (o, k) => Object.hasOwn(o, k);

  // Checks of every stored or imported value (the parts come from werkplaats.js)
  const DAY = is(/^\d{4}-\d\d-\d\d$/), ID = is(/^[a-z0-9][a-z0-9-]{0,79}$/);
  const RK = is(RegExp(`^(${LV.join("|")})\\.\\d{1,3}$`)), lvl = v => [0, 1, 2, 3].includes(v);
  const tx = text(2000), tid = text(40);
  const comp = shape({ ratings: map(300, shape({ v: lvl, fp: is(/^[0-9a-f]{8}$/), date }, ["v", "fp"]), RK),
    snapshots: list(100, shape({ date, level: lvl, ratings: map(300, lvl, RK) }, ["date", "level"])),
    notes: list(200, shape({ id: tid, date: DAY, situation: tx, task: tx, action: tx, result: tx, reflection: tx },
      ["id", "date"])),
    goals: list(100, shape({ id: tid, what: tx, how: tx, when: DAY, who: text(300), date }, ["id", "what", "when"])) },
  ["ratings", "snapshots", "notes", "goals"]);
  const valid = shape({ competences: map(500, comp, ID) }, ["competences"]);

  // The level rule: all indicators of a level at 2 or 3 (with the current fingerprint), and the level below
  const ok = (L, r, l) => L[l].filter((p, i) => { const x = r[l + "." + i]; return x && x.fp === p && x.v > 1; });
  const level = (L, r) => {
    let n = 0;
    while (n < 3 && L[LV[n]].length && ok(L, r, LV[n]).length === L[LV[n]].length) n++;
    return n;
  };
  const lvText = (L, r) => T("pLevel", { l: T("pL" + level(L, r)) }) + " · " + T("pCount", {
    n: LV.reduce((a, l) => a + ok(L, r, l).length, 0), m: LV.reduce((a, l) => a + L[l].length, 0) });

  const blank = () => ({ ratings: {}, snapshots: [], notes: [], goals: [] });
  const load = el => {
    const v = store.get("pop");
    if (v == null && !store.bad("pop")) return { competences: {} };
    if (valid(v)) return v;
    notice(el, T("pStale"), () => store.remove("pop"));
  };
  const now = () => new Date().toISOString();
  const clean = s => s.trim().slice(0, 2000).replace(/<(?=[a-z!/?])/gi, "< ");
  const ul = (items, none) => (items.length ? h("ul", null, items) : h("p", null, T(none)));
  const snaps = s => s.map(x => day(x.date) + ": " + T("pL" + x.level));

  const evidence = c => { // [text, url, date] of what the learner did on the site for this competence
    const out = [], seen = store.get("visits") || {}, add = (k, x, d) => out.push([T(k, x), x.url, d]);
    for (const m of c.modules) {
      const r = store.get("quiz:wp-quiz-" + m.id)?.result;
      if (r?.passed) add("pQuiz", m, r.date);
      if (m.units.length && m.units.every(u => seen[pathOf(u)])) add("pUnits", m);
    }
    for (const k of store.keys()) { // "Test jezelf" in the lessons of those modules
      const q = /^quiz:wp-check-/.test(k) && store.get(k), m = q && c.modules.find(x => x.id === q.module);
      if (m && q.result?.max && typeof q.path === "string") add("pCheck", { title: m.title, url: q.path,
        s: q.result.score, m: q.result.max }, q.result.date);
    }
    for (const x of c.cases) if (seen[pathOf(x.url)]) add("pCase", x, seen[pathOf(x.url)]);
    for (const x of c.instruments) {
      const s = store.get("instrument:" + x.id);
      if (s?.done) add("pInst", x, s.date);
    }
    for (const x of c.dialogues) {
      const s = store.get("dialogue:" + x.id) || {}, path = Array.isArray(s.path) ? s.path : [];
      if (typeof s.ended !== "string" || !own(x.endings, s.ended)) continue;
      const sum = path.reduce((a, n, i) => a + ((own(x.scores, n) && x.scores[n][(s.choices || [])[i]]) || 0), 0);
      add("pDlg", { title: x.title, url: x.url, v: x.endings[s.ended], s: (sum > 0 ? "+" : "") + sum }, s.date);
    }
    return out;
  };
  const evList = (c, notes, del) => evidence(c).map(([t, u, d]) => h("li", null, h("a", { href: u }, t),
    d && " · " + day(d))).concat(notes.map(n => h("li", null, h("strong", null, day(n.date)),
    h("dl", null, ["situation", "task", "action", "result", "reflection"].filter(f => n[f])
      .map(f => [h("dt", null, T("p_" + f)), h("dd", null, n[f])])), del && del("notes", n))));
  const goalList = (goals, del) => goals.map(g => h("li", null, h("strong", null, g.what), g.how && [h("br"), g.how],
    h("br"), T("pWhen", { d: day(g.when) }), g.who && " · " + T("pWith", { w: g.who }), del && del("goals", g)));

  // A competence page
  const initCompetence = el => {
    const c = JSON.parse(el.dataset.wpData), id = c.id, $ = s => el.querySelector(s);
    const none = { modules: [], cases: [], instruments: [], dialogues: [] }, status = $(".wp-pop-snap + .wp-status");
    let pop = load(el);
    if (!pop) return;
    el.hidden = false;
    const cur = () => pop.competences[id] || blank();
    const change = (m, t, fn) => { // fn changes this competence's record, which is then stored and shown
      pop = load(el) || pop;
      fn(pop.competences[id] = cur());
      const done = store.set("pop", pop);
      say(m, done ? t() : T("pNotSaved"));
      if (done) draw();
      return done;
    };
    const del = (f, x) => h("button", { type: "button", class: "md-button wp-pop-del", "aria-label": T("pDel") + ": "
      + (x.what || day(x.date)), onclick: () => change(status,
      () => T("pDeleted"), r => { r[f] = r[f].filter(y => y.id !== x.id); }) }, T("pDel"));
    for (const fs of $$(el, ".wp-pop-ind")) {
      const s = cur().ratings[fs.dataset.k];
      if (s && s.fp === fs.dataset.fp) fs.querySelector(`[value="${s.v}"]`).checked = true;
      else if (s) fs.append(h("p", { class: "wp-pop-changed" }, T("pChanged", { v: T("pS" + s.v) })));
    }
    const draw = () => {
      const r = cur(), ev = evList(c, []), done = new Set(evidence(c).map(e => new URL(e[1], location.href).href));
      fill($(".wp-pop-snaps"), r.snapshots.length > 0 && [h("h4", null, T("pSnaps")),
        h("ul", null, snaps(r.snapshots).reverse().map(t => h("li", null, t)))]);
      fill($(".wp-pop-ev"), ul(ev, "pNoEv"));
      fill($(".wp-pop-notes"), evList(none, r.notes, del));
      fill($(".wp-pop-goals"), ul(goalList(r.goals, del), "pNoGoal"));
      for (const a of $$(el, ".wp-pop-todo a")) a.parentNode.hidden = done.has(a.href);
    };
    $(".wp-pop-rate").onchange = e => {
      const fs = e.target.closest(".wp-pop-ind");
      if (change($(".wp-pop-level"), () => lvText(c.levels, cur().ratings), r => {
        r.ratings[fs.dataset.k] = { v: +e.target.value, fp: fs.dataset.fp, date: now() };
      })) (fs.querySelector(".wp-pop-changed") || {}).hidden = true;
    };
    $(".wp-pop-snap").onclick = () => change(status, () => T("pSnapped"), r => {
      const ratings = {};
      for (const k in r.ratings) ratings[k] = r.ratings[k].v;
      r.snapshots = r.snapshots.concat({ date: now(), level: level(c.levels, r.ratings), ratings }).slice(-100);
    });
    const form = (sel, field, check) => { $(sel).onsubmit = e => {
      e.preventDefault();
      const f = e.target, v = { id: Date.now().toString(36) + Math.random().toString(36).slice(2, 7) };
      for (const x of $$(f, "[name]")) v[x.name] = clean(x.value);
      const problem = check(v), m = f.querySelector(".wp-status");
      if (problem) return say(m, problem);
      if (change(m, () => T("pSaved"), r => { r[field] = r[field].concat(v); })) f.reset();
    }; };
    form(".wp-pop-note", "notes", v => (DAY(v.date) && v.situation && v.action && v.reflection ? "" : T("pNeedNote")));
    form(".wp-pop-goal", "goals", v => {
      const e = [v.what.split(/\s+/).length < 3 && "pNeedWhat", !v.how && "pNeedHow",
        !(DAY(v.when) && new Date(v.when + "T23:59") >= new Date()) && "pNeedWhen", !v.who && "pNeedWho"];
      v.date = now();
      return e.some(Boolean) ? T("pMissing", { e: e.filter(Boolean).map(k => T(k)).join("; ") + "." }) : "";
    });
    $(".wp-pop-level").textContent = lvText(c.levels, cur().ratings);
    draw();
  };

  // "Mijn ontwikkeling": fills the overview, chart and plan the page carries
  const initAll = el => {
    const cs = JSON.parse(el.dataset.wpPopAll).competences, $ = s => el.querySelector(s);
    const name = $("#wp-pop-name"), file = $("[type=file]"), msg = $(".wp-pop-on > .wp-status");
    let pop = load(el);
    if (!pop) return;
    $(".wp-pop-on").hidden = false;
    name.value = store.get("name") || "";
    const render = () => {
      $(".wp-pop-who").textContent = store.get("name") || "……………………";
      $(".wp-pop-date").textContent = day(now());
      for (const c of cs) {
        const s = pop.competences[c.id] || blank(), lv = level(c.levels, s.ratings), ev = evList(c, s.notes);
        const q = sel => el.querySelector(sel.replace("@", `[data-c="${c.id}"]`)), cells = q("tr@").cells;
        cells[1].textContent = q("g@ tspan").textContent = T("pL" + lv);
        cells[2].textContent = ev.length;
        cells[3].textContent = s.goals.length;
        q("g@ .wp-bar").setAttribute("width", (lv * 100 / 3).toFixed(1) + "%");
        q("section@ .wp-pop-lv").textContent = [lvText(c.levels, s.ratings)].concat(s.snapshots.length
          ? T("pSnaps") + ": " + snaps(s.snapshots).join("; ") : []).join(" · ");
        fill(q("section@ .wp-pop-e"), ul(ev, "pNoEv"));
        fill(q("section@ .wp-pop-g"), ul(goalList(s.goals), "pNoGoal"));
      }
    };
    name.oninput = () => { store.set("name", clean(name.value).slice(0, 200)); render(); };
    const read = t => {
      const v = json(t);
      if (!isObj(v) || v.format !== "werkplaats-pop") throw Error(T("pBadFormat"));
      if (v.version !== 1) throw Error(T("pBadVersion", { v: String(v.version).slice(0, 20) }));
      const p = v.pop, cs = isObj(p) && isObj(p.competences) ? p.competences : {};
      const bad = Object.keys(cs).find(k => !ID(k) || !comp(cs[k])) || "pop";
      if (!valid(p)) throw Error(T("pBadPart", { k: bad.slice(0, 80) }));
      if (v.name != null && !text(200)(v.name)) throw Error(T("pBadPart", { k: "name" }));
      return v;
    };
    file.onchange = () => {
      const f = file.files[0];
      if (f) (f.size > 1048576 ? Promise.reject(Error(T("pTooBig"))) : f.text()).then(t => {
        const v = read(t);
        if (Object.keys(pop.competences).length && !confirm(T("pReplace"))) return;
        if (!store.set("pop", v.pop)) throw Error(T("pNotSaved"));
        if (v.name && !store.get("name")) store.set("name", name.value = v.name);
        pop = v.pop;
        render();
        say(msg, T("pImported", { n: Object.keys(pop.competences).length }));
      }).catch(e => say(msg, T("pRefused", { e: e.message }))).then(() => { file.value = ""; });
    };
    const acts = {
      print: () => print(),
      export: () => {
        const d = now();
        download(`werkplaats-pop-${d.slice(0, 10)}.json`, "application/json", JSON.stringify({
          format: "werkplaats-pop", version: 1, exported: d, name: store.get("name") || "", pop }, null, 2));
        say(msg, T("pExported"));
      },
      import: () => file.click(),
      reset: () => {
        if (!confirm(T("pConfirm"))) return;
        store.remove("pop");
        pop = { competences: {} };
        render();
        say(msg, T("pWiped"));
      }
    };
    for (const b of $$(el, "[data-act]")) b.onclick = acts[b.dataset.act];
    render();
  };

  window.werkplaatsPop = { level, valid, evidence };
  register(".wp-pop[data-wp-pop]", initCompetence);
  register(".wp-pop-all[data-wp-pop-all]", initAll);
})();
