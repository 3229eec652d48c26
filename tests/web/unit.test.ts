// Tests of the web app's pure helpers (run by tests/web/unit.mjs): reading a ladder, the routes,
// reordering a stack rank, the calibration board's grid, the slate's numbers.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Ladder } from "../../web/src/api";
import { byArea, criteriaOf, gradesOfBand, levelOfGrade, levelsOfTrack, nextLevel } from "../../web/src/ladder";
import { href, parseHash } from "../../web/src/router";
import { initialOrder, move } from "../../web/src/pages/cycle/team/StackRank";
import { bandRow, performanceColumn } from "../../web/src/pages/cycle/calibration/PerformanceGrid";
import { performedText } from "../../web/src/pages/cycle/slate/DecisionTable";
import { resolvePerson } from "../../web/src/pages/cycle/slate/ExceptionForm";
import type { CalibratedPerson, TeamMember } from "../../web/src/api";

/** A small ladder: A–F, IC levels L1 (A–B), L2 (C–D), L3 (E–F); a manager track from L2 on
 * that splits at L3 into M3 (E–F). */
const ladder: Ladder = {
  id: "test",
  name: "Test",
  description: "",
  cumulative_criteria: true,
  scale: ["A", "B", "C", "D", "E", "F"],
  tracks: [
    { id: "ic", name: "IC", description: "" },
    { id: "manager", name: "Manager", description: "" },
  ],
  areas: [
    { id: "delivery", name: "Delivery", description: "", tracks: [] },
    { id: "design", name: "Design", description: "", tracks: [] },
  ],
  levels: [
    { id: "L3", name: "Senior", summary: "", description: "", band: { min: "E", max: "F" }, tracks: ["ic"], criteria: [] },
    {
      id: "L1",
      name: "Junior",
      summary: "",
      description: "",
      band: { min: "A", max: "B" },
      tracks: ["ic"],
      criteria: [
        { id: null, area: "design", text: "d1", weight: 1 },
        { id: null, area: "delivery", text: "s1", weight: 1 },
        { id: "named", area: "delivery", text: "s2", weight: 2 },
        { id: null, area: "delivery", text: "s3", weight: 1 },
      ],
    },
    { id: "L2", name: "Core", summary: "", description: "", band: { min: "C", max: "D" }, tracks: ["ic", "manager"], criteria: [] },
    { id: "M3", name: "Manager", summary: "", description: "", band: { min: "E", max: "F" }, tracks: ["manager"], criteria: [] },
  ],
  equivalences: [],
  transitions: [],
  positions: [],
  pay: { currency: "EUR", period: "year", families: [] },
  policies: { promotion: { far_above: 2, slightly_above: 0.5, periods: 3, confidence: 0.8 }, plan: { below: 1, exit_after: 2 }, executive_approval: [] },
};

test("levels of a track come lowest band first", () => {
  assert.deepEqual(levelsOfTrack(ladder, "ic").map((level) => level.id), ["L1", "L2", "L3"]);
  assert.deepEqual(levelsOfTrack(ladder, "manager").map((level) => level.id), ["L2", "M3"]);
});

test("a grade's level depends on the track where tracks split", () => {
  assert.equal(levelOfGrade(ladder, "E", "ic")?.id, "L3");
  assert.equal(levelOfGrade(ladder, "E", "manager")?.id, "M3");
  assert.equal(levelOfGrade(ladder, "A", "manager"), null);
  assert.equal(levelOfGrade(ladder, "Z", null), null);
});

test("the next level follows the track", () => {
  assert.equal(nextLevel(ladder, "L2", "ic")?.id, "L3");
  assert.equal(nextLevel(ladder, "L2", "manager")?.id, "M3");
  assert.equal(nextLevel(ladder, "L3", "ic"), null);
});

test("criteria handles are the id, or LEVEL/AREA/N counted per area from 1", () => {
  const level = ladder.levels.find((candidate) => candidate.id === "L1");
  assert.ok(level);
  assert.deepEqual(criteriaOf(level).map((criterion) => criterion.handle), ["L1/design/1", "L1/delivery/1", "named", "L1/delivery/3"]);
});

test("criteria group by area in the ladder's order of areas", () => {
  const level = ladder.levels.find((candidate) => candidate.id === "L1");
  assert.ok(level);
  assert.deepEqual(byArea(ladder, criteriaOf(level)).map((group) => [group.name, group.criteria.length]), [["Delivery", 3], ["Design", 1]]);
});

test("a band's grades", () => {
  assert.deepEqual(gradesOfBand(ladder, { min: "B", max: "D" }), ["B", "C", "D"]);
});

test("routes round-trip through their hrefs", () => {
  assert.deepEqual(parseHash(href.ladder("engineering", ["L2", "L3"])), { name: "ladder", id: "engineering", compare: ["L2", "L3"] });
  assert.deepEqual(parseHash(href.cycle("eng-2026-h2")), { name: "cycle", id: "eng-2026-h2", view: "overview", rater: null });
  assert.deepEqual(parseHash(href.cycle("eng 2026", "team", "E2")), { name: "cycle", id: "eng 2026", view: "team", rater: "E2" });
  assert.deepEqual(parseHash(href.importPeople()), { name: "import" });
  assert.deepEqual(parseHash("#/people/E1"), { name: "person", id: "E1" });
  assert.equal(parseHash("#/cycles/x/nonsense").name, "unknown");
  assert.equal(parseHash("#/people/E1/extra/more").name, "unknown");
});

test("moving within a stack rank", () => {
  assert.deepEqual(move(["a", "b", "c"], 2, 0), ["c", "a", "b"]);
  assert.deepEqual(move(["a", "b", "c"], 0, 1), ["b", "a", "c"]);
  const same = ["a", "b"];
  assert.equal(move(same, 0, 5), same);
});

test("a stack rank starts from the saved order, newcomers after it, best rated first", () => {
  const member = (id: string, grade: string | null): TeamMember => ({
    id,
    name: id,
    grade: "C",
    group: "g",
    position: null,
    relation: "report",
    rating: grade ? { grade, evidence: "", criteria: [], version: 1 } : null,
  });
  const members = [member("x", "C"), member("y", "E"), member("z", null), member("w", "D")];
  assert.deepEqual(initialOrder(members, ["w", "gone"], ladder.scale), ["w", "y", "x", "z"]);
});

test("the nine-box places people by performance against the grade held and the grade's place in its band", () => {
  const person = (grade_held: string, performed: number): CalibratedPerson => ({
    id: "p",
    name: "p",
    group: "g",
    manager_id: null,
    grade_held,
    held: ladder.scale.indexOf(grade_held),
    performed,
    se: 0.5,
    direction: 0,
    performed_text: "",
    raters: [],
  });
  assert.equal(performanceColumn(ladder.scale, person("C", 2.4)), "at");
  assert.equal(performanceColumn(ladder.scale, person("C", 2.6)), "above");
  assert.equal(performanceColumn(ladder.scale, person("C", 1.4)), "below");
  assert.equal(bandRow(ladder, "C"), "low");
  assert.equal(bandRow(ladder, "D"), "high");
});

test("a calibrated grade reads as the nearest grade and the number", () => {
  assert.equal(performedText(ladder.scale, { performed: 3.6, se: 0.42 }), "E (3.6 ± 0.4)");
  assert.equal(performedText(ladder.scale, { performed: null, se: null }), "—");
  assert.equal(performedText(ladder.scale, { performed: 9, se: null }), "F (9.0)");
});

test("an approver typed as a name, an id or 'Name (ID)' resolves to the id", () => {
  const names = new Map([["E1", "Ann Lee"], ["E2", "Bo Chen"]]);
  assert.equal(resolvePerson("Bo Chen (E2)", names), "E2");
  assert.equal(resolvePerson("ann lee", names), "E1");
  assert.equal(resolvePerson("E9", names), "E9");
  assert.equal(resolvePerson("nobody at all", names), "");
});
