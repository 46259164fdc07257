import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  flowMigrations,
  migrateFlowDocument,
  type Migration,
} from '../../../runtime/src/schema/migrations';
import { parseFlowDocument } from '../../../runtime/src/schema/flow';
import { validDocument } from './fixtures';

describe('migrateFlowDocument with a synthetic v1 -> v2 migration', () => {
  const renameTitle: Migration = {
    from: 1,
    up: ({ title, ...rest }) => ({ ...rest, name: title }),
  };

  it('lifts a v1 document to v2', () => {
    const result = migrateFlowDocument({ schemaVersion: 1, title: 'Old name', nodes: [] }, [renameTitle], 2);
    expect(result).toEqual({ ok: true, doc: { schemaVersion: 2, name: 'Old name', nodes: [] } });
  });

  it('leaves a v2 document alone and does not touch the input', () => {
    const input = { schemaVersion: 1, title: 'Old', nodes: [] };
    migrateFlowDocument(input, [renameTitle], 2);
    expect(input).toEqual({ schemaVersion: 1, title: 'Old', nodes: [] });
    expect(migrateFlowDocument({ schemaVersion: 2, name: 'New' }, [renameTitle], 2)).toEqual({
      ok: true,
      doc: { schemaVersion: 2, name: 'New' },
    });
  });

  it('chains migrations one version at a time', () => {
    const addTag: Migration = { from: 2, up: (doc) => ({ ...doc, tags: [] }) };
    const result = migrateFlowDocument({ schemaVersion: 1, title: 'T' }, [addTag, renameTitle], 3);
    expect(result).toEqual({ ok: true, doc: { schemaVersion: 3, name: 'T', tags: [] } });
  });

  it('reports a gap in the migration chain', () => {
    expect(migrateFlowDocument({ schemaVersion: 1 }, [], 2)).toMatchObject({ ok: false, path: 'schemaVersion' });
  });
});

describe('migrateFlowDocument with the real migrations', () => {
  it('has one migration per version below the current one', () => {
    expect(flowMigrations.map((m) => m.from).sort()).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('accepts a current document', () => {
    expect(migrateFlowDocument(validDocument())).toMatchObject({ ok: true });
  });

  it('requires schemaVersion', () => {
    const doc = validDocument();
    delete doc.schemaVersion;
    expect(migrateFlowDocument(doc)).toEqual({ ok: false, path: 'schemaVersion', message: 'is required' });
    expect(parseFlowDocument(doc)).toEqual({ ok: false, issues: [{ path: 'schemaVersion', message: 'is required' }] });
  });

  it('refuses a version from the future, asking to upgrade', () => {
    const result = migrateFlowDocument({ ...validDocument(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(result).toMatchObject({ ok: false, path: 'schemaVersion', message: expect.stringContaining('upgrade') });
  });

  it.each([0, 1.5, '1', null])('refuses schemaVersion %j', (version) => {
    expect(migrateFlowDocument({ ...validDocument(), schemaVersion: version })).toMatchObject({ ok: false, path: 'schemaVersion' });
  });

  it.each([null, 'flow', 42, [], undefined])('refuses a non-object document (%j)', (raw) => {
    expect(migrateFlowDocument(raw)).toMatchObject({ ok: false, path: '' });
    expect(parseFlowDocument(raw)).toMatchObject({ ok: false, issues: [{ path: '' }] });
  });
});

describe('privacy settings added within schema version 1', () => {
  it('loads a version-1 document written before them with masking off and no notice', () => {
    const doc = validDocument();
    delete (doc.settings as Record<string, unknown> | undefined)?.privacy;
    const result = parseFlowDocument(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flow.settings.privacy).toEqual({
      mask: { cardNumbers: false, ibans: false, pesel: false, emails: false, phones: false },
      notice: { text: '', linkUrl: '', linkLabel: '' },
    });
  });

  it('refuses a notice link that is not http(s)', () => {
    const doc = { ...validDocument(), settings: { privacy: { notice: { text: 'We keep chats', linkUrl: 'javascript:alert(1)' } } } };
    const result = parseFlowDocument(doc);
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'settings.privacy.notice.linkUrl' }] });
  });
});

describe('migration 1 -> 2: an optional goal on any node', () => {
  it('lifts a version-1 document unchanged apart from the version, and it validates', () => {
    const v1 = { ...validDocument(), schemaVersion: 1 };
    const result = migrateFlowDocument(v1);
    expect(result).toEqual({ ok: true, doc: { ...v1, schemaVersion: 2 } });
    expect(parseFlowDocument(v1)).toMatchObject({ ok: true });
  });

  it('accepts a goal on any kind of node and refuses an empty label', () => {
    const doc = {
      ...validDocument(),
      nodes: [
        { id: 's', type: 'start', position: { x: 0, y: 0 }, data: { goal: { label: 'Started' } } },
        { id: 'e', type: 'end', position: { x: 0, y: 0 }, data: { goal: { label: '  Booking requested ' } } },
      ],
      edges: [{ id: 'se', source: 's', target: 'e' }],
    };
    const ok = parseFlowDocument(doc);
    expect(ok).toMatchObject({ ok: true });
    if (ok.ok) expect(ok.flow.nodes[1]!.data.goal).toEqual({ label: 'Booking requested' });
    const bad = { ...doc, nodes: [doc.nodes[0], { ...doc.nodes[1], data: { goal: { label: ' ' } } }] };
    expect(parseFlowDocument(bad)).toMatchObject({ ok: false, issues: [{ path: 'nodes.1.data.goal.label' }] });
  });
});
