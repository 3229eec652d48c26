// The rest of a ladder's shape: its positions (roles with a band and an allowance, separate from
// levels), which levels are equivalent across tracks, where one may move between tracks, and
// the promotion policy the system applies.
import type { Ladder } from "../../api";
import { formatBand, formatMoney } from "../../format";

export function LadderStructure({ ladder }: { ladder: Ladder }) {
  const trackName = (id: string | null) => (id ? (ladder.tracks.find((track) => track.id === id)?.name ?? id) : "any track");
  const { promotion, plan, executive_approval } = ladder.policies;
  return (
    <section aria-labelledby="structure-heading">
      <h2 id="structure-heading">Positions, tracks and rules</h2>
      {ladder.positions.length > 0 && (
        <div class="table-wrap">
          <table data-testid="positions">
            <caption class="visually-hidden">Positions: roles held on top of a level</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Track</th>
                <th scope="col">Band</th>
                <th scope="col" class="number">Allowance</th>
              </tr>
            </thead>
            <tbody>
              {ladder.positions.map((position) => (
                <tr key={position.id}>
                  <td>{position.name}</td>
                  <td>{trackName(position.track)}</td>
                  <td>{formatBand(position.band)}</td>
                  <td class="number">{position.allowance > 0 ? `${formatMoney(position.allowance, ladder.pay.currency)} per ${ladder.pay.period}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul class="rules">
        {ladder.equivalences.length > 0 && (
          <li>
            Equivalent across tracks: {ladder.equivalences.map((levels) => levels.join(" ≈ ")).join("; ")}.
          </li>
        )}
        {ladder.transitions.length > 0 && (
          <li>
            Moves between tracks without a change of level:{" "}
            {ladder.transitions.map((move) => `${move.from} ${move.both_ways ? "↔" : "→"} ${move.to}`).join("; ")}.
          </li>
        )}
        <li>
          Promotion is proposed by the system: now, when performing {grades(promotion.far_above)} or more above the grade held; after{" "}
          {promotion.periods} cycles in a row {grades(promotion.slightly_above)} or more above (with {Math.round(promotion.confidence * 100)}%
          confidence). A performance plan when {grades(plan.below)} or more below; an exit conversation after {plan.exit_after} such cycles.
        </li>
        {executive_approval.length > 0 && <li>Levels bestowed with an executive's approval: {executive_approval.join(", ")}.</li>}
      </ul>
    </section>
  );
}

function grades(count: number): string {
  return `${count} grade${count === 1 ? "" : "s"}`;
}
