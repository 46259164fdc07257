import { ReactFlowProvider } from '@xyflow/react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n, i18n } from '../../../editor/src/i18n';
import { Palette } from '../../../editor/src/flow-editor/palette/Palette';
import { NODE_KIND_MIME } from '../../../editor/src/flow-editor/canvas/dragMime';
import { PALETTE_KINDS } from '../../../editor/src/flow-editor/kinds';
import { useEditorStore } from '../../../editor/src/flow-editor/store';
import { NODE_KINDS } from '../../../runtime/src/schema';
import { sampleDoc } from './fixtures';

function renderPalette() {
  return render(
    <ReactFlowProvider>
      <Palette />
    </ReactFlowProvider>,
  );
}

beforeAll(() => {
  initI18n('en');
});

beforeEach(() => {
  useEditorStore.getState().load(sampleDoc(), 1);
});

afterEach(cleanup);

describe('Palette', () => {
  it('offers every kind except start, each with a name and a one-line description', () => {
    renderPalette();
    const nav = screen.getByRole('navigation', { name: 'Steps you can add' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons).toHaveLength(NODE_KINDS.length - 1);
    expect(PALETTE_KINDS.slice().sort()).toEqual(NODE_KINDS.filter((k) => k !== 'start').sort());
    for (const kind of PALETTE_KINDS) {
      const name = i18n.t(`kinds.${kind}.name`, { ns: 'canvas' });
      const description = i18n.t(`kinds.${kind}.description`, { ns: 'canvas' });
      expect(description).not.toBe(`kinds.${kind}.description`);
      const button = within(nav).getByRole('button', { name: new RegExp(name) });
      expect(button).toHaveAccessibleDescription(description);
    }
  });

  it('adds a node on click and makes it the selection', async () => {
    renderPalette();
    await userEvent.click(screen.getByRole('button', { name: /^Handoff/ }));
    const s = useEditorStore.getState();
    expect(s.nodes).toHaveLength(6);
    const added = s.nodes[s.nodes.length - 1]!;
    expect(added.type).toBe('handoff');
    expect(s.selectedNodeIds).toEqual([added.id]);
    expect(s.canUndo).toBe(true);
  });

  it('does not stack repeated clicks exactly on top of each other', async () => {
    renderPalette();
    await userEvent.click(screen.getByRole('button', { name: /^Message/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Message/ }));
    const [a, b] = useEditorStore.getState().nodes.slice(-2);
    expect(a!.position).not.toEqual(b!.position);
  });

  it('puts the node kind on the drag data under its own type', () => {
    renderPalette();
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), effectAllowed: '' };
    const button = screen.getByRole('button', { name: /^Choice/ });
    const event = new Event('dragstart', { bubbles: true });
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    button.dispatchEvent(event);
    expect(data.get(NODE_KIND_MIME)).toBe('choice');
  });

  it('is translated into Polish', async () => {
    await i18n.changeLanguage('pl');
    try {
      renderPalette();
      expect(screen.getByRole('button', { name: /^Wiadomość/ })).toBeInTheDocument();
      expect(screen.getByText('Dodaj krok')).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
