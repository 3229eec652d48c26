// Held against performed grades as grouped bars: how many people hold each grade, and how many
// performed at it (the calibrated grade rounded to the nearest grade). The table under it says
// the same in text.
import { useEffect, useRef } from "preact/hooks";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import type { CalibratedPerson } from "../../../api";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function distribution(scale: string[], people: CalibratedPerson[]): { grade: string; held: number; performed: number }[] {
  return scale.map((grade, index) => ({
    grade,
    held: people.filter((person) => person.grade_held === grade).length,
    performed: people.filter((person) => Math.min(scale.length - 1, Math.max(0, Math.round(person.performed))) === index).length,
  }));
}

export function DistributionChart({ scale, people }: { scale: string[]; people: CalibratedPerson[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = distribution(scale, people);
  const used = rows.filter((row) => row.held > 0 || row.performed > 0);
  const label = `Held against performed grades for ${people.length} people: ${used.map((row) => `${row.grade} ${row.held} held, ${row.performed} performed`).join("; ")}.`;

  useEffect(() => {
    if (!canvas.current) return;
    const style = getComputedStyle(document.documentElement);
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: rows.map((row) => row.grade),
        datasets: [
          { label: "Held", data: rows.map((row) => row.held), backgroundColor: style.getPropertyValue("--muted").trim() || "#59636e" },
          { label: "Performed", data: rows.map((row) => row.performed), backgroundColor: style.getPropertyValue("--accent").trim() || "#1d4ed8" },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: "Grade" } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "People" } },
        },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify(rows)]);

  return (
    <div class="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} data-testid="distribution-chart">
        {label}
      </canvas>
    </div>
  );
}
