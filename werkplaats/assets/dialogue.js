/* dialogue.js: plays the dialogues, fills their entry on "Mijn voortgang". Contract: werkplaats/pages/dialogue.py.
 * Uses window.werkplaats (werkplaats.js, loaded before it on the site and in SCORM): store, h, fill, T, say, register;
 * its strings are the "dialogue" group of labels.py BROWSER (keys dlg_*), in the data-wp-strings of the root.
 * State under store key "dialogue:<id>": {path: [node ids], choices: [choice index per step], ended, date}. */
(function () {
  "use strict";
  const W = window.werkplaats;
  if (!W || window.__wpDialogue) return;
  window.__wpDialogue = true;
  const { store, h, fill, T, say, register, $$, json, day, button } = W;

  const copy = (li, sel) => li.querySelector(sel)?.cloneNode(true) || "";
  const text = (li, sel) => li.querySelector(sel)?.textContent || "";
  const data = (el, name) => json(el.getAttribute(name)) || {};
  const key = id => "dialogue:" + id;

  const play = root => {
    root.setAttribute("data-dlg-ready", "");
    const id = root.dataset.dialogue, names = data(root, "data-competences");
    const me = root.dataset.me, start = root.dataset.start, nodes = Object.create(null);
    for (const li of $$(root, ".wp-dlg-node")) {
      nodes[li.dataset.node] = { li, end: li.querySelector(".wp-dlg-end"),
        choices: $$(li, ".wp-dlg-choices > li").map(c => ({ li: c, to: c.dataset.to, scores: data(c, "data-scores") })) };
    }
    if (!nodes[start]) return;
    const fresh = () => ({ path: [start], choices: [], ended: null });
    const save = () => { state.date = new Date().toISOString(); store.set(key(id), state); };
    const note = h("p", { class: "wp-dlg-note", hidden: true }), log = h("ol", { class: "wp-dlg-log" }),
      turn = h("div", { class: "wp-dlg-turn", tabindex: -1 }),
      live = h("p", { class: "wp-dlg-sr wp-visually-hidden", "aria-live": "polite" }), tally = h("p", { class: "wp-dlg-tally" });
    root.querySelector(".wp-dlg-map").hidden = true;
    root.append(h("div", { class: "wp-dlg-play" }, note, log, turn, live, tally));

    const fits = s => {
      if (!Array.isArray(s.path) || !Array.isArray(s.choices) || s.path[0] !== start ||
          s.path.length !== s.choices.length + 1 || s.path.length > 500) return false;
      for (let i = 0; i < s.choices.length; i++) {
        const node = nodes[s.path[i]], n = s.choices[i];
        if (!node || !Number.isInteger(n) || !node.choices[n] || node.choices[n].to !== s.path[i + 1]) return false;
      }
      const last = s.path[s.choices.length];
      return s.ended == null || (s.ended === last && !!nodes[last].end);
    };
    // store.get gives null for a missing, unreadable or invalid value; only a missing one starts without a notice
    let state = store.get(key(id));
    if (state ? !fits(state) : store.keys().includes(key(id))) {
      fill(note, T("dlg_reset")).hidden = false;
      state = fresh();
      save();
    }
    state ||= fresh();

    const speech = node => [h("p", { class: "wp-dlg-who" }, text(node.li, ".wp-dlg-name")), copy(node.li, ".wp-dlg-text")];
    const draw = () => {
      const sums = {};
      fill(log, state.choices.map((n, i) => {
        const node = nodes[state.path[i]], choice = node.choices[n];
        for (const c in choice.scores) sums[c] = (sums[c] || 0) + choice.scores[c];
        return [h("li", null, speech(node)), h("li", { class: "wp-dlg-me" }, h("p", { class: "wp-dlg-who" }, me),
          copy(choice.li, ".wp-dlg-say"), copy(choice.li, ".wp-dlg-fb"))];
      }));
      const node = nodes[state.path[state.path.length - 1]];
      fill(turn, speech(node));
      const shown = Object.keys(names).map(c => names[c] + " " + (sums[c] > 0 ? "+" : "") + (sums[c] || 0));
      tally.textContent = shown.length ? T("dlg_tally") + ": " + shown.join(" · ") : "";
      if (node.end) {
        state.ended = node.li.dataset.node;
        root.dataset.state = "end";
        // the route taken, each step with what the other choices would have done
        const route = h("ol", null, state.choices.map((n, i) => {
          const step = nodes[state.path[i]];
          return h("li", null, h("strong", null, text(step.choices[n].li, ".wp-dlg-say")),
            h("ul", null, step.choices.map((c, j) => j !== n && h("li", null, h("strong", null, T("dlg_other") + ": "),
              text(c.li, ".wp-dlg-say"), copy(c.li, ".wp-dlg-fb")))));
        }));
        turn.append(node.end.cloneNode(true), h("h3", null, T("dlg_route")), route,
          button(T("dlg_again"), () => { note.hidden = true; state = fresh(); save(); draw(); turn.focus(); }));
      } else {
        state.ended = null;
        root.dataset.state = "play";
        turn.append(h("div", { class: "wp-dlg-choose", role: "group", "aria-label": T("dlg_say") },
          node.choices.map((c, n) => button(text(c.li, ".wp-dlg-say"), () => {
            state.path.push(c.to);
            state.choices.push(n);
            draw();
            save();
            say(live, text(c.li, ".wp-dlg-fb") + " " + text(nodes[c.to].li, ".wp-dlg-verdict"));
            turn.focus();
          }))));
      }
    };
    draw();
  };

  const progress = el => {
    el.setAttribute("data-dlg-ready", "");
    const entries = data(el, "data-wp-dialogues");
    fill(el, h("h3", null, T("dialogues")), h("ul", null, (Array.isArray(entries) ? entries : []).map(d => {
      const s = store.get(key(d.id)), ends = d.endings || {};
      let status = T("dlg_none");
      if (Array.isArray(s?.choices)) {
        status = typeof ends[s.ended] == "string"
          ? T("dlg_done", { d: day(s.date), v: ends[s.ended] })
          : T("dlg_busy", { n: s.choices.length });
      }
      return h("li", null, h("a", { href: d.url }, d.title), ": " + status);
    })));
  };

  register("[data-dialogue]", play);
  register(".wp-dialogue-progress[data-wp-dialogues]", progress);
  // After an import or a wipe on "Mijn voortgang" (werkplaats.js fires wp:changed), show the new state.
  document.addEventListener("wp:changed", () => $$(document, ".wp-dialogue-progress[data-wp-dialogues]").forEach(progress));
})();
