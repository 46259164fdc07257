import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { intentFaqHttpDoc } from './intentFaqHttpDoc';
import { loadAndSelect } from './support';

afterEach(cleanup);

/** The placeholder shows what the bot says when the field is left empty: the flow's language decides. */
function openInPolishFlow(nodeId: string) {
  loadAndSelect(nodeId, { ...intentFaqHttpDoc(), locale: 'pl' });
  render(<Inspector />);
}

describe('default wording placeholders in a Polish flow', () => {
  it('the FAQ feedback question shows the Polish default', async () => {
    openInPolishFlow('help');
    await userEvent.click(screen.getByLabelText('Ask "Did that help?" after answering'));
    expect(screen.getByRole('combobox', { name: 'Feedback question' })).toHaveAttribute('placeholder', 'Czy to pomogło?');
  });

  it('the satisfaction comment question shows the Polish default', async () => {
    openInPolishFlow('rate');
    await userEvent.click(screen.getByLabelText('Then ask for a comment'));
    expect(screen.getByRole('combobox', { name: 'Comment question' })).toHaveAttribute('placeholder', 'Dziękujemy! Czy chcesz coś dodać?');
  });
});
