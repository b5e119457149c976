// Shared helpers of the Quire web UIs (served from the jar at /ui/quire.js). Every value that
// comes from the server is put into the page as text (textContent / text nodes), never as HTML.
'use strict';
const Quire = {
  /** Element with text children (strings become text nodes) and plain attributes. */
  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    }
    for (const c of children) {
      e.appendChild(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
    }
    return e;
  },

  /** Sets the text of element #id (and its class when cls is given). */
  text(id, value, cls) {
    const e = document.getElementById(id);
    if (!e) return;
    e.textContent = value == null ? '' : String(value);
    if (cls !== undefined) e.className = cls;
  },

  /** Replaces the rows of tbody #id: rows is a list of lists of cells (text or Node). */
  rows(id, rows, numericFrom) {
    const body = document.getElementById(id);
    body.replaceChildren(...rows.map(r => Quire.el('tr', {}, ...r.map((c, i) =>
      Quire.el('td', i >= (numericFrom ?? 99) ? { class: 'num' } : {}, c)))));
  },

  /** "1234 (1.21 KB)": the exact byte count first, as `quire admin report` prints it. */
  bytes(n) {
    if (n == null || n < 0) return 'unknown';
    const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
    let v = n, u = 0;
    while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
    return n + ' (' + (u === 0 ? v : v.toFixed(2)) + ' ' + units[u] + ')';
  },

  percent(part, whole) {
    return whole > 0 ? (100 * part / whole).toFixed(2) + '%' : '0.00%';
  },

  /** A duration in ms as "3.2 s", "4 min 5 s", "2 h 3 min". */
  duration(ms) {
    if (ms == null || ms < 0) return 'never';
    const s = Math.floor(ms / 1000);
    if (s < 60) return (ms / 1000).toFixed(1) + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  },

  /**
   * Follows the server-pushed model (Server-Sent Events at /events/<model>): onData(json) on
   * every change; #stream-status shows whether the stream is live. The browser reconnects by
   * itself when the daemon restarts.
   */
  follow(model, onData) {
    const status = document.getElementById('stream-status');
    const show = (live, text) => {
      if (status) { status.textContent = text; status.className = live ? 'live' : ''; }
    };
    const source = new EventSource('/events/' + model);
    source.onopen = () => show(true, 'live');
    source.onerror = () => show(false, 'reconnecting');
    source.onmessage = ev => { show(true, 'live'); onData(JSON.parse(ev.data)); };
    source.addEventListener('failure', ev => {
      show(false, 'error: ' + JSON.parse(ev.data).error);
    });
    return source;
  },

  /** The JSON of /api/<model>?params once; a failure rejects with the server's message. */
  async fetchModel(model, params) {
    const q = new URLSearchParams(params || {}).toString();
    const resp = await fetch('/api/' + model + (q ? '?' + q : ''), { cache: 'no-store' });
    const json = await resp.json();
    if (!resp.ok) throw new Error(json.error || ('HTTP ' + resp.status));
    return json;
  },
};
