// The wallboard page: every figure comes from the server (snapshot, then change events); nothing is counted here.
(function () {
  "use strict";
  const query = new URLSearchParams(location.search);
  const campaigns = query.get("campaignId") || "";
  const connection = document.getElementById("connection");
  const agents = new Map();
  const tiles = new Map();
  let source = null;
  let retryTimer = null;

  function setConnection(state, text) {
    connection.dataset.state = state;
    connection.textContent = text;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  function duration(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60);
    return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
  }

  function time(instant) {
    return new Date(instant).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function percent(rate) {
    return rate === null || rate === undefined ? "–" : `${Math.round(rate * 100)} %`;
  }

  function stateText(a) {
    if (a.state === "in-call") return `In a call since ${time(a.inCallSince)}` + (a.callCampaignId ? ` (${a.callCampaignId})` : "");
    return a.state === "idle" ? "Idle" : "Signed out";
  }

  function bar(outcomes, owner) {
    const total = outcomes.reduce((s, o) => s + o.count, 0);
    const track = el("div", { class: "bar", role: "list", "aria-label": `${owner}: ${total} outcomes` });
    for (const o of outcomes) {
      const seg = el("div", {
        class: "segment", role: "listitem", tabindex: "0",
        "data-outcome": o.code, "data-count": String(o.count), "data-color": o.color,
        title: `${o.label}: ${o.count}`, "aria-label": `${o.label}: ${o.count}`,
      }, el("span", { class: "tip", text: `${o.label}: ${o.count}` }));
      seg.style.flexGrow = String(o.count);
      seg.style.flexBasis = "0";
      seg.style.background = o.color;
      track.append(seg);
    }
    const legend = el("ul", { class: "legend" });
    for (const o of outcomes) {
      const sw = el("span", { class: "swatch" });
      sw.style.background = o.color;
      legend.append(el("li", { "data-outcome": o.code }, sw, `${o.label} ${o.count}`));
    }
    return [track, legend];
  }

  function renderAgent(a) {
    agents.set(a.agentId, a);
    const tbody = document.querySelector("#agents tbody");
    const row = el("tr", { "data-agent": a.agentId },
      el("th", { scope: "row", text: a.agentId }),
      el("td", { class: "state", "data-state": a.state, text: stateText(a) }),
      el("td", { class: "num", "data-field": "calls", text: String(a.calls) }),
      el("td", { class: "num", "data-field": "talk", text: duration(a.talkSeconds) }),
      el("td", {}, ...bar(a.outcomes, a.agentId)));
    const old = tbody.querySelector(`tr[data-agent="${CSS.escape(a.agentId)}"]`);
    if (old) { old.replaceWith(row); return; }
    const after = [...tbody.children].find(r => r.dataset.agent > a.agentId);
    tbody.insertBefore(row, after || null);
  }

  function renderTile(c) {
    tiles.set(c.campaignId, c);
    const q = c.queue;
    const facts = [
      ["Due: private callbacks", q.duePrivateCallbacks], ["Due: public callbacks", q.duePublicCallbacks],
      ["Due: retries", q.dueRetries], ["Due: new leads", q.dueNew], ["Leased", q.leased], ["Scheduled", q.scheduled], ["Done", q.done],
      ["Calls, last 15 min", c.callsLast15Minutes],
      ["Contact rate today / 1 h", `${percent(c.today.contactRate)} / ${percent(c.lastHour.contactRate)}`],
      ["Conversion today / 1 h", `${percent(c.today.conversion)} / ${percent(c.lastHour.conversion)}`],
      ["Agents in a call / idle", `${c.agentsInCall} / ${c.agentsIdle}`],
    ];
    const dl = el("dl");
    for (const [k, v] of facts) dl.append(el("dt", { text: k }), el("dd", { text: String(v) }));
    const statusText = { ok: "OK", amber: "AMBER", red: "RED" }[c.status] + (c.statusReasons.length ? ` · ${c.statusReasons.join(", ")}` : "");
    const tile = el("article", { class: "tile", "data-campaign": c.campaignId, "data-status": c.status },
      el("h3", {}, el("span", { text: c.name }), el("span", { class: "status", text: statusText })),
      el("p", { class: "clock", text: `${c.timeZone} · ${c.localTime} there` }),
      dl, ...bar(c.outcomesLast15Minutes, `${c.name}, last 15 minutes`));
    const host = document.getElementById("tiles");
    const old = host.querySelector(`[data-campaign="${CSS.escape(c.campaignId)}"]`);
    if (old) old.replaceWith(tile); else host.append(tile);
  }

  function renderSnapshot(view) {
    document.querySelector("#agents tbody").replaceChildren();
    document.getElementById("tiles").replaceChildren();
    agents.clear();
    tiles.clear();
    view.agents.forEach(renderAgent);
    view.campaigns.forEach(renderTile);
    document.getElementById("zone").textContent = `Today in ${view.timeZone}`;
  }

  function connect() {
    clearTimeout(retryTimer);
    if (source) source.close();
    source = new EventSource(`/api/v1/wallboard/stream?campaignId=${encodeURIComponent(campaigns)}`);
    source.addEventListener("open", () => setConnection("live", "Live"));
    source.addEventListener("snapshot", e => { renderSnapshot(JSON.parse(e.data)); setConnection("live", "Live"); });
    source.addEventListener("agent", e => renderAgent(JSON.parse(e.data)));
    source.addEventListener("campaign", e => renderTile(JSON.parse(e.data)));
    source.addEventListener("heartbeat", () => setConnection("live", "Live"));
    source.addEventListener("signed-out", () => { source.close(); showSignIn(); });
    source.addEventListener("error", () => {
      setConnection("reconnecting", "Reconnecting…");
      if (source.readyState === EventSource.CLOSED) {
        // The server answered with an error (a restart still under way, or the session gone): check, then try again.
        retryTimer = setTimeout(checkThenConnect, 2000);
      }
    });
  }

  async function checkThenConnect() {
    try {
      const r = await fetch("/api/v1/wallboard/session", { credentials: "same-origin" });
      if (r.status === 401 || r.status === 403) { showSignIn(); return; }
    } catch (e) { /* the server is not back yet */ }
    connect();
  }

  function showSignIn() {
    if (source) source.close();
    setConnection("signed-out", "Signed out");
    document.getElementById("board").hidden = true;
    document.getElementById("sign-out").hidden = true;
    document.getElementById("sign-in").hidden = false;
    document.getElementById("campaigns-field").value = campaigns;
  }

  async function start() {
    let r;
    try {
      r = await fetch("/api/v1/wallboard/session", { credentials: "same-origin" });
    } catch (e) {
      setConnection("reconnecting", "Reconnecting…");
      retryTimer = setTimeout(start, 2000);
      return;
    }
    if (r.status !== 200 || !campaigns) { showSignIn(); return; }
    document.getElementById("sign-in").hidden = true;
    document.getElementById("board").hidden = false;
    document.getElementById("sign-out").hidden = false;
    setConnection("reconnecting", "Connecting…");
    connect();
  }

  start();
})();
