// The frame of every cycle page: loads the cycle (GET /api/cycles/{id}, with what the caller may
// do in it), shows its name, state and the cycle's navigation, and hands the cycle to the page.
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { api, type CycleDetail } from "../../api";
import { PageHeading } from "../../components/PageHeading";
import { ErrorState, Loading } from "../../components/States";
import type { CycleView } from "../../router";
import { useFetch } from "../../useFetch";
import { CycleNav } from "./CycleNav";
import { CycleStateBadge } from "./CycleStateBadge";

const TITLES: Record<CycleView, string> = {
  overview: "",
  team: "Rate and rank",
  calibration: "Calibration",
  slate: "Slate",
  payroll: "Payroll",
};

interface CycleFrameProps {
  cycleId: string;
  view: CycleView;
  children: (cycle: CycleDetail, reload: () => void) => ComponentChildren;
}

export function CycleFrame({ cycleId, view, children }: CycleFrameProps) {
  const [version, setVersion] = useState(0);
  const cycle = useFetch(`cycle:${cycleId}:${version}`, () => api.cycle(cycleId));
  // Keep showing the last answer while a reload is under way, so the page does not flash.
  const last = useRef<CycleDetail | null>(null);
  if (cycle.state === "ok") last.current = cycle.data;
  const shown = last.current;
  const title = TITLES[view];
  if (!shown) {
    if (cycle.state === "error") {
      return (
        <>
          <PageHeading>Cycle {cycleId}</PageHeading>
          <ErrorState error={cycle.error} what={`cycle ${cycleId}`} />
        </>
      );
    }
    return <Loading what="the cycle" />;
  }
  return (
    <section aria-labelledby="page-heading" class="cycle-page">
      <PageHeading>
        {title ? `${title}: ` : ""}
        {shown.name}
      </PageHeading>
      <p class="subtitle">
        {shown.id} · {shown.period.text} · ladder {shown.framework} · <CycleStateBadge state={shown.state} />
      </p>
      <CycleNav cycle={shown} view={view} />
      {children(shown, () => setVersion((count) => count + 1))}
    </section>
  );
}
