#include "ladder/site_assets.h"

namespace yardstick::ladder {
namespace {

constexpr std::string_view kStylesheet =
    R"css(/* Yardstick ladder site. Generated; edit the framework, not this file. */
:root {
  --ink: #1c2230;
  --muted: #5a6374;
  --faint: #8a92a1;
  --line: #e2e5eb;
  --bg: #f6f7f9;
  --surface: #ffffff;
  --accent: #25598f;
  --accent-ink: #1b4470;
  --accent-soft: #e9f0f8;
  --shared-soft: #f1edf8;
  --shared-ink: #553a85;
  --new: #1d7149;
  --new-soft: #e5f3eb;
  --guide-soft: #fbf7ec;
  --guide-line: #eadfbf;
  --radius: 10px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
}

*, *::before, *::after { box-sizing: border-box; }

html { -webkit-text-size-adjust: 100%; }

body {
  margin: 0;
  background: var(--bg);
  color: var(--ink);
  font-family: var(--font);
  font-size: 16px;
  line-height: 1.6;
}

.wrap { max-width: 68rem; margin: 0 auto; padding: 0 1.5rem; }

a { color: var(--accent); text-decoration: none; }
a:hover { color: var(--accent-ink); text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }

h1, h2, h3, h4 { line-height: 1.25; margin: 0 0 0.5rem; letter-spacing: -0.01em; }
h1 { font-size: 2.1rem; font-weight: 700; }
h2 { font-size: 1.4rem; font-weight: 650; }
h3 { font-size: 1.05rem; font-weight: 650; }
h4 { font-size: 0.95rem; font-weight: 650; }
p { margin: 0 0 0.75rem; }
code { font-family: var(--mono); font-size: 0.9em; }

.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--surface); padding: 0.5rem 1rem; z-index: 10; }

/* Header and navigation */
.site-header {
  background: var(--surface);
  border-bottom: 1px solid var(--line);
}
.site-header .wrap {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25rem 2rem;
  padding-top: 0.9rem;
  padding-bottom: 0.9rem;
}
.brand { font-weight: 700; color: var(--ink); font-size: 1.05rem; }
.brand:hover { color: var(--ink); text-decoration: none; }
.site-header nav ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem;
  list-style: none;
  margin: 0;
  padding: 0;
}
.site-header nav a {
  display: block;
  padding: 0.3rem 0.7rem;
  border-radius: 999px;
  color: var(--muted);
  font-size: 0.93rem;
}
.site-header nav a:hover { background: var(--bg); color: var(--ink); text-decoration: none; }
.site-header nav a[aria-current="page"] { background: var(--accent-soft); color: var(--accent-ink); font-weight: 600; }

main.wrap { padding-top: 2.5rem; padding-bottom: 3rem; }

.site-footer {
  border-top: 1px solid var(--line);
  color: var(--faint);
  font-size: 0.85rem;
  padding: 1.5rem 0 2.5rem;
}

/* Page heads and blocks */
.page-head { margin-bottom: 2rem; max-width: 48rem; }
.eyebrow {
  margin: 0 0 0.25rem;
  color: var(--faint);
  font-size: 0.8rem;
  font-weight: 600;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.lead { font-size: 1.15rem; color: var(--muted); }
.note { color: var(--muted); font-size: 0.88rem; margin: 0.15rem 0 0; font-weight: 400; }
.block { margin: 0 0 2.75rem; }
.block > p { max-width: 48rem; color: var(--muted); }
.plain { list-style: none; margin: 0; padding: 0; }
.plain li + li { margin-top: 0.35rem; }

/* Grade scale */
.scale {
  display: flex;
  flex-wrap: wrap;
  gap: 0.4rem;
  list-style: none;
  margin: 1rem 0 0;
  padding: 0;
}
.scale li {
  min-width: 2.4rem;
  padding: 0.35rem 0.6rem;
  text-align: center;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: 8px;
  font-weight: 600;
  font-variant-numeric: tabular-nums;
}

/* Cards */
.cards {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
  gap: 1rem;
  list-style: none;
  margin: 0;
  padding: 0;
}
.cards li {
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: var(--radius);
  padding: 1rem 1.2rem;
}
.cards a { font-weight: 650; font-size: 1.05rem; }
.cards p { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.93rem; }

/* Tables */
.table-wrap {
  overflow-x: auto;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: var(--radius);
}
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.65rem 0.9rem; border-bottom: 1px solid var(--line); }
thead th {
  background: #fafbfc;
  color: var(--muted);
  font-size: 0.78rem;
  font-weight: 650;
  letter-spacing: 0.05em;
  text-transform: uppercase;
  white-space: nowrap;
}
tbody tr:last-child > * { border-bottom: none; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.level-chips { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; margin: 0; padding: 0; }
.level-chips li {
  padding: 0.1rem 0.55rem 0.1rem 0.2rem;
  border: 1px solid var(--line);
  border-radius: 8px;
  white-space: nowrap;
  font-size: 0.9rem;
}
.level-chips li.shared, .shared-key { background: var(--shared-soft); border-color: #e2d9f1; }
.shared-key { padding: 0 0.35rem; border-radius: 4px; color: var(--shared-ink); }
.level-chips a { color: var(--ink); }
.level-chips .lid { background: transparent; }
.grades { color: var(--faint); font-size: 0.82rem; margin-left: 0.15rem; }
table.tracks tbody th { width: 26%; }
table.tracks td:last-child { width: 30%; }

/* Level ids */
.lid {
  display: inline-block;
  padding: 0.05rem 0.45rem;
  margin-right: 0.15rem;
  border-radius: 6px;
  background: var(--accent-soft);
  color: var(--accent-ink);
  font-size: 0.85em;
  font-weight: 700;
  font-variant-numeric: tabular-nums;
}

/* Level table of contents */
.level-toc {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  list-style: none;
  margin: 0 0 2rem;
  padding: 0;
  counter-reset: none;
}
.level-toc a {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  padding: 0.4rem 0.75rem;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: 999px;
  color: var(--ink);
  font-size: 0.93rem;
}
.level-toc a:hover { border-color: var(--accent); text-decoration: none; }
.level-toc li.shared a { background: var(--shared-soft); border-color: #e2d9f1; }
.toc-band { color: var(--faint); font-size: 0.85rem; }

/* A level */
.level {
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: var(--radius);
  padding: 1.75rem 2rem;
  margin: 0 0 1.5rem;
  scroll-margin-top: 1rem;
}
.level-head {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  justify-content: space-between;
  gap: 0.5rem 1rem;
  margin-bottom: 0.75rem;
}
.level-head h2 { margin: 0; font-size: 1.5rem; }
.level-meta { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.band, .tag {
  display: inline-block;
  padding: 0.15rem 0.6rem;
  border-radius: 999px;
  font-size: 0.82rem;
  font-weight: 600;
  white-space: nowrap;
}
.band { background: var(--bg); color: var(--muted); border: 1px solid var(--line); }
.tag { background: var(--shared-soft); color: var(--shared-ink); }
.summary { font-size: 1.12rem; max-width: 46rem; }
.description { color: var(--muted); max-width: 46rem; }

.guides {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0.4rem 1.5rem;
  margin: 1rem 0 1.25rem;
  padding: 0.6rem 1rem;
  background: var(--guide-soft);
  border: 1px dashed var(--guide-line);
  border-radius: 8px;
  font-size: 0.9rem;
}
.guides-label {
  margin: 0;
  color: #8a6d1f;
  font-size: 0.74rem;
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
}
.guides dl { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0; }
.guides dl div { display: flex; gap: 0.4rem; }
.guides dt { color: var(--muted); }
.guides dd { margin: 0; font-weight: 600; }

.criteria { margin-top: 1.25rem; }
.criteria-title {
  color: var(--faint);
  font-size: 0.78rem;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  margin-bottom: 0.5rem;
}
.inherits { color: var(--muted); font-size: 0.93rem; }
.areas {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
  gap: 1.25rem 2.5rem;
}
.area h3, .area h4 {
  padding-bottom: 0.35rem;
  border-bottom: 2px solid var(--accent-soft);
  font-size: 0.98rem;
}
.none { color: var(--faint); font-size: 0.9rem; font-style: italic; }

.criteria-list { margin: 0; padding: 0 0 0 1.1rem; }
.criteria-list li { padding: 0.25rem 0 0.25rem 0.2rem; }
.criteria-list li::marker { color: var(--accent); }
.criteria-list.inherited li { color: var(--muted); font-size: 0.92rem; }
.criteria-list.inherited li::marker { color: var(--faint); }
.criteria-list.new li::marker { color: var(--new); }
.from {
  display: inline-block;
  margin-right: 0.4rem;
  padding: 0 0.35rem;
  border-radius: 4px;
  background: var(--bg);
  border: 1px solid var(--line);
  color: var(--muted);
  font-size: 0.78rem;
  font-weight: 600;
}
.weight {
  margin-left: 0.4rem;
  color: var(--faint);
  font-size: 0.8rem;
  font-weight: 600;
  white-space: nowrap;
}

details.inherited { margin-top: 1rem; padding-top: 0.5rem; border-top: 1px dashed var(--line); }
details.inherited[open] summary { margin-bottom: 0.75rem; }
details.inherited .area h4 { color: var(--muted); font-size: 0.9rem; border-bottom-color: var(--line); }
details.inherited summary {
  cursor: pointer;
  color: var(--muted);
  font-size: 0.88rem;
  padding: 0.2rem 0;
}
details.inherited summary:hover { color: var(--accent); }

.facts {
  display: grid;
  grid-template-columns: 13rem minmax(0, 1fr);
  gap: 0.35rem 1.25rem;
  margin: 1.5rem 0 0;
  padding-top: 1rem;
  border-top: 1px solid var(--line);
  font-size: 0.93rem;
}
.facts > div { display: contents; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }

/* Compare */
.jump { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 1rem 0 0; }
.jump a {
  display: inline-block;
  padding: 0.3rem 0.8rem;
  border: 1px solid var(--line);
  border-radius: 999px;
  background: var(--surface);
  font-size: 0.93rem;
}
.track-title { margin: 2.5rem 0 1rem; font-size: 1.6rem; scroll-margin-top: 1rem; }
.track-title a { color: var(--ink); }
.change {
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: var(--radius);
  padding: 1.5rem 2rem;
  margin: 0 0 1.25rem;
}
.change > h3 { font-size: 1.25rem; margin-bottom: 1rem; }
.change > h3 a { color: var(--ink); }
.shared-steps { background: transparent; border-style: dashed; padding: 1.1rem 1.5rem; }
.shared-steps p { color: var(--muted); margin-bottom: 0.6rem; }
.step-links { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; }
.step-links a {
  display: inline-block;
  padding: 0.2rem 0.7rem;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: 999px;
  font-size: 0.9rem;
  white-space: nowrap;
}
.arrow { color: var(--faint); font-weight: 400; padding: 0 0.2rem; }
.deltas {
  display: grid;
  grid-template-columns: 10rem minmax(0, 1fr);
  gap: 0.5rem 1.25rem;
  margin: 0 0 1.25rem;
  font-size: 0.95rem;
}
.deltas > div { display: contents; }
.deltas dt { color: var(--muted); }
.deltas dd { margin: 0; }
.deltas .was { color: var(--muted); }
.deltas .now { font-weight: 600; }
.summaries { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; }
.summaries p { margin: 0; padding: 0.5rem 0.75rem; border-radius: 8px; }
.summaries .was { background: var(--bg); font-weight: 400; }
.summaries .now { background: var(--new-soft); color: var(--ink); font-weight: 400; }
.badge {
  display: inline-block;
  margin-right: 0.4rem;
  padding: 0 0.4rem;
  border-radius: 4px;
  font-size: 0.72rem;
  font-weight: 700;
  letter-spacing: 0.04em;
  text-transform: uppercase;
}
.badge.new { background: var(--new-soft); color: var(--new); }
.badge.same { background: var(--bg); color: var(--faint); }
table.side-by-side td { width: 42%; }
table.side-by-side th[scope="row"] { width: 16%; }

/* Grade grid */
table.grid { table-layout: fixed; }
table.grid th { text-align: center; }
table.grid thead th:first-child { width: 5.5rem; }
table.grid th[scope="row"] { color: var(--muted); }
table.grid td { text-align: center; vertical-align: middle; border-left: 1px solid var(--line); }
table.grid td.level-cell { background: var(--accent-soft); }
table.grid td.level-cell.shared { background: var(--shared-soft); }
table.grid td.level-cell a { color: var(--ink); font-weight: 600; }
table.grid td.level-cell .lid { background: var(--surface); }
table.grid td.empty {
  background: repeating-linear-gradient(135deg, #fafbfc 0 6px, #f2f4f7 6px 12px);
}
.equivalences { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
.equivalences li {
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: 8px;
  padding: 0.6rem 1rem;
}

.pay-tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; align-items: start; }
.pay-tables h3 { color: var(--muted); font-size: 0.95rem; }
table.pay .lid + a, table.pay a { white-space: nowrap; }

/* Phones */
@media (max-width: 40rem) {
  body { font-size: 15px; }
  .wrap { padding: 0 1rem; }
  h1 { font-size: 1.7rem; }
  main { padding-top: 1.5rem; }
  .site-header .wrap { padding-top: 0.7rem; padding-bottom: 0.6rem; }
  .site-header nav ul { margin: 0 -0.6rem; }
  .site-header nav a { padding: 0.25rem 0.6rem; font-size: 0.88rem; }
  .pay-tables { grid-template-columns: minmax(0, 1fr); }
  .areas { grid-template-columns: minmax(0, 1fr); }
  table.tracks thead { display: none; }
  table.tracks tr, table.tracks tbody th, table.tracks td { display: block; width: auto; }
  table.tracks tbody th { padding-bottom: 0.25rem; border-bottom: none; }
  table.tracks td, table.tracks td:last-child { width: auto; border-bottom: none; padding-top: 0.25rem; }
  table.tracks tr { border-bottom: 1px solid var(--line); }
  table.tracks tbody tr:last-child { border-bottom: none; }
  .level, .change { padding: 1.25rem 1.1rem; }
  .level-head h2 { font-size: 1.3rem; }
  .facts, .deltas { grid-template-columns: 1fr; gap: 0.1rem; }
  .facts dd, .deltas dd { margin-bottom: 0.5rem; }
  .summaries { grid-template-columns: 1fr; gap: 0.5rem; }
  th, td { padding: 0.55rem 0.65rem; }
}

/* Paper: no navigation, black on white, a level never split across pages. */
@media print {
  @page { margin: 16mm 14mm; }
  :root { --ink: #000; --muted: #333; --faint: #555; --line: #bbb; }
  body { background: #fff; color: #000; font-size: 10.5pt; line-height: 1.45; }
  .wrap { max-width: none; padding: 0; }
  .site-header nav, .skip, .level-toc, .jump, details.inherited, .site-footer { display: none; }
  .site-header { border: none; }
  .site-header .wrap { padding: 0 0 4mm; }
  .brand { color: #000; font-size: 9pt; font-weight: 400; }
  main.wrap { padding: 0; }
  a, a:visited { color: inherit; text-decoration: none; }
  h1 { font-size: 20pt; }
  h2, h3, h4 { break-after: avoid; }
  .lead { color: #000; font-size: 11.5pt; }
  .level, .change, .cards li, .equivalences li {
    background: none;
    border: none;
    border-top: 1px solid #000;
    border-radius: 0;
    padding: 4mm 0 2mm;
    margin: 0 0 4mm;
    break-inside: avoid;
  }
  .lid, .band, .tag, .from, .badge, .scale li {
    background: none;
    border: 1px solid #000;
    color: #000;
  }
  .guides { background: none; border: 1px dashed #000; }
  .guides-label { color: #000; }
  .summaries p, .summaries .was, .summaries .now { background: none; border: 1px solid #999; }
  .criteria-list li::marker { color: #000; }
  .table-wrap { border: none; border-radius: 0; overflow: visible; }
  table { font-size: 9.5pt; }
  th, td { border-bottom: 1px solid #999; }
  thead th { background: none; color: #000; }
  tr, .area { break-inside: avoid; }
  .areas { grid-template-columns: 1fr 1fr; gap: 2mm 8mm; }
  table.grid td.level-cell, table.grid td.level-cell.shared { background: none; border: 1px solid #000; }
  table.grid td.empty { background: none; }
}
)css";

}  // namespace

std::string_view SiteStylesheet() { return kStylesheet; }

}  // namespace yardstick::ladder
