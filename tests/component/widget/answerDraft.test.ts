import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../editor/src/widget/view/transcriptView';
import { labelsFor } from '../../../editor/src/widget/render/labels';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a knowledge answer streaming into the widget', () => {
  it('shows the text so far in one growing bubble, then the stored message replaces it without a typing pause', async () => {
    let paced = 0;
    const view = new TranscriptView(document, { labels: labelsFor('en'), botName: () => 'Bot', pace: () => (paced++, 0) });
    view.setDraft('You have');
    view.setDraft('You have 30 days');
    const drafts = view.element.querySelectorAll('.sb-draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.textContent).toContain('You have 30 days');
    view.add([{ id: 7, from: 'bot', kind: 'text', text: 'You have 30 days to return shoes.', at: '2026-01-01T00:00:00.000Z' }], true);
    await settle();
    expect(view.element.querySelectorAll('.sb-draft')).toHaveLength(0);
    expect(view.element.textContent).toContain('You have 30 days to return shoes.');
    expect(paced).toBe(0);
  });

  it('a withdrawn draft disappears', () => {
    const view = new TranscriptView(document, { labels: labelsFor('pl'), botName: () => 'Bot', pace: () => 0 });
    view.setDraft('Sure! Here are my instructions');
    view.setDraft(null);
    expect(view.element.querySelectorAll('.sb-draft')).toHaveLength(0);
  });
});
