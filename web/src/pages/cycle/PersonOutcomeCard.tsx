// One person's result in a cycle (GET /api/cycles/{id}/people/{person}): the calibrated grade
// they performed at, the decision and its reason, and the ratings behind it. A bonus is shown
// only when the answer carries one (only for those who may see the person's pay).
import { api, type PersonOutcome } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import { formatMoney } from "../../format";
import { useFetch } from "../../useFetch";
import { useVisiblePeople } from "../../visiblePeople";
import { proposalLabel } from "./proposals";

interface PersonOutcomeCardProps {
  cycleId: string;
  /** The cycle's ladder: its pay currency is the bonus's. */
  frameworkId: string;
  personId: string;
  isMe: boolean;
}

export function PersonOutcomeCard({ cycleId, frameworkId, personId, isMe }: PersonOutcomeCardProps) {
  const outcome = useFetch(`outcome:${cycleId}:${personId}`, () => api.personOutcome(cycleId, personId));
  const ladder = useFetch(`framework:${frameworkId}`, () => api.framework(frameworkId));
  const currency = ladder.state === "ok" ? ladder.data.pay.currency : undefined;
  return (
    <section aria-labelledby={`outcome-${personId}`} class="card" data-testid="person-outcome">
      <h2 id={`outcome-${personId}`}>{isMe ? "My result" : `Result of ${personId}`}</h2>
      {outcome.state === "loading" && <Loading what="the result" />}
      {outcome.state === "error" && (
        <ErrorState error={outcome.error} what="the result" notVisible={isMe ? "You have no result in this cycle." : undefined} />
      )}
      {outcome.state === "ok" && <OutcomeFacts outcome={outcome.data} currency={currency} />}
    </section>
  );
}

function OutcomeFacts({ outcome, currency }: { outcome: PersonOutcome; currency?: string }) {
  const { names } = useVisiblePeople();
  const decision = outcome.decision;
  return (
    <dl class="facts">
      <dt>Performed at</dt>
      <dd data-testid="outcome-performed">
        {outcome.result ? `${outcome.result.text} ± ${outcome.result.se.toFixed(1)}` : "not calibrated"}
        {outcome.grade_held && <span class="summary">while holding {outcome.grade_held}</span>}
      </dd>
      <dt>Decision</dt>
      <dd data-testid="outcome-decision">
        {decision ? (
          <>
            <strong>{proposalLabel(decision.proposal)}</strong>
            {decision.from_grade !== decision.to_grade && ` (${decision.from_grade} → ${decision.to_grade})`} · {decision.status}
            <span class="summary">{decision.reason}</span>
          </>
        ) : (
          "None"
        )}
      </dd>
      {decision && typeof decision.bonus === "number" && (
        <>
          <dt>Bonus</dt>
          <dd>{currency ? formatMoney(decision.bonus, currency) : decision.bonus.toLocaleString("en-GB")}</dd>
        </>
      )}
      {outcome.ratings.length > 0 && (
        <>
          <dt>Ratings</dt>
          <dd>
            <ul class="plain">
              {outcome.ratings.map((rating) => (
                <li key={`${rating.rater_id}-${rating.benchmark}`}>
                  Grade {rating.grade}
                  {rating.benchmark ? " (benchmark)" : ""} by {names.has(rating.rater_id) ? `${names.get(rating.rater_id)} (${rating.rater_id})` : rating.rater_id}
                  {rating.evidence && <span class="summary">{rating.evidence}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
