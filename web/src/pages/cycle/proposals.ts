// How the slate's proposals and statuses read to people.
import type { Proposal } from "../../api";

const LABELS: Record<Proposal, string> = {
  "promote-now": "Promote now",
  promote: "Promote",
  "no-change": "No change",
  plan: "Performance plan",
  "exit-conversation": "Exit conversation",
  "not-calibrated": "Not calibrated",
  exception: "Exception",
};

export function proposalLabel(proposal: string): string {
  return LABELS[proposal as Proposal] ?? proposal;
}
