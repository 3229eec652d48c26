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
      grade: tail[2],
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

// The review cycle's cast: the manager rates and ranks their reports in the browser; an
// executive (not the people team, so approving is someone else's act) approves an exception.
const reports = people.filter((person) => person.manager === manager.id);
const executive = people.find(
  (person) => managers.has(person.id) && person.id !== manager.id && person.id !== peopleTeamId && person.group === employee.group,
);
if (!executive || reports.length < 2) fail("the demo organisation has no second manager or the manager has fewer than two reports");
if (!roles.some((fields) => fields[0] === executive.id && fields[1] === "executive")) {
  run(["role", "grant", executive.id, "executive", "--as", peopleTeamId]);
}
PASSWORD.executive = "executive-password-4444";
run(["user", "add", executive.id, "--password-stdin", "--as", peopleTeamId], `${PASSWORD.executive}\n`);
// A script's token for the manager: it changes a rating behind the browser's back (stale version).
const managerToken = /token \(shown once\): (\S+)/.exec(run(["token", "create", "--name", "e2e-stale-rating", "--as", manager.id]))?.[1];
if (!managerToken) fail("`token create` printed no token");
console.log(`executive ${executive.id}, ${reports.length} reports of the manager`);

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

/** A browser page at one viewport with what every run needs: problems and refused requests
 * collected, a screenshot per step (`prefix-NN-name.png`), checks that count and go on, signing in
 * and out. */
async function harness(viewport, prefix = viewport.name) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, acceptDownloads: true });
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
    if (/^Failed to load resource: the server responded with a status of (400|401|403|404|409|429)/.test(message.text())) return;
    // chartIsDrawn reads the charts' pixels back, several times: Chromium's advice about that is
    // about this test, not the app.
    if (/^Canvas2D: Multiple readback operations using getImageData/.test(message.text())) return;
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
    const file = path.join(artefactDir, `${prefix}-${String(step).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
  };
  const check = async (name, action) => {
    try {
      await action();
      passed += 1;
    } catch (error) {
      failed += 1;
      console.log(`FAILED [${prefix}]: ${name}: ${String(error.message).split("\n")[0]}`);
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
  const chartIsDrawn = async (testId = "history-chart") => {
    const canvas = page.locator(`canvas[data-testid=${testId}]`);
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
    if (inked < 200) throw new Error(`the ${testId} canvas has ${inked} drawn pixels`);
  };
  const myPageShows = async (person) => {
    await heading().filter({ hasText: `My page: ${person.name}` }).waitFor();
    const level = await page.getByTestId("level").textContent();
    if (!level.includes(person.level)) throw new Error(`the level reads "${level}", not ${person.level}`);
    await page.getByTestId("history-table").locator("tbody tr").first().waitFor();
    await chartIsDrawn();
    await page.getByTestId("pay").getByText("Total").waitFor();
  };
  /** Closes the page and counts the refused requests it did not expect and its console errors. */
  const finish = async () => {
    await context.close();
    const unexpected = refusals.filter((refusal) => !expectedRefusals.has(refusal));
    expect(`[${prefix}] no refused request the app did not expect`, unexpected.length === 0, unexpected.join("; "));
    expect(`[${prefix}] no console or page errors`, problems.length === 0, problems.join("; "));
  };
  return { context, page, expectedRefusals, shot, check, heading, signIn, signOut, chartIsDrawn, myPageShows, finish };
}

/** One viewport's run: every check of the three people, with a screenshot per step. */
async function runAt(viewport) {
  const { page, expectedRefusals, shot, check, heading, signIn, signOut, chartIsDrawn, myPageShows, finish } = await harness(viewport);

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
    await page.getByTestId("positions").locator("tbody tr").first().waitFor();
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
        // The answer reaches the test before the page has handled it: wait until the page has
        // shown the refusal and cleared the password, or the next fill races with that clearing
        // and the form refuses to submit an empty password.
        await error.waitFor();
        await page.waitForFunction(() => {
          const password = document.querySelector("input[name=password]");
          const button = document.querySelector("form button[type=submit]");
          return password !== null && password.value === "" && button !== null && !button.disabled;
        });
      }
      if (status !== 429) throw new Error(`sign-in was not throttled (the last answer was ${status})`);
      await error.getByText(/Try again in \d+ (seconds?|minutes) \(at /).waitFor();
    });
    await shot("throttled");
  }

  await finish();
}

// ---- The review cycle, end to end ------------------------------------------------------------

const CYCLE_NAME = "Web cycle 2026-H2";

/** A scratch CSV of the ratings the manager does not give in the browser: everyone else in the
 * employee's group by their manager, and the other raters' benchmark ratings, near the grade
 * held (a few above and below, so the slate has something to propose). */
function ratingsForTheRest(benchmarks) {
  const rows = ["person_id,rater_id,grade"];
  const offsets = [0, 1, 0, -1, 0, 2, 0, 0];
  const near = (person, index) => {
    const held = person.grade.charCodeAt(0) - 65;
    return String.fromCharCode(65 + Math.min(14, Math.max(0, held + offsets[index % offsets.length])));
  };
  people
    .filter((person) => person.group === employee.group && person.manager && person.manager !== manager.id)
    .forEach((person, index) => rows.push(`${person.id},${person.manager},${near(person, index)}`));
  benchmarks
    .filter((assignment) => assignment.rater_id !== manager.id)
    .forEach((assignment, index) => {
      const person = people.find((candidate) => candidate.id === assignment.person_id);
      rows.push(`${assignment.person_id},${assignment.rater_id},${near(person, index + 1)}`);
    });
  const file = path.join(work, "ratings.csv");
  writeFileSync(file, `${rows.join("\n")}\n`);
  return file;
}

/** The people team opens a cycle in the browser; the manager rates and ranks their team; the
 * rest of the ratings come from the CLI; the people team calibrates, decides and reviews the
 * slate with an exception; an executive approves it; the people team applies, closes and
 * downloads the payroll; the employee sees their result. Laptop screenshots of every step,
 * phone screenshots of the main pages. */
async function cycleWalk() {
  const laptop = VIEWPORTS[0];
  const phone = VIEWPORTS[1];
  const { page, expectedRefusals, shot, check: countedCheck, heading, signIn, signOut, chartIsDrawn, finish } = await harness(laptop, "cycle");
  // Each step needs the one before: after a failure the rest are skipped, not failed again.
  let broken = false;
  let stage = "";
  /** Names the part of a long step under way, so a failure says where it stopped. */
  const at = (name) => {
    stage = name;
  };
  const check = async (name, action) => {
    if (broken) return console.log(`skipped: ${name}`);
    const before = failed;
    stage = "";
    await countedCheck(name, async () => {
      try {
        await action();
      } catch (error) {
        if (stage) error.message = `at "${stage}": ${error.message}`;
        throw error;
      }
    });
    broken = failed > before;
  };
  const both = async (name) => {
    if (broken) return;
    await shot(name);
    await page.setViewportSize({ width: phone.width, height: phone.height });
    await page.waitForTimeout(250); // the charts redraw at the new size
    await shot(`${name}-phone`);
    await page.setViewportSize({ width: laptop.width, height: laptop.height });
    await page.waitForTimeout(250);
  };
  const badge = () => page.locator(".subtitle [data-testid=cycle-state]");
  const stateIs = async (state) => {
    await page.waitForFunction((wanted) => document.querySelector(".subtitle [data-testid=cycle-state]")?.textContent === wanted, state);
  };
  /** Waits for `done` (a locator), failing at once with the API's refusal when one is shown. */
  const doneOrRefused = async (done, within = page) => {
    const error = within.getByTestId("action-error");
    await Promise.race([
      done.waitFor(),
      error.waitFor().then(async () => {
        throw new Error(`the API refused: ${await error.first().textContent()}`);
      }),
    ]);
  };
  const actionDone = (pattern) => doneOrRefused(page.getByTestId("action-done").filter({ hasText: pattern }));
  const tab = (name) => page.getByRole("navigation", { name: "This cycle" }).getByRole("link", { name, exact: true });
  let cycleId = null;

  expectedRefusals.add("GET /api/session 401");
  await page.goto(baseUrl);
  await check("the people team opens a cycle in the browser", async () => {
    await signIn(peopleTeamId, PASSWORD.peopleTeam);
    await heading().filter({ hasText: "My page" }).waitFor();
    await page.getByTestId("nav-cycles").click();
    await heading().filter({ hasText: "Review cycles" }).waitFor();
    await page.getByText("No review cycle yet.").waitFor();
    const framework = await page.evaluate(async (group) => {
      const list = await (await fetch("/api/frameworks")).json();
      return list.frameworks.find((entry) => entry.groups.some((candidate) => candidate.id === group))?.id;
    }, employee.group);
    if (!framework) throw new Error(`no framework lists the group ${employee.group}`);
    await page.getByLabel("Name").fill(CYCLE_NAME);
    await page.getByLabel("Ladder").selectOption(framework);
    await page.getByLabel("Period").fill("2026-H2");
    await page.getByRole("button", { name: "Open the cycle" }).click();
    await heading().filter({ hasText: CYCLE_NAME }).waitFor();
    await stateIs("open");
    cycleId = decodeURIComponent(/#\/cycles\/([^/?]+)/.exec(page.url())?.[1] ?? "");
    if (!cycleId) throw new Error(`the address ${page.url()} names no cycle`);
  });
  await both("pt-cycle-opened");
  // Benchmark people: rated across teams too, so calibration can compare the raters' leniency.
  let benchmarks = [];
  let rated = reports; // whom the manager rates: their reports, then benchmark people
  await check("the people team assigns the suggested benchmark people", async () => {
    await page.getByRole("button", { name: "Assign suggested benchmarks" }).click();
    await actionDone(/^\d+ benchmark ratings? assigned/);
    benchmarks = (await page.evaluate(async (id) => (await fetch(`/api/cycles/${encodeURIComponent(id)}/benchmarks`)).json(), cycleId)).assignments;
    if (benchmarks.length === 0) throw new Error("no benchmark person was assigned");
    const mine = benchmarks.filter((assignment) => assignment.rater_id === manager.id);
    rated = [...reports, ...mine.map((assignment) => people.find((person) => person.id === assignment.person_id))];
  });
  await check("the people team starts rating", async () => {
    await page.getByRole("button", { name: "Start rating" }).click();
    await stateIs("rating");
    await page.getByTestId("cycle-progress").getByText(/^0 of \d+ people rated$/).waitFor();
  });
  await check("the cycle is listed as rating", async () => {
    await page.getByTestId("nav-cycles").click();
    const row = page.getByTestId("cycle-table").locator("tr", { hasText: CYCLE_NAME });
    await row.getByText("rating").waitFor();
  });
  await both("pt-cycles-list");
  await check("the people team signs out", signOut);

  // The manager rates each report: a grade on the scale, evidence, a criterion ticked.
  const promoted = reports.find((report) => report.id !== employee.id) ?? reports[0];
  const gradeFor = (person) => String.fromCharCode(person.grade.charCodeAt(0) + (person.id === promoted.id ? 2 : 0));
  await check("the manager finds their team's page from the cycle", async () => {
    await signIn(manager.id, PASSWORD.manager);
    await heading().filter({ hasText: "My page" }).waitFor();
    await page.getByTestId("nav-cycles").click();
    await page.getByRole("link", { name: CYCLE_NAME }).click();
    await page.getByText(`You rate ${rated.length} people in this cycle.`).waitFor();
    await page.getByRole("link", { name: "Rate and rank them" }).click();
    await heading().filter({ hasText: `Rate and rank: ${CYCLE_NAME}` }).waitFor();
    const benchmarkNote = rated.length > reports.length ? ` · ${rated.length - reports.length} benchmark` : "";
    await page.getByTestId("team-progress").getByText(`0 of ${rated.length} rated · not ranked yet${benchmarkNote}`).waitFor();
  });
  await shot("manager-team-empty");
  for (const report of rated) {
    await check(`the manager rates ${report.id} in the browser${reports.includes(report) ? "" : " (a benchmark person)"}`, async () => {
      const card = page.getByTestId(`rating-${report.id}`);
      const grade = gradeFor(report);
      await card.getByRole("radio", { name: new RegExp(`^Grade ${grade}(,|$)`) }).check();
      await card.getByRole("textbox", { name: "Evidence" }).fill(`Shipped the ${report.name.split(" ")[0]} project this half.`);
      await card.locator("details.checklist summary").click();
      await card.locator("details.checklist input[type=checkbox]").first().check();
      await card.getByRole("button", { name: /^Save / }).click();
      await card.getByText(`Saved: grade ${grade}.`).waitFor();
    });
  }
  await check("the team page counts every report rated", async () => {
    await page.getByTestId("team-progress").getByText(`${rated.length} of ${rated.length} rated`).waitFor();
  });
  await both("manager-team-rated");

  // Someone (a script with the manager's token) changes a rating behind the page's back: saving
  // from the page is refused as stale, shows the other value, and is overwritten on purpose.
  const stale = reports[0];
  expectedRefusals.add(`PUT /api/cycles/${cycleId}/ratings/${stale.id} 409`);
  await check("a stale rating shows the other value and is overwritten deliberately", async () => {
    const auth = { Authorization: `Bearer ${managerToken}`, "Content-Type": "application/json" };
    const team = await (await fetch(new URL(`api/cycles/${cycleId}/team`, baseUrl), { headers: auth })).json();
    const current = team.people.find((member) => member.id === stale.id)?.rating;
    if (!current) throw new Error(`the API has no rating of ${stale.id}`);
    const changed = await fetch(new URL(`api/cycles/${cycleId}/ratings/${stale.id}`, baseUrl), {
      method: "PUT",
      headers: auth,
      body: JSON.stringify({ grade: current.grade, evidence: "Changed by a script", criteria: [], version: current.version }),
    });
    if (changed.status !== 200) throw new Error(`the script's change answered ${changed.status}`);
    const card = page.getByTestId(`rating-${stale.id}`);
    await card.getByRole("textbox", { name: "Evidence" }).fill("Led the migration; changed in the browser");
    await card.getByRole("button", { name: /^Save / }).click();
    const conflict = card.getByTestId("stale-version");
    await conflict.getByText("Changed by a script").waitFor();
    await shot("manager-stale-rating");
    await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
    await card.getByText(/^Saved: grade /).waitFor();
  });

  // The stack rank: a drag, then the keyboard (focus stays on the moved row's button).
  const order = () => page.locator("[data-testid=stack-rank] li").evaluateAll((rows) => rows.map((row) => row.dataset.person));
  let ranked = [];
  await check("the manager drags the last of the stack rank to the top", async () => {
    const rows = page.locator("[data-testid=stack-rank] li");
    const before = await order();
    await rows.nth(before.length - 1).dragTo(rows.nth(0));
    const after = await order();
    if (after[0] !== before[before.length - 1]) throw new Error(`after the drag the order is ${after.join(", ")} (was ${before.join(", ")})`);
  });
  await check("the manager moves someone down twice with the keyboard", async () => {
    const before = await order();
    const mover = reports.find((report) => report.id === before[0]);
    const button = page.getByRole("button", { name: `Move ${mover.name} down` });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.querySelectorAll("[data-testid=stack-rank] li")[1]?.dataset.person === id, mover.id);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    if (focused !== `Move ${mover.name} down`) throw new Error(`after the move the focus is on "${focused}"`);
    await page.keyboard.press("Space");
    await page.waitForFunction((id) => document.querySelectorAll("[data-testid=stack-rank] li")[2]?.dataset.person === id, mover.id);
    await page.getByText(`${mover.name} moved to position 3 of ${before.length}.`).waitFor({ state: "attached" });
  });
  await check("the manager saves the stack rank and it is kept", async () => {
    ranked = await order();
    await page.getByRole("button", { name: "Save the stack rank" }).click();
    await page.getByTestId("rank-status").getByText("Ranked.").waitFor();
    await page.reload();
    await page.getByTestId("team-progress").getByText(`${rated.length} of ${rated.length} rated · ranked`).waitFor();
    const kept = await order();
    if (kept.join(",") !== ranked.join(",")) throw new Error(`after a reload the order is ${kept.join(", ")}, not ${ranked.join(", ")}`);
  });
  await both("manager-team-ranked");
  await check("the manager signs out", signOut);

  await check("the rest of the ratings come from the CLI", async () => {
    if (!cycleId) throw new Error("no cycle");
    run(["cycle", "ratings", cycleId, ratingsForTheRest(benchmarks), "--as", peopleTeamId]);
  });

  // The people team ends rating, calibrates, looks at the board, decides.
  await check("the people team ends rating (someone at the top is unrated) and calibrates", async () => {
    await signIn(peopleTeamId, PASSWORD.peopleTeam);
    await heading().filter({ hasText: "My page" }).waitFor();
    await page.goto(`${baseUrl}#/cycles/${encodeURIComponent(cycleId)}`);
    await stateIs("rating");
    const unrated = page.getByLabel(/End rating although some people are unrated/);
    if (await unrated.count()) await unrated.check();
    await shot("pt-end-rating");
    await page.getByRole("button", { name: "End rating and calibrate" }).click();
    await stateIs("calibrating");
    await page.getByRole("button", { name: "Run calibration" }).click();
    await actionDone(/^Calibrated \d+ people/);
  });
  await check("the calibration board draws its charts and tables", async () => {
    await tab("Calibration").click();
    await heading().filter({ hasText: `Calibration: ${CYCLE_NAME}` }).waitFor();
    await chartIsDrawn("distribution-chart");
    await chartIsDrawn("leniency-chart");
    const raters = await page.getByTestId("rater-table").locator("tbody tr").count();
    if (raters < 2) throw new Error(`the rater table has ${raters} rows`);
    const boxes = await page.getByTestId("nine-box").locator("td.box strong").allTextContents();
    const total = boxes.reduce((sum, text) => sum + Number(text), 0);
    const counted = /^(\d+) of (\d+) people/.exec(await page.getByTestId("board-count").textContent());
    if (!counted || Number(counted[1]) !== total) throw new Error(`the nine-box holds ${total} people, the board counts "${counted?.[0]}"`);
  });
  await both("pt-calibration-board");
  await check("the board filters by team", async () => {
    await page.getByLabel("Team (manager)").selectOption(manager.id);
    await page.getByTestId("board-count").getByText(new RegExp(`^${reports.length} of \\d+ people`)).waitFor();
    await chartIsDrawn("distribution-chart");
  });
  await shot("pt-calibration-board-one-team");
  await check("the people team decides and moves the cycle to decided", async () => {
    await tab("Overview").click();
    await page.getByRole("button", { name: "Decide", exact: true }).click();
    await actionDone(/^\d+ decisions proposed/);
    await page.getByRole("button", { name: "Move to decided" }).click();
    await stateIs("decided");
  });

  // The slate: one rejection with a note, an exception naming the executive, the rest accepted.
  let exceptionFor = null;
  await check("the people team reviews the slate: an exception, a rejection, accept all open", async () => {
    await tab("Slate").click();
    await heading().filter({ hasText: `Slate: ${CYCLE_NAME}` }).waitFor();
    const slate = await page.evaluate(async (id) => (await fetch(`/api/cycles/${encodeURIComponent(id)}/slate`)).json(), cycleId);
    at("counting the slate's rows");
    await page.getByTestId("slate-table").locator("tbody tr").nth(slate.decisions.length - 1).waitFor();
    const rows = await page.getByTestId("slate-table").locator("tbody tr").count();
    if (rows !== slate.decisions.length) throw new Error(`the table shows ${rows} of ${slate.decisions.length} decisions`);
    const noChange = slate.decisions.filter((decision) => decision.proposal === "no-change" && decision.status === "proposed");
    exceptionFor = noChange.find((decision) => reports.some((report) => report.id === decision.person_id) && decision.person_id !== employee.id) ?? noChange[0];
    const rejected = noChange.find((decision) => decision !== exceptionFor && decision.person_id !== employee.id);
    if (!exceptionFor || !rejected) throw new Error("the slate has too few no-change proposals to try an exception and a rejection");

    at("recording the exception");
    const form = page.getByTestId("exception-form");
    await form.getByRole("combobox", { name: /^Person\b/ }).selectOption(exceptionFor.person_id);
    await form.getByRole("combobox", { name: /^To grade\b/ }).selectOption({ index: 1 });
    await form.getByRole("textbox", { name: "Justification" }).fill("Covers the on-call lead role for the whole team");
    await form.getByLabel("Executive approver (name or ID)").fill(`${executive.name} (${executive.id})`);
    await form.getByRole("button", { name: "Record the exception" }).click();
    await doneOrRefused(form.getByTestId("exception-done"), form);

    at("rejecting one proposal");
    await page.getByRole("button", { name: `Reject ${rejected.name}'s proposal` }).click();
    await page.getByLabel(`Why reject ${rejected.name}'s proposal?`).fill("On leave for half the period");
    await page.getByRole("button", { name: "Reject", exact: true }).click();
    await doneOrRefused(page.getByTestId("review-done").getByText(/^1 rejected/));
    await page.locator(`tr[data-person="${rejected.person_id}"]`).getByText("On leave for half the period").waitFor();

    at("accepting every open proposal");
    await page.getByRole("button", { name: /^Accept all open/ }).click();
    await doneOrRefused(page.getByTestId("review-done").getByText(/accepted/));
    await page.locator(`tr[data-person="${exceptionFor.person_id}"]`).getByText(/awaits/).waitFor();
    await page.getByRole("button", { name: "Accept all open (0)" }).waitFor();
  });
  await both("pt-slate-reviewed");
  await check("the people team signs out", signOut);

  await check("the executive approves the exception", async () => {
    await signIn(executive.id, PASSWORD.executive);
    await heading().filter({ hasText: "My page" }).waitFor();
    await page.goto(`${baseUrl}#/cycles/${encodeURIComponent(cycleId)}/slate`);
    const queue = page.getByTestId("approval-queue");
    await queue.getByText(exceptionFor.name).waitFor();
    await shot("executive-approval-queue");
    await queue.getByRole("button", { name: `Approve ${exceptionFor.name}` }).click();
    await queue.getByText("Nothing awaits your approval.").waitFor();
  });
  await both("executive-approved");
  await check("the executive signs out", signOut);

  await check("the people team applies the slate and closes the cycle", async () => {
    await signIn(peopleTeamId, PASSWORD.peopleTeam);
    await heading().filter({ hasText: "My page" }).waitFor();
    await page.goto(`${baseUrl}#/cycles/${encodeURIComponent(cycleId)}`);
    await stateIs("decided");
    await page.getByRole("button", { name: "Apply accepted decisions" }).click();
    await actionDone(/^\d+ decisions applied/);
    await page.getByRole("button", { name: "Close the cycle" }).click();
    await stateIs("closed");
  });
  await shot("pt-cycle-closed");
  await check("the payroll shows its lines and total and downloads as CSV", async () => {
    await tab("Payroll").click();
    await heading().filter({ hasText: `Payroll: ${CYCLE_NAME}` }).waitFor();
    await page.getByTestId("payroll-total").waitFor();
    const lines = await page.getByTestId("payroll-table").locator("tbody tr").count();
    if (lines < 1) throw new Error("the payroll has no line");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("payroll-csv").click()]);
    const first = readFileSync(await download.path(), "utf8").split(/\r?\n/)[0];
    if (!first.startsWith("person_id,name,email,group,grade_held,performed,bonus")) throw new Error(`the CSV's first line is "${first}"`);
  });
  await both("pt-payroll");

  // People import: a file with a problem is refused line and column; fixed, its dry run shows
  // the newcomer, and applying it adds them.
  expectedRefusals.add("POST /api/people/import 400");
  await check("the people team imports a newcomer: the problem, the dry run, then apply", async () => {
    await page.getByRole("link", { name: "Import people" }).click();
    await heading().filter({ hasText: "Import people" }).waitFor();
    const file = (grade) => `id,name,email,group,track,grade,hire_date\nE000901,Nia Newhire,nia.newhire@example.com,${employee.group},ic,${grade},2026-11-01\n`;
    const pasted = page.getByRole("textbox", { name: /^Or paste it/ });
    await page.getByLabel("Partial file: people missing from it have not left").check();
    await pasted.fill(file("Z"));
    await page.getByRole("button", { name: "Dry run" }).click();
    await page.getByTestId("import-problems").getByText(/^line 2, column 6: grade 'Z'/).waitFor();
    await shot("pt-import-problem");
    if (await page.getByRole("button", { name: "Apply" }).isEnabled()) throw new Error("a file with problems may be applied");
    await pasted.fill(file("G"));
    await page.getByRole("button", { name: "Dry run" }).click();
    await page.getByTestId("import-diff").getByText("Dry run: nothing changed yet").waitFor();
    await page.getByTestId("import-diff").getByText("Nia Newhire (E000901), grade G").waitFor();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByTestId("import-diff").getByRole("heading", { name: "Applied" }).waitFor();
  });
  await both("pt-import-applied");
  await check("the people team signs out", signOut);

  await check("the employee sees their own result of the closed cycle", async () => {
    await signIn(employee.id, PASSWORD.employee);
    await heading().filter({ hasText: "My page" }).waitFor();
    await page.getByTestId("my-cycles").getByRole("link", { name: CYCLE_NAME }).click();
    await stateIs("closed");
    const outcome = page.getByTestId("person-outcome");
    await outcome.getByTestId("outcome-decision").waitFor();
    const performed = await outcome.getByTestId("outcome-performed").textContent();
    if (performed === "not calibrated") throw new Error("the employee's result says not calibrated");
    await outcome.getByText(/Grade [A-Z] by /).waitFor();
  });
  await both("employee-cycle-result");
  await finish();
}

try {
  for (const viewport of VIEWPORTS) await runAt(viewport);
  await cycleWalk();
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
