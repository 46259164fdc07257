import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { AnalyticsFigures } from '../api';

// Only the pieces a line chart needs, so the chunk carries no other chart types.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = ['#7c3aed', '#059669', '#db2777', '#2563eb', '#d97706', '#0891b2'];

/**
 * Each goal's rate per day (conversions / conversations started that day), one line per goal; a
 * day without conversations has no point rather than 0 %. Loaded on its own (React.lazy) with chart.js.
 */
export default function GoalRateChart({ goals }: { goals: AnalyticsFigures['goals'] }) {
  const { t, i18n } = useTranslation('analytics');
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const pct = (v: number) => `${v.toLocaleString(i18n.language, { maximumFractionDigits: 1 })}%`;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: (goals[0]?.daily ?? []).map((d) => d.date.slice(5)),
        datasets: goals.map((g, i) => ({
          label: g.label,
          data: g.daily.map((d) => (d.rate === null ? null : d.rate * 100)),
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          spanGaps: false,
          tension: 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: (v) => pct(Number(v)) } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${pct(c.parsed.y ?? 0)}` } },
        },
      },
    });
    return () => chart.destroy();
  }, [goals, t, i18n.language]);
  return (
    <div className="sba-chart">
      <canvas ref={canvas} role="img" aria-label={t('goalChartLabel')} />
    </div>
  );
}
