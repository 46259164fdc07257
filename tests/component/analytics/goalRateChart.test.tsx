import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../../editor/src/i18n';
import type { AnalyticsFigures } from '../../../editor/src/api';

// jsdom has no canvas: the chart is checked by what it hands to Chart.js.
const made = vi.hoisted(() => ({ configs: [] as { type: string; data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } }[], destroyed: 0 }));
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    constructor(_canvas: unknown, config: (typeof made.configs)[number]) {
      made.configs.push(config);
    }
    destroy() {
      made.destroyed++;
    }
  }
  const part = {};
  return { Chart, CategoryScale: part, Legend: part, LinearScale: part, LineController: part, LineElement: part, PointElement: part, Tooltip: part };
});

const { default: GoalRateChart } = await import('../../../editor/src/analytics/GoalRateChart');

initI18n('en');
afterEach(cleanup);

const goal = (nodeId: string, label: string, rates: (number | null)[]): AnalyticsFigures['goals'][number] => ({
  nodeId,
  label,
  conversions: 0,
  rate: null,
  daily: rates.map((rate, i) => ({ date: `2026-11-2${i}`, conversions: 0, rate })),
});

describe('GoalRateChart', () => {
  it('draws one line per goal, in percent per day, with no point on days without conversations', () => {
    const { unmount } = render(<GoalRateChart goals={[goal('thanks', 'Order status given', [0.5, null, 0.25]), goal('lead', 'Lead', [0, 0, 1])]} />);
    expect(screen.getByRole('img', { name: "Line chart of each goal's rate per day" })).toBeInTheDocument();
    const config = made.configs.at(-1)!;
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['11-20', '11-21', '11-22']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Order status given', [50, null, 25]],
      ['Lead', [0, 0, 100]],
    ]);
    unmount();
    expect(made.destroyed).toBe(1);
  });
});
