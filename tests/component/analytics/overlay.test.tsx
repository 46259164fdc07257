import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { TrafficBadge } from '../../../editor/src/flow-editor/analytics/TrafficBadge';
import { draftDiffers, useOverlayStore } from '../../../editor/src/flow-editor/analytics/overlayStore';
import { initI18n } from '../../../editor/src/i18n';
import { everyKindDoc } from '../inspector/support';

initI18n('en');
afterEach(() => {
  cleanup();
  useOverlayStore.getState().setState({ status: 'off' });
});

const on = () =>
  useOverlayStore.getState().setState({
    status: 'on', version: 2, from: '2026-11-07', to: '2026-12-06', started: 200,
    nodes: new Map([['bye', { entered: 80, droppedHere: 0 }], ['ask', { entered: 120, droppedHere: 30 }]]),
    edges: new Map(), draftDiffers: false,
  });

describe('canvas overlay', () => {
  it('shows nothing while off, then entered, drop-off share and a goal’s rate', () => {
    const { container } = render(<TrafficBadge nodeId="ask" goal={false} />);
    expect(container).toBeEmptyDOMElement();
    act(on);
    expect(screen.getByTestId('traffic-badge')).toHaveTextContent('120 entered25% left here');
    cleanup();
    render(<TrafficBadge nodeId="bye" goal />);
    expect(screen.getByTestId('traffic-badge')).toHaveTextContent('80 enteredgoal 40%');
    cleanup();
    render(<TrafficBadge nodeId="new-step" goal={false} />);
    expect(screen.getByTestId('traffic-badge')).toHaveTextContent('0 entered');
  });

  it('tells a draft that changed steps or connections from one that only moved them', () => {
    const version = everyKindDoc();
    const moved = version.nodes.map((n) => ({ ...n, position: { x: 99, y: 99 }, selected: true }));
    expect(draftDiffers(version, moved, version.edges)).toBe(false);
    const edited = version.nodes.map((n) => (n.id === 'bye' && n.type === 'end' ? { ...n, data: { text: 'See you' } } : n));
    expect(draftDiffers(version, edited, version.edges)).toBe(true);
    expect(draftDiffers(version, version.nodes, version.edges.slice(1))).toBe(true);
  });
});
