import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ChangeSummary } from '../../../editor/src/flow-editor/publish/ChangeSummary';
import { initI18n } from '../../../editor/src/i18n';
import { diffFlows, summarize } from '../../../runtime/src/diff';
import { flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';
import { reviewFlow } from '../../api/support/reviewFlow';

initI18n('en');
afterEach(async () => {
  cleanup();
  await initI18n('en').changeLanguage('en');
});

function versions(): { live: FlowDocument; draft: FlowDocument } {
  const live = flowDocumentSchema.parse(reviewFlow());
  const draft = structuredClone(live);
  for (const node of draft.nodes) {
    if (node.type === 'intent') node.data.intents[0]!.examples.push('gdzie jest moja paczka', 'paczka nie doszła');
    if (node.type === 'choice') node.data.options[1]!.synonyms!.push('wysyłka');
  }
  return { live, draft };
}

describe('the publish summary of learned phrases', () => {
  it('says in plain words which intent and option learned which phrases', () => {
    const { live, draft } = versions();
    const diff = diffFlows(live, draft);
    render(<ChangeSummary diff={diff} summary={summarize(diff)} />);
    const learned = screen.getByTestId('phrase-changes');
    expect(within(learned).getByText('What the bot learns to recognise')).toBeInTheDocument();
    const items = within(learned).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Intent “track order”: 2 new example phrases');
    expect(within(items[0]!).getByText('gdzie jest moja paczka')).toBeInTheDocument();
    expect(within(items[0]!).getByText('paczka nie doszła')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Option “Shipping”: 1 new synonym');
    expect(screen.getByText(/Steps: 0 added, 0 removed, 2 changed/)).toBeInTheDocument();
  });

  it('speaks Polish with Polish plural forms', async () => {
    await initI18n('pl').changeLanguage('pl');
    const { live, draft } = versions();
    const diff = diffFlows(live, draft);
    render(<ChangeSummary diff={diff} summary={summarize(diff)} />);
    const items = within(screen.getByTestId('phrase-changes')).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Intencja „track order”: 2 nowe przykładowe frazy');
    expect(items[1]).toHaveTextContent('Opcja „Shipping”: 1 nowy synonim');
  });

  it('shows nothing about phrases when none were added', () => {
    const { live } = versions();
    const draft = { ...live, name: 'Renamed' };
    const diff = diffFlows(live, draft);
    render(<ChangeSummary diff={diff} summary={summarize(diff)} />);
    expect(screen.queryByTestId('phrase-changes')).toBeNull();
  });
});
