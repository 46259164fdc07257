import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { initI18n } from '../../../editor/src/i18n';
import { QueueList } from '../../../editor/src/inbox/queue/QueueList';
import { item, T0 } from './fixtures';

beforeAll(() => {
  initI18n('en');
});

const minute = 60_000;

function renderQueue(now: number, highlightMinutes = 5) {
  const waiting = [
    item({ sessionId: 'a', queue: 'sales', requestedAt: new Date(T0).toISOString(), variables: { email: 'ann@example.com' } }),
    item({ sessionId: 'b', queue: 'billing', requestedAt: new Date(T0 + 4 * minute).toISOString(), variables: { name: 'Bob' } }),
    item({ sessionId: 'c', queue: 'billing', priority: 'urgent', requestedAt: new Date(T0 + 6 * minute).toISOString(), variables: { name: 'Cleo' } }),
  ];
  const active = [item({ sessionId: 'd', status: 'active', assignedAgent: { id: 'u2', name: 'Ben' }, variables: { name: 'Dora' } })];
  return render(
    <QueueList waiting={waiting} active={active} now={now} highlightMinutes={highlightMinutes} selectedId={null} myId="u1" onSelect={() => {}} />,
  );
}

const row = (name: string) => screen.getByText(name).closest('button')!;

describe('QueueList', () => {
  it('groups waiting conversations by queue, most urgent first, and lists those in progress apart', () => {
    renderQueue(T0 + 7 * minute);
    const billing = screen.getByRole('region', { name: 'Queue: billing' });
    const names = within(billing).getAllByRole('button').map((b) => b.querySelector('.sb-inbox-item__who')!.textContent);
    expect(names).toEqual(['Cleo', 'Bob']);
    expect(within(screen.getByRole('region', { name: 'Queue: sales' })).getByText('ann@example.com')).toBeInTheDocument();
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['billing 2', 'sales 1']);
    expect(row('Dora')).toHaveTextContent('Ben');
    expect(row('Cleo')).toHaveTextContent('Urgent');
  });

  it('shows how long each customer has waited and highlights those past the configured minutes', () => {
    const { rerender } = renderQueue(T0 + 4 * minute + 59_000);
    expect(row('ann@example.com')).toHaveTextContent('4:59');
    expect(row('ann@example.com')).not.toHaveClass('is-overdue');

    // The clock moves on: Ann reaches 5 minutes, Bob (asked 4 minutes later) does not.
    rerender(
      <QueueList
        waiting={[
          item({ sessionId: 'a', queue: 'sales', requestedAt: new Date(T0).toISOString(), variables: { email: 'ann@example.com' } }),
          item({ sessionId: 'b', queue: 'billing', requestedAt: new Date(T0 + 4 * minute).toISOString(), variables: { name: 'Bob' } }),
        ]}
        active={[]}
        now={T0 + 5 * minute}
        highlightMinutes={5}
        selectedId={null}
        myId="u1"
        onSelect={() => {}}
      />,
    );
    expect(row('ann@example.com')).toHaveClass('is-overdue');
    expect(row('ann@example.com')).toHaveTextContent('Waiting too long');
    expect(row('Bob')).not.toHaveClass('is-overdue');
    expect(row('Bob')).toHaveTextContent('1:00');
  });

  it('uses the organisation’s threshold', () => {
    renderQueue(T0 + 7 * minute, 2);
    expect(row('Bob')).toHaveClass('is-overdue');
    expect(row('Cleo')).not.toHaveClass('is-overdue');
  });
});
