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

interface Point { x: number; y: number; }
interface Series { name: string; points: Point[]; dash: string; }

/**
 * Curves on the unit square (ROC, precision-recall). Series differ by dash pattern and are named in a legend, so they
 * read without colour; the figure's caption repeats what the picture says.
 */
function lineChart(title: string, xLabel: string, yLabel: string, series: Series[], caption: string, diagonal = false): HTMLElement {
  const w = 420, h = 320, l = 48, r = 16, t = 28, b = 40;
  const X = (v: number) => l + v * (w - l - r), Y = (v: number) => h - b - v * (h - t - b);
  const s = svg("svg", { class: "chart curve", viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": `${title}. ${caption}` });
  s.append(svg("title", {}, title));
  s.append(svg("text", { x: 0, y: 14, "font-weight": 700 }, title));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    s.append(svg("line", { x1: X(0), y1: Y(v), x2: X(1), y2: Y(v), stroke: "#ccc", "stroke-width": 0.5 }));
    s.append(svg("text", { x: l - 6, y: Y(v) + 4, "text-anchor": "end" }, v.toFixed(2)));
    s.append(svg("text", { x: X(v), y: h - b + 14, "text-anchor": "middle" }, v.toFixed(2)));
  }
  s.append(svg("rect", { x: X(0), y: Y(1), width: X(1) - X(0), height: Y(0) - Y(1), fill: "none", stroke: "#000", "stroke-width": 0.8 }));
  s.append(svg("text", { x: (X(0) + X(1)) / 2, y: h - 6, "text-anchor": "middle" }, xLabel));
  s.append(svg("text", { x: 12, y: (Y(0) + Y(1)) / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${(Y(0) + Y(1)) / 2})` }, yLabel));
  if (diagonal) s.append(svg("line", { x1: X(0), y1: Y(0), x2: X(1), y2: Y(1), stroke: "#888", "stroke-dasharray": "2 4" }));
  series.forEach((line, i) => {
    if (line.points.length < 2) return;
    const d = line.points.map((p, k) => `${k ? "L" : "M"}${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(" ");
    s.append(svg("path", { d, fill: "none", stroke: i ? "#b5179e" : "#1d3557", "stroke-width": 2, "stroke-dasharray": line.dash, "data-series": line.name }));
    s.append(svg("line", { x1: X(0.55), y1: Y(0.12 + 0.08 * i), x2: X(0.65), y2: Y(0.12 + 0.08 * i), stroke: i ? "#b5179e" : "#1d3557", "stroke-width": 2, "stroke-dasharray": line.dash }));
    s.append(svg("text", { x: X(0.67), y: Y(0.12 + 0.08 * i) + 4 }, line.name));
  });
  const fig = el("figure");
  fig.append(s, el("figcaption", {}, caption));
  return fig;
}

/** Segments placed by mean risk (x) and mean lifetime value (y); the area of a circle is the number of customers. */
function bubbleChart(title: string, rows: { label: string; x: number; y: number; n: number }[], xLabel: string, yLabel: string): HTMLElement {
  const w = 720, h = 380, l = 70, r = 30, t = 30, b = 44;
  // an axis with nothing on it yet (no risk scored, no lifetime value predicted) still runs 0..1
  const extent = (vs: number[]) => { const m = Math.max(0, ...vs.filter(Number.isFinite)); return m > 0 ? m * 1.15 : 1; };
  const maxX = extent(rows.map(p => p.x)), maxY = extent(rows.map(p => p.y));
  const tick = (v: number, max: number) => v.toFixed(max >= 100 ? 0 : max >= 10 ? 1 : max >= 1 ? 2 : 3);
  const maxN = Math.max(1, ...rows.map(p => p.n));
  const X = (v: number) => l + (v / maxX) * (w - l - r), Y = (v: number) => h - b - (v / maxY) * (h - t - b);
  const s = svg("svg", { class: "chart bubbles", viewBox: `0 0 ${w} ${h}`, role: "img",
    "aria-label": `${title}: ` + rows.map(p => `${p.label} ${p.n} customers, ${xLabel} ${p.x.toFixed(3)}, ${yLabel} ${p.y.toFixed(0)}`).join("; ") });
  s.append(svg("title", {}, title));
  s.append(svg("text", { x: 0, y: 14, "font-weight": 700 }, title));
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    s.append(svg("line", { x1: X(0), y1: Y(f * maxY), x2: X(maxX), y2: Y(f * maxY), stroke: "#ddd", "stroke-width": 0.5 }));
    s.append(svg("text", { x: l - 6, y: Y(f * maxY) + 4, "text-anchor": "end" }, tick(f * maxY, maxY)));
    s.append(svg("text", { x: X(f * maxX), y: h - b + 14, "text-anchor": "middle" }, tick(f * maxX, maxX)));
  }
  s.append(svg("line", { x1: X(0), y1: Y(0), x2: X(maxX), y2: Y(0), stroke: "#000" }));
  s.append(svg("line", { x1: X(0), y1: Y(0), x2: X(0), y2: Y(maxY), stroke: "#000" }));
  s.append(svg("text", { x: (l + w - r) / 2, y: h - 8, "text-anchor": "middle" }, xLabel));
  s.append(svg("text", { x: 14, y: (t + h - b) / 2, "text-anchor": "middle", transform: `rotate(-90 14 ${(t + h - b) / 2})` }, yLabel));
  for (const p of [...rows].sort((a, c) => c.n - a.n)) {
    const radius = 4 + 26 * Math.sqrt(p.n / maxN);
    s.append(svg("circle", { cx: X(p.x), cy: Y(p.y), r: radius, fill: "#1d3557", "fill-opacity": 0.25, stroke: "#1d3557", "stroke-width": 1.2 }));
    s.append(svg("text", { x: X(p.x), y: Y(p.y) + 4, "text-anchor": "middle" }, `${p.label} (${p.n})`));
  }
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

interface Evaluation {
  version: string; roc: Point[]; pr: Point[]; validationRows: number; validationFrauds: number;
  lineage: Record<string, string>;
  drift: { status: string; checkedAt: string | null; window: string | null; psiMax: number | null; psiMaxFeature: string | null; scorePsi: number | null; features: { feature: string; psi: number | null }[] } | null;
  decisions: Record<string, string>[];
}

/** PSI bands as the trainer reads them: below 0.1 stable, from 0.25 a significant shift. */
function psiBand(v: number | null): string { return v === null ? "—" : v >= 0.25 ? "significant" : v >= 0.1 ? "moderate" : "stable"; }

function area(points: Point[]): number {
  let a = 0;
  for (let i = 1; i < points.length; i++) a += (points[i].x - points[i - 1].x) * (points[i].y + points[i - 1].y) / 2;
  return a;
}

async function renderModels(main: HTMLElement): Promise<void> {
  const list = await api<{ modelName: string; liveVersion: string | null; models: Record<string, any>[] }>("/console/api/models");
  main.append(el("p", { id: "live-version" }, `Model ${list.modelName}: live version ${list.liveVersion ?? "none"}.`));
  const metricNames = Array.from(new Set(list.models.flatMap(m => Object.keys(m.metrics ?? {})))).filter(k => /auc|ap|precision|recall/i.test(k)).slice(0, 4);
  main.append(table("Versions, newest first (LIVE serves; SHADOW is scored beside it, into the lake only; REGISTERED are challengers)", ["version", "status", "trained on", "promoted", ...metricNames],
    list.models.map(m => [m.version, m.live ? `${m.status} (serving)` : m.status, `${m.trainingFrom} … ${m.trainingTo}`, m.promotedAt ?? "—", ...metricNames.map(k => m.metrics?.[k] === undefined ? null : Number(Number(m.metrics[k]).toFixed(4)))])));

  // the live version and the challenger (the version in its shadow days, else the newest published after the live
  // one), each with what was learnt about it
  const liveIndex = list.models.findIndex(m => m.version === list.liveVersion);
  const challenger = list.models.find(m => m.status === "SHADOW") ?? (liveIndex > 0 ? list.models[0] : undefined);
  const shown = [list.models[liveIndex], challenger].filter((m): m is Record<string, any> => m !== undefined);
  // every version's decisions are recorded on both versions of the pair: the newest ten cover the recent history
  const evaluations = await Promise.all(list.models.slice(0, 10).map(m =>
    api<Evaluation>(`/console/api/models/${encodeURIComponent(m.version)}/evaluation`).catch(() => null)));
  const byVersion = new Map(evaluations.filter((e): e is Evaluation => e !== null).map(e => [e.version, e]));
  const curves = shown.map((m, i) => ({ m, e: byVersion.get(m.version), dash: i ? "6 4" : "" })).filter(c => c.e && c.e.roc.length > 1);
  if (curves.length) {
    // short legend names (the SVG is narrow on a phone); the captions say which versions they are
    const name = (c: typeof curves[number]) => c.m.version === list.liveVersion ? "live" : "challenger";
    const row = el("div", { class: "curves" });
    row.append(
      lineChart("ROC on the validation days", "false positive rate", "true positive rate",
        curves.map(c => ({ name: name(c), points: c.e!.roc, dash: c.dash })),
        curves.map(c => `${name(c)} ${c.m.version}: area ${area(c.e!.roc).toFixed(3)} over ${c.e!.validationRows} transactions, ${c.e!.validationFrauds} fraud`).join("; ") + ".", true),
      lineChart("Precision and recall on the validation days", "recall", "precision",
        curves.map(c => ({ name: name(c), points: c.e!.pr, dash: c.dash })),
        curves.map(c => `${name(c)} ${c.m.version}: precision ${(c.e!.pr.find(p => p.x >= 0.5)?.y ?? 0).toFixed(3)} at half the frauds caught`).join("; ") + "."));
    main.append(row);
  } else {
    main.append(el("p", { class: "note" }, "No curves recorded for the live version (it was published before the trainer recorded them)."));
  }

  const live = list.liveVersion ? byVersion.get(list.liveVersion) : undefined;
  const drift = live?.drift;
  if (drift) {
    main.append(el("p", { id: "drift-status" }, `Drift of the live version against its training data: ${drift.status}` +
      (drift.psiMax !== null && drift.psiMaxFeature !== "none" ? ` (largest PSI ${drift.psiMax.toFixed(3)} on ${drift.psiMaxFeature}; score PSI ${drift.scorePsi === null ? "—" : drift.scorePsi.toFixed(3)}; window ${drift.window ?? "—"}).` : ".")));
    const measured = drift.features.filter(f => f.psi !== null);
    if (measured.length) {
      main.append(table("Drift: population stability index per feature, highest first", ["feature", "PSI", "band"],
        measured.map(f => [f.feature, Number(f.psi!.toFixed(4)), psiBand(f.psi)])));
    } else {
      main.append(el("p", { class: "note" }, "No feature could be compared: the drift window held no transaction the retraining run could read."));
    }
  } else {
    main.append(el("p", { id: "drift-status" }, "Drift: no check has run against the live version yet (the retraining job runs one: ./cdp retrain)."));
  }

  const seen = new Set<string>();
  const decisions = [...byVersion.values()].flatMap(e => e.decisions)
    .filter(d => { const k = `${d.at}|${d.challenger}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => String(b.at).localeCompare(String(a.at)));
  main.append(table("Promotion decisions, newest first", ["at", "champion", "challenger", "verdict", "promoted", "reason"],
    decisions.map(d => [d.at ?? null, d.champion ?? null, d.challenger ?? null, d.verdict ?? null, d.promoted ?? null, d.reason ?? null])));
  const history = list.models.filter(m => m.promotedAt).sort((a, b) => String(a.promotedAt).localeCompare(String(b.promotedAt)));
  main.append(table("Promotion history", ["promoted at", "version"], history.map(m => [m.promotedAt, m.version])));
  const lineage = challenger ? byVersion.get(challenger.version)?.lineage : live?.lineage;
  if (lineage && Object.keys(lineage).length) main.append(table(`Lineage of ${challenger ? "the challenger" : "the live version"}`, ["fact", "value"], Object.entries(lineage).map(([k, v]) => [k, v])));
}

async function renderCharts(main: HTMLElement): Promise<void> {
  const [fraud, segments, clv, map] = await Promise.all([
    api<QueryResult>("/console/api/lake/fraud-by-day"), api<QueryResult>("/console/api/lake/segment-sizes"), api<QueryResult>("/console/api/lake/clv-by-segment"),
    api<QueryResult>("/console/api/lake/segment-map")]);
  const byDay = new Map<string, [number, number]>();
  const d = fraud.columns.indexOf("day"), n = fraud.columns.indexOf("transactions"), f = fraud.columns.indexOf("fraud");
  fraud.rows.forEach(r => { const k = String(r[d]); const v = byDay.get(k) ?? [0, 0]; byDay.set(k, [v[0] + Number(r[n]), v[1] + Number(r[f])]); });
  const days = [...byDay.keys()].sort().slice(-30);
  main.append(barChart("Labelled fraud rate by day (last 30 days of the history)", days, days.map(k => { const [t, fr] = byDay.get(k)!; return t ? fr / t : 0; }), v => (100 * v).toFixed(2) + " %"));
  const s = segments.columns.indexOf("segment"), c = segments.columns.indexOf("customers");
  main.append(barChart("Customers by segment", segments.rows.map(r => String(r[s])), segments.rows.map(r => Number(r[c])), v => String(v)));
  const col = (name: string) => map.columns.indexOf(name);
  main.append(bubbleChart("Segment map: where each segment's customers sit by risk and lifetime value",
    map.rows.map(r => ({ label: String(r[col("segment")]), n: Number(r[col("customers")]), x: Number(r[col("mean_risk")] ?? 0), y: Number(r[col("mean_clv")] ?? 0) })),
    "mean risk (highest recent fraud score)", "mean predicted lifetime value ($)"));
  main.append(queryTable("CLV by segment", clv));
  // the long table behind the fraud-rate chart stays one click away instead of filling the page
  const details = el("details", { id: "fraud-table" }, el("summary", {}, `Fraud by day and MCC group: the ${fraud.rows.length} rows behind the chart`));
  details.append(queryTable("Fraud by day and MCC group", fraud));
  main.append(details);
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
