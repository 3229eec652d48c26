// A person's grade over time as a step line: each change holds until the next one, the last until
// today. Grades are letters on the y axis. The table beside it carries the same facts in text.
import { useEffect, useRef } from "preact/hooks";
import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import type { HistoryEntry } from "../api";
import { formatDate, gradeIndex, gradeLetter } from "../format";

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

interface Point {
  x: number;
  y: number;
}

function stepPoints(history: HistoryEntry[], currentGrade: string, now: number): Point[] {
  const points: Point[] = [];
  for (const entry of history) {
    const x = Date.parse(entry.effective);
    const y = gradeIndex(entry.to_grade);
    if (!Number.isNaN(x) && y !== null) points.push({ x, y });
  }
  const current = gradeIndex(currentGrade);
  const last = points[points.length - 1];
  if (last && current !== null && now > last.x) points.push({ x: now, y: current });
  return points;
}

/** The 1st of January of each year between two times, every `step` years to keep ≤ 10 ticks. */
function yearStarts(from: number, to: number): number[] {
  const first = new Date(from).getUTCFullYear() + 1;
  const last = new Date(to).getUTCFullYear();
  const step = Math.max(1, Math.ceil((last - first + 1) / 10));
  const ticks: number[] = [];
  for (let year = first; year <= last; year += step) ticks.push(Date.UTC(year, 0, 1));
  return ticks.length > 0 ? ticks : [from, to];
}

export function HistoryChart({ history, currentGrade, name }: { history: HistoryEntry[]; currentGrade: string; name: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const points = stepPoints(history, currentGrade, Date.now());
  const grades = points.map((point) => point.y);
  const first = history[0];
  const last = history[history.length - 1];
  const label =
    first && last
      ? `${name}'s grade over time: ${first.to_grade} from ${formatDate(first.effective)}, ` +
        `${last.to_grade} since ${formatDate(last.effective)}, ${history.length} change${history.length === 1 ? "" : "s"}.`
      : `${name} has no grade history.`;

  useEffect(() => {
    if (!canvas.current || points.length === 0) return;
    const minGrade = Math.max(0, Math.min(...grades) - 1);
    const maxGrade = Math.min(25, Math.max(...grades) + 1);
    const firstX = points[0]?.x ?? 0;
    const lastX = points[points.length - 1]?.x ?? firstX;
    const padX = Math.max((lastX - firstX) * 0.02, 86_400_000);
    const accent = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() || "#1d4ed8";
    const chart = new Chart(canvas.current, {
      type: "line",
      data: {
        datasets: [
          {
            label: "Grade",
            data: points,
            stepped: "after",
            borderColor: accent,
            backgroundColor: accent,
            borderWidth: 2,
            pointRadius: (context) => (context.dataIndex === points.length - 1 && points.length > history.length ? 0 : 4),
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: {
            type: "linear",
            min: firstX - padX,
            max: lastX + padX,
            // One tick per year (every few years on a long history), on the 1st of January.
            afterBuildTicks: (axis) => {
              axis.ticks = yearStarts(firstX, lastX).map((value) => ({ value }));
            },
            ticks: { callback: (value) => new Date(Number(value)).getUTCFullYear().toString(), autoSkip: true },
          },
          y: {
            type: "linear",
            min: minGrade,
            max: maxGrade,
            ticks: { stepSize: 1, callback: (value) => gradeLetter(Number(value)) },
            title: { display: true, text: "Grade" },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? formatDate(new Date(items[0].parsed.x ?? 0).toISOString()) : ""),
              label: (item) => `Grade ${gradeLetter(item.parsed.y ?? -1)}`,
            },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify(points)]);

  if (points.length === 0) return <p class="state state-empty">No grade changes recorded yet.</p>;
  return (
    <div class="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} data-testid="history-chart">
        {label}
      </canvas>
    </div>
  );
}
