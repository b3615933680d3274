/* dialogue.js: the dialogues and their entry on "Mijn voortgang"; contract: pages/dialogue.py */
(function () {
  "use strict";
  if (window.__wpDialogue) return;
  window.__wpDialogue = true;

  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  function h(tag, cls, kids) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    el.append(...[].concat(kids == null ? [] : kids));
    return el;
  }
  const copy = (li, sel) => { const el = li.querySelector(sel); return el ? el.cloneNode(true) : ""; };
  const text = (li, sel) => (li.querySelector(sel) || {}).textContent || "";
  function data(el, name) {
    try { return JSON.parse(el.getAttribute(name)) || {}; } catch (e) { return {}; }
  }
  function key(id) {
    let scope = "/";
    try { scope = new URL(window.__md_scope).pathname; } catch (e) { }
    return scope + "wp:dialogue:" + id;
  }
  const storage = () => window.__wpStorage || window.localStorage;
  function load(id) {
    try { return JSON.parse(storage().getItem(key(id))); } catch (e) { return false; }
  }
  function save(id, state) {
    state.date = new Date().toISOString();
    window.werkplaats.store.set("dialogue:" + id, state);
  }

  function play(root) {
    const id = root.dataset.dialogue, T = data(root, "data-t"), names = data(root, "data-competences");
    const me = root.dataset.me, start = root.dataset.start, nodes = Object.create(null);
    for (const li of $$(root, ".wp-dlg-node")) {
      nodes[li.dataset.node] = { li, end: li.querySelector(".wp-dlg-end"),
        choices: $$(li, ".wp-dlg-choices > li").map(c => ({ li: c, to: c.dataset.to, scores: data(c, "data-scores") })) };
    }
    if (!nodes[start]) return;
    const fresh = () => ({ path: [start], choices: [], ended: null });
    const note = h("p", "wp-dlg-note"), log = h("ol", "wp-dlg-log"), turn = h("div", "wp-dlg-turn"),
      live = h("p", "wp-dlg-sr"), tally = h("p", "wp-dlg-tally");
    live.setAttribute("aria-live", "polite");
    turn.tabIndex = -1;
    note.hidden = true;
    root.querySelector(".wp-dlg-map").hidden = true;
    root.append(h("div", "wp-dlg-play", [note, log, turn, live, tally]));

    function fits(s) {
      if (!s || !Array.isArray(s.path) || !Array.isArray(s.choices) || s.path[0] !== start ||
          s.path.length !== s.choices.length + 1 || s.path.length > 500) return false;
      for (let i = 0; i < s.choices.length; i++) {
        const node = nodes[s.path[i]], n = s.choices[i];
        if (!node || !Number.isInteger(n) || !node.choices[n] || node.choices[n].to !== s.path[i + 1]) return false;
      }
      const last = s.path[s.choices.length];
      return s.ended == null || (s.ended === last && !!nodes[last].end);
    }
    let state = load(id);
    if (state !== null && !fits(state)) {
      note.textContent = T.reset;
      note.hidden = false;
      state = fresh();
      save(id, state);
    }
    state = state || fresh();

    function speech(node) {
      return [h("p", "wp-dlg-who", text(node.li, ".wp-dlg-name")), copy(node.li, ".wp-dlg-text")];
    }
    function draw() {
      const sums = {};
      log.replaceChildren();
      state.choices.forEach((n, i) => {
        const node = nodes[state.path[i]], choice = node.choices[n];
        for (const c in choice.scores) sums[c] = (sums[c] || 0) + choice.scores[c];
        log.append(h("li", null, speech(node)),
          h("li", "wp-dlg-me", [h("p", "wp-dlg-who", me), copy(choice.li, ".wp-dlg-say"), copy(choice.li, ".wp-dlg-fb")]));
      });
      const node = nodes[state.path[state.path.length - 1]];
      turn.replaceChildren(...speech(node));
      const shown = Object.keys(names).map(c => names[c] + " " + ((sums[c] || 0) > 0 ? "+" : "") + (sums[c] || 0));
      tally.textContent = shown.length ? T.tally + ": " + shown.join(" · ") : "";
      if (node.end) {
        state.ended = node.li.dataset.node;
        root.dataset.state = "end";
        const end = node.end.cloneNode(true), route = h("ol");
        state.choices.forEach((n, i) => {
          const step = nodes[state.path[i]], others = h("ul");
          step.choices.forEach((c, j) => {
            if (j !== n) others.append(h("li", null, [h("strong", null, T.other + ": "), text(c.li, ".wp-dlg-say"), copy(c.li, ".wp-dlg-fb")]));
          });
          route.append(h("li", null, [h("strong", null, text(step.choices[n].li, ".wp-dlg-say")), others]));
        });
        const again = h("button", "md-button", T.again);
        again.type = "button";
        again.onclick = () => { note.hidden = true; state = fresh(); save(id, state); draw(); turn.focus(); };
        turn.append(end, h("h3", null, T.route), route, again);
      } else {
        state.ended = null;
        root.dataset.state = "play";
        const group = h("div", "wp-dlg-choose");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", T.say);
        node.choices.forEach((c, n) => {
          const button = h("button", "md-button", text(c.li, ".wp-dlg-say"));
          button.type = "button";
          button.onclick = () => {
            state.path.push(c.to);
            state.choices.push(n);
            draw();
            save(id, state);
            live.textContent = "";
            setTimeout(() => { live.textContent = text(c.li, ".wp-dlg-fb") + " " + text(nodes[c.to].li, ".wp-dlg-verdict"); }, 50);
            turn.focus();
          };
          group.append(button);
        });
        turn.append(group);
      }
    }
    draw();
  }

  function progress(el) {
    const T = data(el, "data-t"), list = h("ul"), entries = data(el, "data-wp-dialogues");
    for (const d of Array.isArray(entries) ? entries : []) {
      const s = load(d.id), ends = d.endings || {};
      let status = T.none;
      if (s && Array.isArray(s.choices)) {
        const when = new Date(s.date);
        status = typeof ends[s.ended] == "string"
          ? T.done.replace("{d}", isNaN(when) ? "?" : when.toLocaleDateString(/^en/i.test(document.documentElement.lang) ? "en-GB" : "nl",
            { dateStyle: "long" }))
            .replace("{v}", ends[s.ended])
          : T.busy.replace("{n}", s.choices.length);
      }
      const a = h("a", null, d.title);
      a.href = d.url;
      list.append(h("li", null, [a, ": " + status]));
    }
    el.replaceChildren(h("h2", null, T.title), list);
  }

  function init() {
    for (const [sel, setUp] of [["[data-dialogue]", play], [".wp-dialogue-progress[data-wp-dialogues]", progress]]) {
      for (const el of $$(document, sel)) {
        if (el.hasAttribute("data-dlg-ready")) continue;
        el.setAttribute("data-dlg-ready", "");
        try { setUp(el); } catch (e) { console.error(e); }
      }
    }
  }
  document.addEventListener("wp:changed", () => $$(document, ".wp-dialogue-progress[data-dlg-ready]").forEach(progress));
  const ready = () => (document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", init) : init());
  let seen = false;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe({ next() { seen = true; init(); }, complete() { if (!seen) ready(); } });
  } else {
    ready();
  }
})();
