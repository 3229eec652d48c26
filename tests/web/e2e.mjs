// The web app end to end, in a real browser: a demo organisation in a scratch SQLite database,
// accounts for an employee, their manager and a member of the people team, `yardstick serve`
// serving web/dist, and Debian's chromium (headless, driven by playwright-core) signing in as each
// in turn at laptop (1280×800) and phone (390×844) sizes. A screenshot of every step is saved
// under ARTEFACT_DIR. Without chromium (/usr/bin/chromium, or $YARDSTICK_CHROMIUM), or without a
// built web/dist, the test fails, saying so.
//
// Usage: node tests/web/e2e.mjs YARDSTICK_BINARY SOURCE_DIR ARTEFACT_DIR
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, createWriteStream, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const [yardstick, sourceDir, artefactDir] = process.argv.slice(2);
if (!yardstick || !sourceDir || !artefactDir) {
  console.error("usage: e2e.mjs YARDSTICK_BINARY SOURCE_DIR ARTEFACT_DIR");
  process.exit(2);
}
const CHROMIUM = process.env.YARDSTICK_CHROMIUM ?? "/usr/bin/chromium";
const VIEWPORTS = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
const PASSWORD = { employee: "employee-password-1", manager: "manager-password-22", peopleTeam: "people-team-password-333" };
const STEP_TIMEOUT_MS = 15_000;

let passed = 0;
let failed = 0;
function expect(name, condition, detail = "") {
  if (condition) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`FAILED: ${name}${detail ? ` (${detail})` : ""}`);
  }
}
function fail(message) {
  console.log(`FAILED: ${message}`);
  process.exit(1);
}

if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing (run scripts/install-deps.sh) — the web app cannot be checked in a browser`);
const webRoot = path.join(sourceDir, "web", "dist");
if (!existsSync(path.join(webRoot, "index.html"))) fail(`${webRoot}/index.html is missing: build the web app first (make web)`);
let chromium;
try {
  ({ chromium } = createRequire(path.join(sourceDir, "web", "package.json"))("playwright-core"));
} catch (error) {
  fail(`playwright-core is not installed in web/node_modules (run scripts/install-deps.sh): ${error.message}`);
}

mkdirSync(artefactDir, { recursive: true });
// Screenshots of an earlier run would mix with this run's (their step numbers differ).
for (const file of readdirSync(artefactDir)) if (file.endsWith(".png")) rmSync(path.join(artefactDir, file));
const work = mkdtempSync(path.join(tmpdir(), "yardstick-web-e2e-"));
const db = path.join(work, "org.db");

/** Runs the yardstick command; returns its standard output, failing the test when it fails. */
function run(args, input) {
  const result = spawnSync(yardstick, [...args, "--db", db], { input, encoding: "utf8" });
  if (result.status !== 0) fail(`yardstick ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

// ---- The organisation and its accounts -------------------------------------------------------

run(["demo", "init", "--people", "60", "--seed", "3", "--no-cycles", "--frameworks", path.join(sourceDir, "frameworks")]);
const roles = run(["role", "list"]).trim().split("\n").map((line) => line.trim().split(/\s+/));
const peopleTeamId = roles.find((fields) => fields[1] === "people-team")?.[0];
const roleHolders = new Set(roles.map((fields) => fields[0]));
// `people list`: ID NAME… GROUP TRACK GRADE LEVEL POSITION [MANAGER]; names have spaces, so the
// row is read from both ends.
const people = run(["people", "list"])
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const fields = line.trim().split(/\s+/);
    const last = fields[fields.length - 1];
    const hasManager = /^E\d+$/.test(last) && fields.length >= 8;
    const tail = hasManager ? fields.slice(-6) : fields.slice(-5);
    return {
      id: fields[0],
      name: fields.slice(1, fields.length - tail.length).join(" "),
      group: tail[0],
      level: tail[3],
      manager: hasManager ? last : null,
    };
  });
const managers = new Set(people.map((person) => person.manager).filter(Boolean));
const employee = people.find(
  (person) => person.manager && !managers.has(person.id) && !roleHolders.has(person.id) && !roleHolders.has(person.manager),
);
if (!peopleTeamId || !employee) fail("the demo organisation has no people-team member or no plain employee");
const manager = people.find((person) => person.id === employee.manager);
const peopleTeam = people.find((person) => person.id === peopleTeamId);
const managerEmail = /<([^>]+)>/.exec(run(["people", "show", manager.id]))?.[1];
if (!managerEmail) fail(`no email in \`people show ${manager.id}\``);
console.log(`employee ${employee.id} (${employee.level}), manager ${manager.id} (${manager.level}), people team ${peopleTeamId}`);

for (const [id, password] of [
  [employee.id, PASSWORD.employee],
  [manager.id, PASSWORD.manager],
  [peopleTeamId, PASSWORD.peopleTeam],
]) {
  run(["user", "add", id, "--password-stdin", "--as", peopleTeamId], `${password}\n`);
}

// ---- The server ------------------------------------------------------------------------------

const serverLog = createWriteStream(path.join(artefactDir, "serve.log"));
const server = spawn(yardstick, ["serve", "--db", db, "--port", "0", "--web-root", webRoot], { stdio: ["ignore", "pipe", "pipe"] });
server.stderr.pipe(serverLog);
const serverExit = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
const baseUrl = await new Promise((resolve) => {
  let seen = "";
  const timer = setTimeout(() => resolve(null), 30_000);
  server.stdout.on("data", (chunk) => {
    seen += chunk;
    serverLog.write(chunk);
    const match = /serving .* on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  server.on("exit", () => resolve(null));
});
if (!baseUrl) {
  server.kill("SIGTERM");
  fail(`yardstick serve did not say where it serves (see ${path.join(artefactDir, "serve.log")})`);
}

// ---- The browser -----------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
});

/** One viewport's run: every check of the three people, with a screenshot per step. */
async function runAt(viewport) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const problems = [];
  // Chromium logs every 4xx fetch as a console error; those the app expects are listed here and
  // checked against the responses, anything else is a failure.
  const expectedRefusals = new Set();
  const refusals = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    if (/^Failed to load resource: the server responded with a status of (401|403|404|429)/.test(message.text())) return;
    problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    refusals.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
  });
  let step = 0;
  const shot = async (name) => {
    step += 1;
    const file = path.join(artefactDir, `${viewport.name}-${String(step).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
  };
  const check = async (name, action) => {
    try {
      await action();
      passed += 1;
    } catch (error) {
      failed += 1;
      console.log(`FAILED [${viewport.name}]: ${name}: ${String(error.message).split("\n")[0]}`);
      await shot(`failed-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`).catch(() => {});
    }
  };
  const heading = () => page.locator("h1");
  const signIn = async (login, password) => {
    await page.getByLabel("Email or person ID").fill(login);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  const signOut = async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await heading().filter({ hasText: "Sign in to Yardstick" }).waitFor();
  };
  const chartIsDrawn = async () => {
    const canvas = page.locator("canvas[data-testid=history-chart]");
    await canvas.waitFor();
    // The canvas is on the page before its data has come and the chart is drawn (slower under
    // a loaded machine or ASan): look again for up to 15 s before calling it blank.
    let inked = 0;
    for (const started = Date.now(); Date.now() - started < 15000; ) {
      inked = await canvas.evaluate((element) => {
        const pixels = element
          .getContext("2d")
          .getImageData(0, 0, element.width, element.height).data;
        let count = 0;
        for (let index = 3; index < pixels.length; index += 4) if (pixels[index] !== 0) count += 1;
        return count;
      });
      if (inked >= 200) break;
      await page.waitForTimeout(100);
    }
    if (inked < 200) throw new Error(`the history chart's canvas has ${inked} drawn pixels`);
  };
  const myPageShows = async (person) => {
    await heading().filter({ hasText: `My page: ${person.name}` }).waitFor();
    const level = await page.getByTestId("level").textContent();
    if (!level.includes(person.level)) throw new Error(`the level reads "${level}", not ${person.level}`);
    await page.getByTestId("history-table").locator("tbody tr").first().waitFor();
    await chartIsDrawn();
    await page.getByTestId("pay").getByText("Total").waitFor();
  };

  expectedRefusals.add("GET /api/session 401");
  await check("the sign-in page opens", async () => {
    await page.goto(baseUrl);
    await heading().filter({ hasText: "Sign in to Yardstick" }).waitFor();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    if (focused !== "Skip to content") throw new Error(`the first Tab focuses "${focused}", not the skip link`);
  });
  await shot("signin");

  expectedRefusals.add("POST /api/session 401");
  await check("a wrong password shows the API's error", async () => {
    await signIn(employee.id, "wrong-password-for-sure");
    const error = page.getByTestId("signin-error");
    await error.waitFor();
    if (!(await error.textContent()).trim()) throw new Error("the error is empty");
  });
  await shot("wrong-password");

  // The employee: their page, no People navigation, and not their manager's page or pay.
  await check("the employee signs in to their page", async () => {
    await signIn(employee.id, PASSWORD.employee);
    await myPageShows(employee);
    await page.getByTestId("signed-in-as").getByText(employee.name).waitFor();
    if (await page.getByTestId("nav-people").count()) throw new Error("the employee is shown the People navigation");
  });
  await shot("employee-my-page");
  if (viewport === VIEWPORTS[0]) {
    expectedRefusals.add("PUT /api/session/password 403");
    await check("the change-password dialog sends the CSRF token and shows a wrong old password", async () => {
      await page.getByRole("button", { name: "Change password" }).click();
      const dialog = page.getByRole("dialog", { name: "Change password" });
      await dialog.getByLabel("Current password").fill("not-my-current-password");
      await dialog.getByLabel("New password (at least 12 characters)").fill("a-brand-new-password");
      await dialog.getByLabel("New password again").fill("a-brand-new-password");
      await dialog.getByRole("button", { name: "Change password" }).click();
      await dialog.getByText("The current password is wrong.").waitFor();
      await shot("employee-password-dialog");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
    });
  }
  await check("the employee sees their next level's criteria and compares it with their own", async () => {
    const next = page.getByTestId("next-level");
    await next.locator("li").first().waitFor();
    await next.getByRole("link", { name: /^Compare / }).click();
    const table = page.getByTestId("level-comparison");
    await table.waitFor();
    const columns = await table.locator("thead th").count();
    if (columns !== 3) throw new Error(`the comparison has ${columns - 1} level columns, not 2`);
    const header = await table.locator("thead").textContent();
    if (!header.includes(employee.level)) throw new Error(`the comparison's columns are "${header}", without ${employee.level}`);
    if (!page.url().includes(`compare=${employee.level}`)) throw new Error(`the address ${page.url()} does not keep the comparison`);
    await page.getByTestId("next-level-change").locator("li").first().waitFor();
  });
  await shot("employee-ladder-compare");
  await check("a third level joins the comparison from its checkbox", async () => {
    const boxes = page.locator("fieldset.chips input[type=checkbox]:not(:checked)");
    await boxes.first().check();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=level-comparison] thead th").length === 4);
  });
  expectedRefusals.add(`GET /api/people/${manager.id} 404`);
  await check("the employee may not see their manager's page or pay", async () => {
    await page.goto(`${baseUrl}#/people/${manager.id}`);
    await page.getByText("not found or not yours to see").waitFor();
    if (await page.getByTestId("pay").count()) throw new Error("a pay section is shown");
    const status = await page.evaluate(async (id) => (await fetch(`/api/pay/people/${id}`)).status, manager.id);
    if (status !== 403 && status !== 404) throw new Error(`GET /api/pay/people/${manager.id} answered ${status}`);
  });
  expectedRefusals.add(`GET /api/pay/people/${manager.id} 403`);
  expectedRefusals.add(`GET /api/pay/people/${manager.id} 404`);
  await shot("employee-manager-not-visible");
  await check("signing out returns to the sign-in page", signOut);
  await shot("employee-signed-out");

  // The manager (signing in with their email in capitals): their report in the people list, the
  // report's page and pay, and the team tree.
  await check("the manager signs in with their email in any case", async () => {
    await signIn(managerEmail.toUpperCase(), PASSWORD.manager);
    await myPageShows(manager);
  });
  await shot("manager-my-page");
  await check("the manager sees their report in the people list", async () => {
    await page.getByTestId("nav-people").click();
    await heading().filter({ hasText: "People" }).waitFor();
    await page.getByTestId("people-table").getByRole("link", { name: employee.name, exact: true }).waitFor();
  });
  await shot("manager-people");
  await check("the manager opens their report's page", async () => {
    await page.getByTestId("people-table").getByRole("link", { name: employee.name, exact: true }).click();
    await heading().filter({ hasText: employee.name }).waitFor();
    const level = await page.getByTestId("level").textContent();
    if (!level.includes(employee.level)) throw new Error(`the level reads "${level}"`);
    await chartIsDrawn();
    await page.getByTestId("pay").getByText("Total").waitFor();
  });
  await shot("manager-report-page");
  await check("the manager's team tree lists the report", async () => {
    await page.goto(`${baseUrl}#/org/${manager.id}`);
    await page.getByTestId("org-tree").getByRole("link", { name: employee.name, exact: true }).waitFor();
  });
  await shot("manager-team-tree");
  await check("the manager signs out", signOut);

  // The people team: everyone in the list, filtered by text.
  await check("the people team member signs in", async () => {
    await signIn(peopleTeamId, PASSWORD.peopleTeam);
    await myPageShows(peopleTeam);
  });
  await shot("people-team-my-page");
  await check("the people team sees everyone and filters by name", async () => {
    await page.getByTestId("nav-people").click();
    const rows = page.getByTestId("people-table").locator("tbody tr");
    await rows.nth(people.length - 1).waitFor();
    await page.getByLabel("Name or ID").fill(employee.name);
    await page.getByTestId("people-table").getByRole("link", { name: employee.name, exact: true }).waitFor();
    const count = await rows.count();
    if (count < 1 || count >= people.length) throw new Error(`the filter leaves ${count} rows`);
  });
  await shot("people-team-people-filtered");
  await check("the people team filters by group and level", async () => {
    await page.getByLabel("Name or ID").fill("");
    await page.getByLabel("Group").selectOption(employee.group);
    await page.getByLabel("Level").selectOption(employee.level);
    const table = page.getByTestId("people-table");
    await table.getByRole("link", { name: employee.name, exact: true }).waitFor();
    await page.waitForFunction(
      (level) => [...document.querySelectorAll("[data-testid=people-table] tbody tr td:nth-child(5)")].every((cell) => cell.textContent === level),
      employee.level,
    );
  });
  await shot("people-team-people-by-level");
  await check("the people team member signs out", signOut);
  await shot("signed-out");

  // Throttling, once (it lasts 15 minutes): after five wrong passwords for one login, sign-ins
  // for it are refused with 429 and the page says when to try again.
  if (viewport === VIEWPORTS[0]) {
    expectedRefusals.add("POST /api/session 429");
    await check("after five failed sign-ins the page says when to try again", async () => {
      const error = page.getByTestId("signin-error");
      let status = 0;
      for (let attempt = 1; attempt <= 8 && status !== 429; attempt += 1) {
        const answered = page.waitForResponse((response) => response.url().endsWith("/api/session") && response.request().method() === "POST");
        await signIn("nobody-at-all@example.com", `wrong-password-number-${attempt}`);
        status = (await answered).status();
      }
      if (status !== 429) throw new Error(`sign-in was not throttled (the last answer was ${status})`);
      await error.getByText(/Try again in \d+ (seconds?|minutes) \(at /).waitFor();
    });
    await shot("throttled");
  }

  await context.close();
  const unexpected = refusals.filter((refusal) => !expectedRefusals.has(refusal));
  expect(`[${viewport.name}] no refused request the app did not expect`, unexpected.length === 0, unexpected.join("; "));
  expect(`[${viewport.name}] no console or page errors`, problems.length === 0, problems.join("; "));
}

try {
  for (const viewport of VIEWPORTS) await runAt(viewport);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  const exit = await Promise.race([serverExit, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]);
  expect("the server stops on SIGTERM and exits 0", exit?.code === 0, JSON.stringify(exit));
  if (!exit) server.kill("SIGKILL");
  serverLog.end();
  rmSync(work, { recursive: true, force: true });
}
console.log(`screenshots in ${artefactDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
