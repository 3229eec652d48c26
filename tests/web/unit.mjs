// The web app's pure helpers, tested without a browser: bundles tests/web/unit.test.ts (which
// imports web/src modules) with esbuild, from web/node_modules, and runs it with node's test
// runner. `npm test --prefix web` runs it.
//
// Usage: node tests/web/unit.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, "..", "..", "web");
const esbuild = createRequire(path.join(web, "package.json"))("esbuild");
const out = mkdtempSync(path.join(tmpdir(), "yardstick-web-unit-"));
try {
  await esbuild.build({
    entryPoints: [path.join(here, "unit.test.ts")],
    outfile: path.join(out, "unit.test.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    nodePaths: [path.join(web, "node_modules")],
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "warning",
  });
  const result = spawnSync(process.execPath, ["--test", path.join(out, "unit.test.mjs")], { stdio: "inherit" });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
