// Reading a ladder (GET /api/frameworks/{id}): the levels of a track in order, the level a grade
// falls on, the next level up, a level's criteria by area, and each criterion's handle — its id,
// or LEVEL/AREA/N (the N-th criterion of that area at that level, from 1), exactly as the server
// names them in rating checklists (src/engine/levelling.h).
import type { Criterion, Ladder, LadderLevel } from "./api";

/** A criterion as a checklist names it. */
export interface HandledCriterion extends Criterion {
  handle: string;
  level: string;
}

/** The position of a grade on the ladder's scale (0 = its first grade), or -1. */
export function scaleIndex(ladder: Ladder, grade: string): number {
  return ladder.scale.indexOf(grade);
}

/** The levels of one track (every level when `track` is null), lowest band first. */
export function levelsOfTrack(ladder: Ladder, track: string | null): LadderLevel[] {
  const levels = ladder.levels.filter((level) => track === null || level.tracks.includes(track));
  return levels
    .map((level, order) => ({ level, order }))
    .sort((a, b) => scaleIndex(ladder, a.level.band.min) - scaleIndex(ladder, b.level.band.min) || a.order - b.order)
    .map((entry) => entry.level);
}

/** The level of `track` whose band holds `grade` (with no track, the first level that does). */
export function levelOfGrade(ladder: Ladder, grade: string, track: string | null): LadderLevel | null {
  const at = scaleIndex(ladder, grade);
  if (at < 0) return null;
  return (
    levelsOfTrack(ladder, track).find(
      (level) => scaleIndex(ladder, level.band.min) <= at && at <= scaleIndex(ladder, level.band.max),
    ) ?? null
  );
}

/** The level after `levelId` on `track` (on the level's first track when `track` is null). */
export function nextLevel(ladder: Ladder, levelId: string, track: string | null): LadderLevel | null {
  const level = ladder.levels.find((candidate) => candidate.id === levelId);
  if (!level) return null;
  const levels = levelsOfTrack(ladder, track ?? level.tracks[0] ?? null);
  const at = levels.findIndex((candidate) => candidate.id === levelId);
  return at >= 0 ? (levels[at + 1] ?? null) : null;
}

/** A level's own criteria with their handles. */
export function criteriaOf(level: LadderLevel): HandledCriterion[] {
  const count = new Map<string, number>();
  return level.criteria.map((criterion) => {
    const n = (count.get(criterion.area) ?? 0) + 1;
    count.set(criterion.area, n);
    return { ...criterion, handle: criterion.id ?? `${level.id}/${criterion.area}/${n}`, level: level.id };
  });
}

/** The criteria grouped by area, in the ladder's order of areas (unknown areas last). */
export function byArea(ladder: Ladder, criteria: HandledCriterion[]): { area: string; name: string; criteria: HandledCriterion[] }[] {
  const order = ladder.areas.map((area) => area.id);
  const areas = [...new Set(criteria.map((criterion) => criterion.area))].sort(
    (a, b) => rank(order.indexOf(a)) - rank(order.indexOf(b)),
  );
  return areas.map((area) => ({
    area,
    name: ladder.areas.find((candidate) => candidate.id === area)?.name ?? area,
    criteria: criteria.filter((criterion) => criterion.area === area),
  }));
}

function rank(index: number): number {
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/** The grades of a band, lowest first. */
export function gradesOfBand(ladder: Ladder, band: { min: string; max: string }): string[] {
  const from = scaleIndex(ladder, band.min);
  const to = scaleIndex(ladder, band.max);
  return from < 0 || to < 0 ? [] : ladder.scale.slice(from, to + 1);
}
