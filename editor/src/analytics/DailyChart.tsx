import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { AnalyticsFigures } from '../api';

// Only the pieces a stacked bar chart needs, so the chunk carries no other chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const SERIES = [
  { key: 'contained', color: '#059669' },
  { key: 'handedOff', color: '#2563eb' },
  { key: 'abandoned', color: '#f59e0b' },
  { key: 'inProgress', color: '#94a3b8' },
] as const;

/** Conversations per day, stacked by outcome. Loaded on its own (React.lazy) with chart.js. */
export default function DailyChart({ daily }: { daily: AnalyticsFigures['daily'] }) {
  const { t } = useTranslation('analytics');
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: daily.map((d) => d.date.slice(5)),
        datasets: SERIES.map((s) => ({ label: t(`series.${s.key}`), data: daily.map((d) => d[s.key]), backgroundColor: s.color, stack: 'all' })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [daily, t]);
  return (
    <div className="sba-chart">
      <canvas ref={canvas} role="img" aria-label={t('chartLabel')} />
    </div>
  );
}
