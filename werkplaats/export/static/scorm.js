/* werkplaats: SCORM 1.2 bridge of an exported module.
 *
 * Finds the LMS's API the standard way (up the chain of parent windows, then the opener and its parents),
 * marks the lesson "incomplete" when it starts, reports the quiz result and closes the session when the page goes.
 * It grades nothing itself: werkplaats.js grades the quiz and then dispatches on the form
 *
 *   new CustomEvent("wp:graded", {bubbles: true, detail: {score, max, percent, passed}})
 *
 * (score and max in points, percent 0..100). Only forms with a pass mark (the module's quiz, not the self-checks
 * inside units) are reported. Without an LMS (no API found) the page is a plain page and this script does nothing.
 */
(function () {
  "use strict";

  var MAX_PARENTS = 7;
  var api = null;
  var finished = false;
  var started = new Date().getTime();

  function scan(win) {
    var tries = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win) {
        tries += 1;
        if (tries > MAX_PARENTS) {
          return null;
        }
        win = win.parent;
      }
      return win && win.API ? win.API : null;
    } catch (e) {
      return null; // a window of another origin: no API we may use
    }
  }

  function findApi() {
    var found = scan(window);
    if (!found) {
      try {
        if (window.opener) {
          found = scan(window.opener);
        }
        if (!found && window.top && window.top.opener) {
          found = scan(window.top.opener);
        }
      } catch (e) {
        found = null;
      }
    }
    return found;
  }

  function get(name) {
    return api ? String(api.LMSGetValue(name)) : "";
  }

  function set(name, value) {
    if (api) {
      api.LMSSetValue(name, String(value));
    }
  }

  function commit() {
    if (api) {
      api.LMSCommit("");
    }
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function timespan(ms) {
    // CMITimespan: HHHH:MM:SS.SS (two to four digits of hours).
    var seconds = Math.max(0, Math.round(ms / 1000));
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    return pad(hours) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  function start() {
    api = findApi();
    if (!api) {
      return;
    }
    if (String(api.LMSInitialize("")) !== "true") {
      api = null;
      return;
    }
    var status = get("cmi.core.lesson_status");
    if (status !== "completed" && status !== "passed") {
      set("cmi.core.lesson_status", "incomplete");
      commit();
    }
    document.documentElement.setAttribute("data-wp-scorm", "connected");
  }

  function onGraded(event) {
    var form = event.target;
    if (!api || finished || !form || !form.matches || !form.matches("form.wp-quiz")) {
      return;
    }
    var passMark = parseFloat(form.getAttribute("data-pass-mark") || "");
    if (!isFinite(passMark)) {
      return; // a self-check: not the module's quiz
    }
    var detail = event.detail || {};
    var percent = Number(detail.percent);
    if (!isFinite(percent)) {
      percent = Number(detail.max) > 0 ? (100 * Number(detail.score)) / Number(detail.max) : 0;
    }
    percent = Math.max(0, Math.min(100, percent));
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", String(Math.round(percent * 100) / 100));
    set("cmi.core.lesson_status", percent >= passMark ? "passed" : "failed");
    commit();
  }

  function finish() {
    if (!api || finished) {
      return;
    }
    finished = true;
    set("cmi.core.session_time", timespan(new Date().getTime() - started));
    commit();
    api.LMSFinish("");
  }

  document.addEventListener("wp:graded", onGraded);
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  start();
})();
