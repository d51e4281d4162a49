// Browser tests of the console with Debian's Chromium (playwright-core, no browser download). Run by ConsoleBrowserIT,
// which starts the services and seeds the data, with:
//   CONSOLE_URL, TOKEN (every view's scope), TOKEN_NARROW (customers:read only), CUSTOMER_TOKEN, LIVE_MODEL,
//   OUT (screenshots), CHROMIUM (default /usr/bin/chromium), ALERT_STATES (the delivery states the alerts view must
//   show, comma-separated; default all four, as ConsoleBrowserIT seeds them), ALERT_EXAMPLES (1, the default: some
//   alert was composed, so the view must show an example message; 0: none was, so it must say so). './cdp console
//   check' runs it against the stack of './cdp up' with what the alerts table holds. DRIFT (1: a retraining run has
//   checked the live version, so the models view must show its PSI table and a promotion decision; 0, the default:
//   whichever the stack holds, the view must say it).
// Exits non-zero on the first failed check, naming it.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};
const base = env("CONSOLE_URL");
const out = env("OUT", "target/screenshots");
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: env("CHROMIUM", "/usr/bin/chromium"),
  headless: true,
  // this machine's network is closed: no background traffic, no component updates
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const results = [];
const check = async (name, fn) => {
  const started = Date.now();
  try {
    await fn();
    results.push(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push(`FAIL ${name}: ${e.message.split("\n")[0]}`);
  }
};

async function page(width, height, token) {
  const context = await browser.newContext({ viewport: { width, height } });
  const p = await context.newPage();
  await p.goto(base + "/");
  if (token) {
    await p.fill("#token", token);
    await p.press("#token", "Enter");
  }
  return p;
}

async function view(p, name) {
  await p.goto(`${base}/#${name}`);
  await p.waitForSelector(`main[data-loaded="${name}"]`, { timeout: 30000 });
}

const expectNoProblem = async (p, name) => {
  const problems = await p.locator("main .problem").allTextContents();
  if (problems.length) throw new Error(`${name} shows a problem: ${problems.join(" | ")}`);
};

for (const [label, width, height] of [["desktop", 1280, 900], ["phone", 390, 844]]) {
  const p = await page(width, height, env("TOKEN"));

  await check(`${label}: live feed shows scored transactions`, async () => {
    await view(p, "feed");
    await p.waitForFunction(() => document.querySelectorAll("#feed-table tbody tr").length >= 5, null, { timeout: 30000 });
    await expectNoProblem(p, "feed");
    // the decision filter narrows the rows to that decision only
    await p.selectOption("#decision", "DECLINE");
    const decisions = await p.locator("#feed-table tbody td:nth-child(6)").allTextContents();
    if (decisions.some(d => !d.includes("DECLINE"))) throw new Error("filter left other decisions: " + decisions);
    await p.selectOption("#decision", "");
    await p.screenshot({ path: `${out}/feed-${label}.png`, fullPage: true });
  });

  await check(`${label}: alert outcomes`, async () => {
    await view(p, "alerts");
    await expectNoProblem(p, "alerts");
    const text = await p.locator("main").innerText();
    const states = env("ALERT_STATES", "CONFIRMED,DENIED,SENT,EXPIRED").split(",").filter(s => s);
    if (!states.length) throw new Error("ALERT_STATES names no state");
    for (const state of states) if (!text.includes(state)) throw new Error("no " + state);
    if (!/Fallback rate/.test(text)) throw new Error("no fallback rate");
    // an example message per state, as composed: placeholders, never a name or a card number
    const examples = await p.locator("#alert-examples").innerText();
    if (env("ALERT_EXAMPLES", "1") === "1") {
      const rows = await p.locator("#alert-examples table").innerText().catch(() => "(no table)");
      if (!rows.includes("{{CARD_LAST4}}")) throw new Error("no example message with its placeholders: " + rows.slice(0, 200));
    } else if (!examples.includes("No composed message yet")) {
      throw new Error("examples shown though no alert was composed: " + examples.slice(0, 200));
    }
    await p.screenshot({ path: `${out}/alerts-${label}.png`, fullPage: true });
  });

  await check(`${label}: customer lookup shows the masked profile`, async () => {
    await p.goto(`${base}/#customer?token=${env("CUSTOMER_TOKEN")}`);
    await p.waitForSelector("#h-masked", { timeout: 30000 });
    await expectNoProblem(p, "customer");
    await p.screenshot({ path: `${out}/customer-${label}.png`, fullPage: true });
  });

  await check(`${label}: models`, async () => {
    await view(p, "models");
    await expectNoProblem(p, "models");
    const live = await p.locator("#live-version").innerText();
    if (!live.includes(env("LIVE_MODEL"))) throw new Error("live version not shown: " + live);
    const versions = await p.locator("main table").first().innerText();
    if (!versions.includes("LIVE")) throw new Error("no LIVE row: " + versions);
    // the live version's ROC and precision-recall curves, drawn from the trainer's registry note
    const curves = await p.locator("main svg.chart.curve path[data-series^='live']").count();
    if (curves !== 2) throw new Error(`${curves} curves of the live version (want ROC and PR)`);
    const caption = await p.locator("main .curves figcaption").first().innerText();
    if (!/area [01]\.\d{3}/.test(caption)) throw new Error("ROC caption without its area: " + caption);
    const drift = await p.locator("#drift-status").innerText();
    if (env("DRIFT", "0") === "1") {
      if (!/Drift of the live version against its training data: (STABLE|MODERATE|DRIFT)/.test(drift)) throw new Error("no drift status: " + drift);
      const psiRows = await p.locator("main table:has(caption:text('population stability')) tbody tr").count();
      if (psiRows < 2) throw new Error(`${psiRows} rows in the PSI table`);
      const decisions = await p.locator("main table:has(caption:text('Promotion decisions')) tbody").innerText();
      if (!/PROMOTE|KEEP_CHAMPION/.test(decisions)) throw new Error("no recorded decision: " + decisions);
    } else if (!/no check has run|Drift of the live version/.test(drift)) {
      throw new Error("no drift line: " + drift);
    }
    await p.screenshot({ path: `${out}/models-${label}.png`, fullPage: true });
  });

  await check(`${label}: charts`, async () => {
    await view(p, "charts");
    await expectNoProblem(p, "charts");
    const charts = await p.locator("main svg.chart").count();
    if (charts < 4) throw new Error(`${charts} charts`);
    const bubbles = await p.locator("main svg.bubbles circle").count();
    if (bubbles < 1) throw new Error("segment map without a segment");
    // the long table behind the fraud-rate chart is folded away until asked for
    if (await p.locator("details#fraud-table").getAttribute("open") !== null) throw new Error("fraud table not folded");
    if (await p.locator("details#fraud-table table").isVisible()) throw new Error("folded fraud table is visible");
    await p.screenshot({ path: `${out}/charts-${label}.png`, fullPage: true });
  });
  await p.context().close();
}

await check("unmask asks for a purpose, then shows the values and core-banking's audit record", async () => {
  const p = await page(1280, 900, env("TOKEN"));
  await p.goto(`${base}/#customer?token=${env("CUSTOMER_TOKEN")}`);
  await p.waitForSelector("#unmask");
  // without a purpose nothing is sent
  await p.click("#unmask button");
  await p.waitForSelector("#unmask-out .problem");
  // keyboard only: focus the purpose, choose, submit
  await p.focus("#purpose");
  await p.selectOption("#purpose", "FRAUD_INVESTIGATION");
  await p.keyboard.press("Tab");
  const isUnmask = r => r.url().endsWith("/unmask") && r.method() === "POST";
  const sent = p.waitForRequest(isUnmask, { timeout: 10000 });
  await p.keyboard.press("Enter");
  const request = await sent.catch(async () => {
    throw new Error("Enter sent no unmask request; focus was on " + await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)));
  });
  const unmask = await Promise.race([request.response(),
    new Promise((_, fail) => setTimeout(() => fail(new Error("the console did not answer the unmask request in 30 s")), 30000))]);
  if (!unmask) throw new Error("the unmask request failed: " + request.failure()?.errorText);
  if (unmask.status() !== 200) throw new Error(`unmask answered ${unmask.status()}: ${await unmask.text()}`);
  await p.waitForSelector("#unmask-out table, #unmask-out .problem", { timeout: 30000 });
  if (await p.locator("#unmask-out .problem").count()) throw new Error("unmask shows a problem: " + await p.locator("#unmask-out .problem").innerText());
  const audit = await p.locator("#unmask-out table").innerText();
  if (!audit.includes("FRAUD_INVESTIGATION")) throw new Error("audit table without the purpose: " + audit);
  await p.screenshot({ path: `${out}/unmask-desktop.png`, fullPage: true });
  await p.context().close();
});

await check("a view refuses without its scope (alerts with a customers:read token)", async () => {
  const p = await page(1280, 900, env("TOKEN_NARROW"));
  await view(p, "alerts");
  const text = await p.locator("main .problem").innerText();
  if (!text.includes("403")) throw new Error("expected a 403 refusal, got: " + text);
  await p.screenshot({ path: `${out}/refused-desktop.png`, fullPage: true });
  await p.context().close();
});

await check("keyboard: the views are reachable with Tab and Enter", async () => {
  const p = await page(1280, 900, env("TOKEN"));
  await p.goto(base + "/#feed");
  await p.focus("nav a[data-view='feed']");
  await p.keyboard.press("Tab");
  await p.keyboard.press("Enter");
  await p.waitForFunction(() => location.hash === "#alerts");
  await p.context().close();
});

await browser.close();
console.log(results.join("\n"));
const failed = results.filter(r => r.startsWith("FAIL")).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
