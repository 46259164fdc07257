import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { FigureCards } from '../../../editor/src/analytics/FigureCards';
import { initI18n } from '../../../editor/src/i18n';
import type { AnalyticsFigures } from '../../../editor/src/api';

initI18n('en');
afterEach(cleanup);

function figures(over: Partial<AnalyticsFigures> = {}): AnalyticsFigures {
  return {
    conversations: { started: 200, contained: 120, handedOff: 50, offline: 5, abandoned: 30, inProgress: 0, erasedOther: 0 },
    uniqueVisitors: 150,
    retained: { started: 0, handedOff: 0, unrecognised: 0 },
    goals: [{ nodeId: 'thanks', label: 'Order status given', conversions: 80, rate: 0.4, daily: [] }],
    csat: { count: 4, average: 3.75, distribution: [0, 1, 0, 2, 1] },
    faqHelpful: { yes: 3, no: 1, yesRate: 0.75 },
    knowledgeAnswers: { answered: 40, noAnswer: 7, failed: 2 },
    knowledgeHelpful: { yes: 9, no: 3, yesRate: 0.75 },
    intentTieBreaks: { asked: 14, picked: 10, none: 3, failed: 1, agreedWithClassifier: 4, agreementRate: 0.4 },
    unrecognised: { count: 12, customerMessages: 600, per100: 2 },
    agentTimes: [{ queue: 'billing', handoffs: 50, firstReply: { count: 40, p50Ms: 45_000, p90Ms: 120_000 }, close: { count: 30, p50Ms: 600_000, p90Ms: 1_800_000 } }],
    botReplyTime: { count: 30, p50Ms: 240, p95Ms: 1_850 },
    daily: [],
    ...over,
  };
}

const card = (id: string) => document.querySelector(`[data-figure="${id}"]`) as HTMLElement;

describe('FigureCards', () => {
  it('shows each figure with its share and its definition as a tooltip', () => {
    render(<FigureCards figures={figures()} />);
    expect(card('started')).toHaveTextContent('200');
    expect(card('uniqueVisitors')).toHaveTextContent('150');
    expect(within(card('uniqueVisitors')).getByRole('tooltip')).toHaveTextContent(/Conversations without one are not counted/);
    expect(card('contained')).toHaveTextContent('120 · 60%');
    expect(card('handedOff')).toHaveTextContent('50 · 25%');
    expect(card('abandoned')).toHaveTextContent('30 · 15%');
    expect(card('offline')).toHaveTextContent('5');
    expect(card('csat')).toHaveTextContent('3.75 / 5 (4)');
    expect(card('faqHelpful')).toHaveTextContent('75%');
    expect(card('knowledgeAnswers')).toHaveTextContent('40 / 7 / 2');
    expect(card('knowledgeHelpful')).toHaveTextContent('75%');
    expect(within(card('knowledgeHelpful')).getByRole('tooltip')).toHaveTextContent(/after an answer from knowledge/);
    expect(within(card('knowledgeAnswers')).getByRole('tooltip')).toHaveTextContent(/technical failure/);
    expect(card('intentTieBreaks')).toHaveTextContent('10 / 3 / 1');
    expect(within(card('intentTieBreaks')).getByRole('tooltip')).toHaveTextContent(/Ask the language model when unsure/);
    expect(card('tieBreakAgreement')).toHaveTextContent('40%');
    expect(card('unrecognised')).toHaveTextContent('12 · 2 / 100');
    expect(card('botReplyTime')).toHaveTextContent('240 ms / 1.9 s');
    expect(within(card('botReplyTime')).getByRole('tooltip')).toHaveTextContent(/from a customer's message arriving to the bot's reply/);
    const info = within(card('handedOff')).getByRole('button');
    expect(info).toHaveAccessibleName(/even if the agent gave it back to the bot/);
    expect(within(card('handedOff')).getByRole('tooltip')).toHaveTextContent(/Asked for a person at least once/);
    expect(screen.getByTestId('csat-distribution')).toHaveTextContent('1★ 0 · 2★ 1 · 3★ 0 · 4★ 2 · 5★ 1');
  });

  it('lists goals with their rate and the agent times per queue in seconds', () => {
    render(<FigureCards figures={figures()} />);
    expect(screen.getByText('Order status given').closest('tr')).toHaveTextContent('Order status given8040%');
    expect(screen.getByText('billing').closest('tr')).toHaveTextContent('billing5045 s / 120 s600 s / 1,800 s');
  });

  it('shows dashes rather than zeros where there is nothing to divide by', () => {
    render(
      <FigureCards
        figures={figures({
          conversations: { started: 0, contained: 0, handedOff: 0, offline: 0, abandoned: 0, inProgress: 0, erasedOther: 0 },
          csat: { count: 0, average: null, distribution: [0, 0, 0, 0, 0] },
          faqHelpful: { yes: 0, no: 0, yesRate: null },
          unrecognised: { count: 0, customerMessages: 0, per100: null },
          goals: [],
          agentTimes: [],
        })}
      />,
    );
    expect(card('contained')).toHaveTextContent('0 · —');
    expect(card('csat')).toHaveTextContent('—');
    expect(card('faqHelpful')).toHaveTextContent('—');
    expect(screen.getByText(/No goals yet/)).toBeInTheDocument();
    expect(screen.getByText(/No handoffs to a queue/)).toBeInTheDocument();
    expect(screen.queryByTestId('csat-distribution')).toBeNull();
  });

  it('puts the compared version’s value under each figure and beside each goal', () => {
    const other = figures({ conversations: { started: 100, contained: 30, handedOff: 60, offline: 0, abandoned: 10, inProgress: 0, erasedOther: 0 } });
    render(<FigureCards figures={figures()} compare={{ version: 3, figures: other }} />);
    expect(within(card('contained')).getByText('v3: 30 · 30%')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'v3' })).toBeInTheDocument();
  });
});
