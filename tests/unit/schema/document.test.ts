import { describe, expect, it } from 'vitest';
import { parseFlowDocument } from '../../../runtime/src/schema/flow';
import { validDocument, validNodes } from './fixtures';

describe('flow document', () => {
  it('parses a complete document without changing it', () => {
    const doc = validDocument();
    expect(parseFlowDocument(doc)).toEqual({ ok: true, flow: doc });
  });

  it('fills in defaults for description, locale, variables and every setting', () => {
    const result = parseFlowDocument({ schemaVersion: 2, id: 'f', name: 'Minimal', nodes: [validNodes.start], edges: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flow).toMatchObject({ description: '', locale: 'en', variables: [] });
    expect(result.flow.settings).toEqual({
      sessionTimeoutMinutes: 30,
      fallbackText: "Sorry, I didn't get that.",
      afterRetries: { action: 'handoff' },
      businessHours: { enabled: false, timezone: 'UTC', weekly: [], holidays: [] },
      handoff: {
        defaultQueue: 'support',
        offlineText: "Our team isn't available right now. Please try again during opening hours.",
      },
      allowedOrigins: [],
      widget: {},
      globalIntents: { intents: [] },
      privacy: {
        mask: { cardNumbers: false, ibans: false, pesel: false, emails: false, phones: false },
        notice: { text: '', linkUrl: '', linkLabel: '' },
      },
    });
  });

  it('fills in nested setting defaults next to given ones', () => {
    const result = parseFlowDocument({
      schemaVersion: 2,
      id: 'f',
      name: 'Partial',
      nodes: [],
      edges: [],
      settings: { businessHours: { enabled: true, timezone: 'Europe/Warsaw' } },
    });
    expect(result.ok && result.flow.settings.businessHours).toEqual({ enabled: true, timezone: 'Europe/Warsaw', weekly: [], holidays: [] });
    expect(result.ok && result.flow.settings.sessionTimeoutMinutes).toBe(30);
  });

  it('rejects an unknown time zone at its path', () => {
    const doc = validDocument();
    (doc.settings as any).businessHours.timezone = 'Mars/Olympus';
    expect(parseFlowDocument(doc)).toMatchObject({ ok: false, issues: [{ path: 'settings.businessHours.timezone' }] });
  });

  it('rejects a missing required field and a bad locale', () => {
    const doc = validDocument();
    delete doc.name;
    doc.locale = 'Polish';
    const result = parseFlowDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['name', 'locale']);
  });

  it('rejects an edge without a target', () => {
    const doc = validDocument();
    delete (doc.edges as any[])[0].target;
    expect(parseFlowDocument(doc)).toMatchObject({ ok: false, issues: [{ path: 'edges.0.target' }] });
  });
});
