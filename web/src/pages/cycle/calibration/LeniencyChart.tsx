// Each rater's leniency as a dot with a whisker for its interval (Chart.js: a floating bar from
// low to high, and a point at the estimate), lenient to the right, strict to the left; outliers
// drawn in the error colour. The rater table says the same in text.
import { useEffect, useRef } from "preact/hooks";
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, PointElement, Tooltip } from "chart.js";
import type { RaterLeniency } from "../../../api";

Chart.register(BarController, BarElement, LineController, PointElement, CategoryScale, LinearScale, Tooltip);

export function LeniencyChart({ raters }: { raters: RaterLeniency[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const sorted = [...raters].sort((a, b) => b.leniency - a.leniency);
  const label = `Leniency of ${sorted.length} raters, in grades, with intervals: ${sorted
    .map((rater) => `${rater.name} ${signed(rater.leniency)} (${signed(rater.low)} to ${signed(rater.high)})${rater.outlier ? ", outlier" : ""}`)
    .join("; ")}.`;

  useEffect(() => {
    if (!canvas.current || sorted.length === 0) return;
    const style = getComputedStyle(document.documentElement);
    const accent = style.getPropertyValue("--accent").trim() || "#1d4ed8";
    const error = style.getPropertyValue("--error").trim() || "#b42318";
    const colour = (index: number) => (sorted[index]?.outlier ? error : accent);
    // A mixed chart: floating bars ([low, high]) and points (the estimate).
    const chart = new Chart<"bar" | "line", (number | [number, number])[], string>(canvas.current, {
      type: "bar",
      data: {
        labels: sorted.map((rater) => `${rater.name} (${rater.rater_id})`),
        datasets: [
          {
            type: "bar",
            label: "Interval",
            data: sorted.map((rater) => [rater.low, rater.high] as [number, number]),
            backgroundColor: (context) => colour(context.dataIndex),
            barThickness: 3,
          },
          {
            type: "line",
            label: "Leniency",
            data: sorted.map((rater) => rater.leniency),
            showLine: false,
            pointRadius: 5,
            pointBackgroundColor: (context) => colour(context.dataIndex),
            pointBorderColor: (context) => colour(context.dataIndex),
          },
        ],
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: "Leniency in grades (+ lenient, − strict)" } },
          y: { ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => {
                const rater = sorted[item.dataIndex];
                return rater ? `${signed(rater.leniency)} grades (${signed(rater.low)} to ${signed(rater.high)}), ${rater.ratings} ratings` : "";
              },
            },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify(sorted)]);

  if (sorted.length === 0) return <p class="state state-empty">No rater to show.</p>;
  return (
    <div class="chart-box" data-rows={sorted.length} style={{ height: `${Math.max(160, 28 * sorted.length + 60)}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid="leniency-chart">
        {label}
      </canvas>
    </div>
  );
}

export function signed(value: number): string {
  const rounded = value.toFixed(2);
  return value > 0 ? `+${rounded}` : rounded.replace("-", "−");
}
