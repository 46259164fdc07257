import { describe, expect, it } from 'vitest';
import { fromDraft, newReplyId, sameSettings, toDraft, validateOrganization, validateReply } from '../../editor/src/settings/settingsDraft';

const settings = { organizationName: 'Acme', defaultLocale: 'en', inboxHighlightMinutes: 5, cannedReplies: [] };

describe('canned reply ids', () => {
  it('are readable slugs of the title, accents and punctuation dropped', () => {
    expect(newReplyId('Zażółć gęślą jaźń!', [])).toBe('zazolc-gesla-jazn');
    expect(newReplyId('  Opening hours  ', [])).toBe('opening-hours');
  });

  it('never collide with the ids in use', () => {
    expect(newReplyId('Greeting', ['greeting'])).toBe('greeting-2');
    expect(newReplyId('Greeting', ['greeting', 'greeting-2'])).toBe('greeting-3');
  });

  it('fall back to a word when the title has no letters or digits', () => {
    expect(newReplyId('???', [])).toBe('reply');
    expect(newReplyId('!!!', ['reply'])).toBe('reply-2');
  });
});

describe('settings validation', () => {
  it('accepts what the API accepts', () => {
    expect(validateOrganization(toDraft(settings))).toEqual({});
    expect(validateOrganization({ ...toDraft(settings), defaultLocale: 'en-GB', inboxHighlightMinutes: '1440' })).toEqual({});
  });

  it('names each field the API would refuse', () => {
    expect(validateOrganization({ ...toDraft(settings), organizationName: '  ', defaultLocale: 'EN', inboxHighlightMinutes: '2.5' })).toEqual({
      organizationName: 'errors.required',
      defaultLocale: 'errors.locale',
      inboxHighlightMinutes: 'errors.minutes',
    });
    expect(validateOrganization({ ...toDraft(settings), inboxHighlightMinutes: '1441' }).inboxHighlightMinutes).toBe('errors.minutes');
    expect(validateReply({ title: 'x'.repeat(101), text: '' })).toEqual({ title: 'errors.tooLong', text: 'errors.required' });
  });

  it('trims on the way out and compares drafts by what would be saved', () => {
    const draft = { ...toDraft(settings), organizationName: ' Acme ', inboxHighlightMinutes: '5' };
    expect(fromDraft(draft)).toEqual(settings);
    expect(sameSettings(toDraft(settings), draft)).toBe(true);
    expect(sameSettings(toDraft(settings), { ...draft, inboxHighlightMinutes: '6' })).toBe(false);
  });
});
