import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import type { KnowledgeSource } from '../../../editor/src/api';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { dataOf, loadAndSelect, renderUi } from './support';

const list = vi.hoisted(() => vi.fn());
vi.mock(import('../../../editor/src/api'), async (original) => {
  const actual = await original();
  return { ...actual, api: { ...actual.api, knowledge: { ...actual.api.knowledge, list } } };
});

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });
afterEach(() => {
  cleanup();
  list.mockReset();
});

function source(id: string, title: string): KnowledgeSource {
  return {
    id,
    title,
    url: null,
    kind: 'text',
    fileName: null,
    characters: 120,
    passages: 2,
    status: 'ready',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    updatedBy: { id: 'u1', name: 'Ada Lovelace' },
  };
}

function open(sourceIds?: string[]) {
  const doc = flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'kb-sources',
    name: 'Knowledge sources',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'kb', type: 'knowledgeAnswer', position: { x: 0, y: 100 }, data: sourceIds ? { sourceIds } : {} },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'kb' }],
  });
  loadAndSelect('kb', doc);
  return renderUi(<Inspector />);
}

const data = () => dataOf('kb', 'knowledgeAnswer');

describe('Answer from knowledge: which sources it searches', () => {
  it('searches every source by default and reads the list only when the manager picks', async () => {
    list.mockResolvedValue([source('s1', 'Returns policy'), source('s2', 'Router manual')]);
    open();
    expect(screen.getByRole('radio', { name: 'Every knowledge source' })).toBeChecked();
    expect(list).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('radio', { name: 'Only the sources I pick' }));
    const group = screen.getByTestId('knowledge-sources');
    await within(group).findByRole('checkbox', { name: 'Router manual' });
    // Nothing ticked yet: said plainly, and the flow still searches everything rather than nothing.
    expect(within(group).getByRole('alert')).toHaveTextContent('Pick at least one source');
    expect(data().sourceIds).toBeUndefined();
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Router manual' }));
    expect(data().sourceIds).toEqual(['s2']);
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Returns policy' }));
    expect(data().sourceIds).toEqual(['s2', 's1']);
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Router manual' }));
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Returns policy' }));
    // Unticking the last one never saves an empty pick.
    expect(data().sourceIds).toBeUndefined();
    expect(screen.getByRole('radio', { name: 'Only the sources I pick' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Every knowledge source' }));
    expect(data().sourceIds).toBeUndefined();
  });

  it('keeps a picked source that was deleted until it is unticked', async () => {
    list.mockResolvedValue([source('s1', 'Returns policy')]);
    open(['s1', 'gone']);
    const group = screen.getByTestId('knowledge-sources');
    const deleted = await within(group).findByRole('checkbox', { name: 'A deleted source (gone)' });
    expect(deleted).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'Returns policy' })).toBeChecked();
    await userEvent.click(deleted);
    expect(data().sourceIds).toEqual(['s1']);
  });

  it('says when the sources cannot be read, and tries again', async () => {
    list.mockRejectedValueOnce(new Error('offline')).mockResolvedValue([source('s1', 'Returns policy')]);
    open(['s1']);
    const group = screen.getByTestId('knowledge-sources');
    expect(await within(group).findByRole('alert')).toHaveTextContent('could not be loaded');
    await userEvent.click(within(group).getByRole('button', { name: 'Try again' }));
    expect(await within(group).findByRole('checkbox', { name: 'Returns policy' })).toBeChecked();
  });
});
