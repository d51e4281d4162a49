// The analysts' console: hash-routed views, no framework. Every call carries the user's token; the back end checks
// each view's scope and passes the token on. Nothing here is persisted beyond the browser tab (sessionStorage).

type Json = unknown;
interface QueryResult { columns: string[]; rows: (string | number | boolean | null)[][]; }
interface FeedItem {
  transactionId: string; customerToken: string; transactionTime: string; amount: string; currency: string;
  mcc: number; channel: string; score: number; decision: string; alert: boolean; modelVersion: string; reasons: string[];
}
interface Problem { status?: number; title?: string; detail?: string; }

const VIEWS: Record<string, { title: string; scopes: string[]; render: (main: HTMLElement) => Promise<void> }> = {
  feed: { title: "Live fraud feed", scopes: ["fraud:monitor"], render: renderFeed },
  alerts: { title: "Alert outcomes", scopes: ["alerts:read"], render: renderAlerts },
  customer: { title: "Customer lookup", scopes: ["customers:read"], render: renderCustomer },
  models: { title: "Models", scopes: ["fraud:score", "models:admin"], render: renderModels },
  charts: { title: "Charts", scopes: ["lake:read"], render: renderCharts },
};

let feedAbort: AbortController | null = null;

function token(): string { return sessionStorage.getItem("cdp.token") ?? ""; }

/** The token's scopes, read from its payload only to label the views; the server decides. */
function scopes(): string[] {
  const parts = token().split(".");
  if (parts.length !== 3) return [];
  try {
    const payload = JSON.parse(atob(parts[1].replace(/-/g, "+").replace(/_/g, "/")));
    const s = payload.scope ?? payload.scp ?? "";
    return Array.isArray(s) ? s : String(s).split(" ").filter(Boolean);
  } catch { return []; }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

class ApiError extends Error { constructor(readonly status: number, readonly problem: Problem) { super(problem.title ?? String(status)); } }

async function api<T = Json>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", "Bearer " + token());
  headers.set("Accept", "application/json");
  const res = await fetch(path, { ...init, headers });
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, body ?? { status: res.status });
  return body as T;
}

function problemBox(e: unknown): HTMLElement {
  const box = el("div", { class: "problem", role: "alert" });
  if (e instanceof ApiError) {
    const what = e.status === 401 ? "Not signed in (401)" : e.status === 403 ? "Refused: this view needs a scope your token lacks (403)" : `Error ${e.status}`;
    box.append(el("strong", {}, what), el("p", {}, [e.problem.title, e.problem.detail].filter(Boolean).join(": ")));
  } else {
    box.append(el("strong", {}, "Error"), el("p", {}, String(e)));
  }
  return box;
}

function table(caption: string, columns: string[], rows: (string | number | boolean | null)[][], numeric?: boolean[]): HTMLElement {
  const t = el("table");
  t.append(el("caption", {}, caption));
  const head = el("tr");
  columns.forEach((c, i) => head.append(el("th", { scope: "col", class: numeric?.[i] ? "num" : "" }, c)));
  t.append(el("thead", {}, head));
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    r.forEach((v, i) => tr.append(el("td", { class: numeric?.[i] ?? typeof v === "number" ? "num" : "" }, v === null ? "—" : String(v))));
    body.append(tr);
  }
  if (rows.length === 0) body.append(el("tr", {}, el("td", { colspan: String(columns.length) }, "No rows yet.")));
  t.append(body);
  return el("div", { class: "table-wrap" }, t);
}

function queryTable(caption: string, q: QueryResult): HTMLElement {
  return table(caption, q.columns, q.rows, q.columns.map((_, i) => q.rows.length > 0 && q.rows.every(r => typeof r[i] === "number" || r[i] === null)));
}

// ------------------------------------------------------------------ charts (inline SVG, labelled values)

const SVG = "http://www.w3.org/2000/svg";
function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Horizontal bars with the value written at each bar: readable without colour and by a screen reader. */
function barChart(title: string, labels: string[], values: number[], format: (v: number) => string): HTMLElement {
  const rowH = 22, left = 190, width = 720, right = 80;
  const max = Math.max(1e-9, ...values);
  const s = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${rowH * labels.length + 30}`, role: "img", "aria-label": title });
  s.append(svg("title", {}, title));
  s.append(svg("text", { x: 0, y: 14, "font-weight": 700 }, title));
  labels.forEach((label, i) => {
    const y = 24 + i * rowH;
    const w = ((width - left - right) * values[i]) / max;
    s.append(svg("text", { x: left - 6, y: y + 14, "text-anchor": "end" }, label.length > 30 ? label.slice(0, 29) + "…" : label));
    s.append(svg("rect", { x: left, y: y + 3, width: Math.max(1, w), height: rowH - 8, fill: "#1d3557", stroke: "#000", "stroke-width": 0.5 }));
    s.append(svg("text", { x: left + w + 4, y: y + 14 }, format(values[i])));
  });
  const fig = el("figure");
  fig.append(s);
  return fig;
}

/** Histogram of scores in ten bins of 0.1. */
function scoreHistogram(items: FeedItem[]): HTMLElement {
  const bins = new Array(10).fill(0);
  items.forEach(i => bins[Math.min(9, Math.floor(i.score * 10))]++);
  return barChart(`Score distribution of the last ${items.length} scored transactions`, bins.map((_, i) => `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`), bins, v => String(v));
}

// ------------------------------------------------------------------ views

async function renderFeed(main: HTMLElement): Promise<void> {
  const minScore = el("input", { type: "number", id: "min-score", min: "0", max: "1", step: "0.05", value: "0" });
  const decision = el("select", { id: "decision" }, el("option", { value: "" }, "any"), el("option", { value: "DECLINE" }, "DECLINE"), el("option", { value: "REVIEW" }, "REVIEW"), el("option", { value: "APPROVE" }, "APPROVE"));
  const filters = el("div", { class: "filters" }, el("label", {}, "Lowest score", minScore), el("label", {}, "Decision", decision));
  const status = el("p", { class: "note", "aria-live": "polite", id: "feed-status" }, "Connecting…");
  const body = el("tbody");
  const t = el("table", { id: "feed-table" }, el("caption", {}, "Scored transactions, newest first"),
    el("thead", {}, el("tr", {}, ...["time (UTC)", "customer", "amount", "MCC", "score", "decision", "alert", "reasons"].map((h, i) => el("th", { scope: "col", class: [2, 3, 4].includes(i) ? "num" : [1, 6, 7].includes(i) ? "hide-narrow" : "" }, h)))), body);
  main.append(filters, status, el("div", { class: "table-wrap" }, t));
  const items: FeedItem[] = [];
  const draw = () => {
    const min = Number(minScore.value) || 0;
    const d = decision.value;
    body.replaceChildren(...items.filter(i => i.score >= min && (!d || i.decision === d)).slice(0, 100).map(i => el("tr", {},
      el("td", {}, i.transactionTime.replace("T", " ").slice(0, 19)),
      el("td", { class: "hide-narrow" }, i.customerToken.slice(0, 14) + "…"),
      el("td", { class: "num" }, `${i.amount} ${i.currency}`),
      el("td", { class: "num" }, String(i.mcc)),
      el("td", { class: "num" }, i.score.toFixed(3)),
      el("td", { class: "decision-" + i.decision }, (i.decision === "DECLINE" ? "✖ " : i.decision === "REVIEW" ? "▲ " : "✓ ") + i.decision),
      el("td", { class: "hide-narrow" }, i.alert ? "yes" : "no"),
      el("td", { class: "hide-narrow" }, i.reasons.join(", ")))));
  };
  minScore.addEventListener("input", draw);
  decision.addEventListener("change", draw);
  // EventSource cannot send an Authorization header: read the event stream through fetch instead
  feedAbort?.abort();
  feedAbort = new AbortController();
  const res = await fetch("/console/api/feed", { headers: { Authorization: "Bearer " + token(), Accept: "text/event-stream" }, signal: feedAbort.signal });
  if (!res.ok || !res.body) {
    const text = await res.text();
    throw new ApiError(res.status, text ? JSON.parse(text) : {});
  }
  status.textContent = "Live: new transactions appear at the top.";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = chunk.split("\n").filter(l => l.startsWith("data:")).map(l => l.slice(5)).join("\n");
          if (data) items.unshift(JSON.parse(data) as FeedItem);
        }
        if (items.length > 500) items.length = 500;
        status.textContent = `Live: ${items.length} transactions received.`;
        draw();
      }
    } catch { /* navigation away aborts the stream */ }
  })();
}

async function renderAlerts(main: HTMLElement): Promise<void> {
  const q = await api<QueryResult>("/console/api/alerts/outcomes");
  main.append(queryTable("Alerts by delivery state", q));
  const stateIdx = q.columns.indexOf("state"), nIdx = q.columns.indexOf("alerts"), fbIdx = q.columns.indexOf("fallback");
  const total = q.rows.reduce((s, r) => s + Number(r[nIdx]), 0);
  const fallback = q.rows.reduce((s, r) => s + Number(r[fbIdx]), 0);
  main.append(el("p", { id: "fallback-rate" }, `Fallback rate (template instead of the model's text): ${total ? ((100 * fallback) / total).toFixed(1) : "0.0"} % of ${total} alerts.`));
  if (q.rows.length) main.append(barChart("Alerts by outcome", q.rows.map(r => String(r[stateIdx])), q.rows.map(r => Number(r[nIdx])), v => String(v)));
  // what the customers read: the newest SMS per state as composed; the core zone fills the placeholders, so the
  // console never holds a name or a card number
  const examples = await api<QueryResult>("/console/api/alerts/examples");
  const section = el("section", { id: "alert-examples" },
    el("p", { class: "note" }, "Example messages, as composed: {{FIRST_NAME}} and {{CARD_LAST4}} are filled in the core-banking zone when the message is sent."));
  section.append(examples.rows.length ? queryTable("The newest SMS per delivery state", examples) : el("p", { class: "note" }, "No composed message yet."));
  main.append(section);
}

async function renderCustomer(main: HTMLElement): Promise<void> {
  const input = el("input", { type: "text", id: "customer-token", autocomplete: "off", spellcheck: "false", placeholder: "cus_v1_…", size: "40" });
  const form = el("form", { class: "filters", id: "lookup" }, el("label", {}, "Customer token", input), el("button", { type: "submit" }, "Look up"));
  const out = el("div", { id: "customer-out" });
  main.append(form, out);
  const start = new URLSearchParams(location.hash.split("?")[1] ?? "").get("token");
  const show = async (tok: string) => {
    out.replaceChildren(el("p", { class: "note" }, "Loading…"));
    try {
      const p = await api<Record<string, any>>(`/console/api/customers/${encodeURIComponent(tok)}`);
      out.replaceChildren(profileView(p), unmaskForm(tok));
    } catch (e) { out.replaceChildren(problemBox(e)); }
  };
  form.addEventListener("submit", ev => { ev.preventDefault(); if (input.value.trim()) void show(input.value.trim()); });
  if (start) { input.value = start; await show(start); }
}

function dl(pairs: [string, string][]): HTMLElement {
  const d = el("dl");
  pairs.forEach(([k, v]) => d.append(el("dt", {}, k), el("dd", {}, v)));
  return d;
}

function profileView(p: Record<string, any>): HTMLElement {
  const id = p.identity ?? {};
  const cards = el("div", { class: "cards" },
    el("section", { class: "card", "aria-labelledby": "h-masked" }, el("h2", { id: "h-masked" }, "Masked profile"), dl([
      ["token", p.customerToken], ["initials", id.initials ?? "—"], ["age band", id.ageBand ?? "—"], ["income band", id.incomeBand ?? "—"],
      ["home state", id.homeState ?? "—"], ["zip3", id.zip3 ?? "—"]])),
    el("section", { class: "card", "aria-labelledby": "h-seg" }, el("h2", { id: "h-seg" }, "Segment and value"), dl([
      ["segment", p.segment ? `${p.segment.name} — ${p.segment.description}` : "not yet assigned"],
      ["CLV", p.lifetimeValue ? `${p.lifetimeValue.predictedSpend} over ${p.lifetimeValue.horizonDays} days` : "not yet predicted"],
      ["highest recent score", p.risk ? Number(p.risk.highestRecentScore).toFixed(3) : "—"],
      ["alerts raised", p.risk ? String(p.risk.alertsRaised) : "—"],
      ["confirmed / denied frauds", p.risk ? `${p.risk.confirmedFrauds} / ${p.risk.deniedFrauds}` : "—"]])));
  const wrap = el("div", {}, cards);
  const cardRows = (p.cards ?? []).map((c: Record<string, any>) => [String(c.cardToken ?? "").slice(0, 16) + "…", String(c.brand ?? ""), String(c.last4 ?? c.cardLast4 ?? "")]);
  wrap.append(table("Cards", ["card", "brand", "last 4"], cardRows));
  return wrap;
}

function unmaskForm(tok: string): HTMLElement {
  const purpose = el("select", { id: "purpose", "aria-required": "true" }, el("option", { value: "" }, "choose a purpose…"),
    ...["FRAUD_INVESTIGATION", "CUSTOMER_CONTACT", "SUBJECT_ACCESS_REQUEST", "REGULATORY_REQUEST"].map(p => el("option", { value: p }, p)));
  const form = el("form", { class: "filters", id: "unmask" }, el("label", {}, "Purpose of the unmasking (recorded in core-banking's audit)", purpose), el("button", { type: "submit" }, "Unmask"));
  const result = el("div", { id: "unmask-out", "aria-live": "polite" });
  const section = el("section", { "aria-labelledby": "h-unmask" }, el("h2", { id: "h-unmask" }, "Unmask"), form, result);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    if (!purpose.value) { result.replaceChildren(problemBox("Choose a purpose first.")); purpose.focus(); return; }
    try {
      const r = await api<Record<string, string>>(`/console/api/customers/${encodeURIComponent(tok)}/unmask`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ purpose: purpose.value }) });
      result.replaceChildren(dl([["name", r.name ?? "—"], ["e-mail", r.email ?? "—"], ["address", r.address ?? "—"], ["purpose", r.purpose]]));
      const audit = await api<{ at: string; principal: string; onBehalfOf: string; action: string; field: string; purpose: string; outcome: string }[]>(`/console/api/customers/${encodeURIComponent(tok)}/audit`);
      result.append(table("What core-banking's audit recorded (newest first)", ["at", "service", "on behalf of", "action", "field", "purpose", "outcome"], audit.map(a => [a.at, a.principal, a.onBehalfOf, a.action, a.field, a.purpose, a.outcome])));
    } catch (e) { result.replaceChildren(problemBox(e)); }
  });
  return section;
}

async function renderModels(main: HTMLElement): Promise<void> {
  const list = await api<{ modelName: string; liveVersion: string | null; models: Record<string, any>[] }>("/console/api/models");
  main.append(el("p", { id: "live-version" }, `Model ${list.modelName}: live version ${list.liveVersion ?? "none"}.`));
  const metricNames = Array.from(new Set(list.models.flatMap(m => Object.keys(m.metrics ?? {})))).filter(k => /auc|ap|precision|recall/i.test(k)).slice(0, 4);
  main.append(table("Versions, newest first (LIVE serves; REGISTERED are challengers)", ["version", "status", "trained on", "promoted", ...metricNames],
    list.models.map(m => [m.version, m.live ? `${m.status} (serving)` : m.status, `${m.trainingFrom} … ${m.trainingTo}`, m.promotedAt ?? "—", ...metricNames.map(k => m.metrics?.[k] === undefined ? null : Number(Number(m.metrics[k]).toFixed(4)))])));
  const history = list.models.filter(m => m.promotedAt).sort((a, b) => String(a.promotedAt).localeCompare(String(b.promotedAt)));
  main.append(table("Promotion history", ["promoted at", "version"], history.map(m => [m.promotedAt, m.version])));
  const auc = metricNames.find(k => /auc/i.test(k));
  if (auc && list.models.length) main.append(barChart(`${auc} by version`, list.models.map(m => m.version), list.models.map(m => Number(m.metrics?.[auc] ?? 0)), v => v.toFixed(4)));
}

async function renderCharts(main: HTMLElement): Promise<void> {
  const [fraud, segments, clv] = await Promise.all([
    api<QueryResult>("/console/api/lake/fraud-by-day"), api<QueryResult>("/console/api/lake/segment-sizes"), api<QueryResult>("/console/api/lake/clv-by-segment")]);
  const byDay = new Map<string, [number, number]>();
  const d = fraud.columns.indexOf("day"), n = fraud.columns.indexOf("transactions"), f = fraud.columns.indexOf("fraud");
  fraud.rows.forEach(r => { const k = String(r[d]); const v = byDay.get(k) ?? [0, 0]; byDay.set(k, [v[0] + Number(r[n]), v[1] + Number(r[f])]); });
  const days = [...byDay.keys()].sort().slice(-30);
  main.append(barChart("Labelled fraud rate by day (last 30 days of the history)", days, days.map(k => { const [t, fr] = byDay.get(k)!; return t ? fr / t : 0; }), v => (100 * v).toFixed(2) + " %"));
  const s = segments.columns.indexOf("segment"), c = segments.columns.indexOf("customers");
  main.append(barChart("Customers by segment", segments.rows.map(r => String(r[s])), segments.rows.map(r => Number(r[c])), v => String(v)));
  main.append(queryTable("CLV by segment", clv));
  main.append(queryTable("Fraud by day and MCC group", fraud));
  try {
    const recent = await api<FeedItem[]>("/console/api/feed");
    main.append(scoreHistogram(recent));
  } catch { main.append(el("p", { class: "note" }, "Score distribution needs the fraud:monitor scope.")); }
}

// ------------------------------------------------------------------ shell

async function route(): Promise<void> {
  feedAbort?.abort();
  const name = (location.hash.slice(1).split("?")[0] || "feed");
  const view = VIEWS[name] ?? VIEWS.feed;
  document.querySelectorAll<HTMLAnchorElement>("nav a").forEach(a => a.dataset.view === name ? a.setAttribute("aria-current", "page") : a.removeAttribute("aria-current"));
  const main = document.getElementById("main")!;
  const held = scopes();
  const needs = view.scopes.some(s => held.includes(s)) ? "" : ` (needs ${view.scopes.join(" or ")})`;
  main.replaceChildren(el("h2", { id: "view-title" }, view.title), el("p", { class: "note" }, `Scope: ${view.scopes.join(" or ")}${needs ? " — your token lacks it" : ""}.`));
  document.title = `${view.title} — CDP console`;
  if (!token()) { main.append(el("p", {}, "Paste an access token above first.")); return; }
  // a newer navigation replaces this one: its late results and errors (an aborted feed) must not land in the new view
  const generation = ++routeGeneration;
  const content = el("div");
  main.append(content);
  try { await view.render(content); } catch (e) {
    if (generation !== routeGeneration || (e instanceof DOMException && e.name === "AbortError")) return;
    content.append(problemBox(e));
  }
  if (generation === routeGeneration) main.setAttribute("data-loaded", name);
}

let routeGeneration = 0;

function start(): void {
  const form = document.getElementById("login") as HTMLFormElement;
  const input = document.getElementById("token") as HTMLInputElement;
  const who = document.getElementById("who")!;
  const label = () => { who.textContent = token() ? `Token set; scopes: ${scopes().join(", ") || "none"}` : "No token."; };
  form.addEventListener("submit", ev => { ev.preventDefault(); sessionStorage.setItem("cdp.token", input.value.trim()); input.value = ""; label(); void route(); });
  window.addEventListener("hashchange", () => { void route(); document.getElementById("main")?.focus(); });
  label();
  void route();
}

start();
