import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../editor/src/api';
import { initI18n } from '../../../editor/src/i18n';
import { ConversationView, type ConversationActions } from '../../../editor/src/inbox/conversation/ConversationView';
import { conversation, message } from './fixtures';

beforeAll(() => {
  initI18n('en');
});

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';

function actions(over: Partial<ConversationActions> = {}): ConversationActions {
  return {
    claim: vi.fn(async () => {}),
    reply: vi.fn(async () => {}),
    note: vi.fn(async () => {}),
    transfer: vi.fn(async () => {}),
    returnToBot: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
    typing: vi.fn(),
    ...over,
  };
}

const me = { id: 'u1', role: 'agent' };

describe('ConversationView', () => {
  it('shows bot, customer, agent, notes and system events distinctly, with the captured variables', () => {
    const data = conversation(
      { status: 'active', assignedAgent: { id: 'u1', name: 'Anna' }, note: 'Order A-17', variables: { orderNo: 'A-17', email: 'c@example.com' } },
      [
        message(1, { from: 'bot', text: 'Hello from the bot' }),
        message(2, { from: 'customer', text: 'I need a human' }),
        message(3, { from: 'system', kind: 'event', text: 'agentJoined', agentName: 'Anna' }),
        message(4, { from: 'agent', text: 'Hi, Anna here', agentName: 'Anna' }),
        message(5, { from: 'agent', kind: 'note', text: 'VIP, refund allowed', agentName: 'Ben' }),
      ],
    );
    render(<ConversationView data={data} me={me} customerTyping={false} cannedReplies={[]} actions={actions()} />);
    const transcript = screen.getByRole('list', { name: 'Transcript' });
    expect(transcript).toHaveAttribute('aria-live', 'polite');
    const note = within(transcript).getByText('VIP, refund allowed').closest('li')!;
    expect(note).toHaveClass('sb-msg--note');
    expect(note).toHaveTextContent('Internal note · Ben');
    const reply = within(transcript).getByText('Hi, Anna here').closest('li')!;
    expect(reply).not.toHaveClass('sb-msg--note');
    expect(reply).toHaveClass('sb-msg--agent');
    expect(within(transcript).getByText('Anna joined the conversation')).toBeInTheDocument();
    expect(within(transcript).queryByText('agentJoined')).toBeNull();
    const side = screen.getByRole('complementary', { name: 'Conversation details' });
    expect(within(side).getByText('A-17')).toBeInTheDocument();
    expect(within(side).getByText('c@example.com')).toBeInTheDocument();
    expect(within(side).getByText('Order A-17')).toBeInTheDocument();
  });

  it('words system events in the UI language', async () => {
    const { i18n } = await import('../../../editor/src/i18n');
    await i18n.changeLanguage('pl');
    try {
      const data = conversation({ status: 'closed', resolution: 'returned' }, [message(1, { from: 'system', kind: 'event', text: 'returnedToBot', agentName: 'Anna' })]);
      render(<ConversationView data={data} me={me} customerTyping={false} cannedReplies={[]} actions={actions()} />);
      expect(screen.getByText('Anna oddaje rozmowę botowi')).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('renders script and markup payloads as plain text', () => {
    const data = conversation({ status: 'active', assignedAgent: { id: 'u1', name: 'Anna' }, variables: { name: XSS } }, [
      message(1, { from: 'customer', text: XSS }),
      message(2, { from: 'agent', kind: 'note', text: XSS, agentName: 'Anna' }),
    ]);
    const { container } = render(<ConversationView data={data} me={me} customerTyping={false} cannedReplies={[]} actions={actions()} />);
    expect(screen.getAllByText(XSS).length).toBeGreaterThanOrEqual(3);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('tells the second agent who already took the conversation', async () => {
    const claim = vi.fn(async () => {
      throw new ApiError(409, 'already_claimed', 'Ben has already claimed this conversation', [], null, { assignedAgent: { id: 'u2', name: 'Ben' } });
    });
    render(<ConversationView data={conversation()} me={me} customerTyping={false} cannedReplies={[]} actions={actions({ claim })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Claim' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Already taken by Ben.');
    expect(claim).toHaveBeenCalledOnce();
  });

  it('sends replies and internal notes, inserts canned replies and signals typing', async () => {
    const reply = vi.fn(async () => {});
    const note = vi.fn(async () => {});
    const typing = vi.fn();
    const data = conversation({ status: 'active', assignedAgent: { id: 'u1', name: 'Anna' } }, [message(1)]);
    render(
      <ConversationView
        data={data}
        me={me}
        customerTyping
        cannedReplies={[{ id: 'hi', title: 'Greeting', text: 'Hello! How can I help?' }]}
        actions={actions({ reply, note, typing })}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('The customer is typing…');
    const box = screen.getByLabelText('Reply to the customer');
    await userEvent.selectOptions(screen.getByLabelText('Canned replies'), 'hi');
    expect(box).toHaveValue('Hello! How can I help?');
    await userEvent.type(box, ' Sure');
    expect(typing).toHaveBeenCalledWith(true);
    await userEvent.keyboard('{Enter}');
    expect(reply).toHaveBeenCalledWith('Hello! How can I help? Sure');
    expect(typing).toHaveBeenLastCalledWith(false);
    expect(box).toHaveValue('');

    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    const noteBox = screen.getByLabelText('Internal note', { selector: 'textarea' });
    await userEvent.type(noteBox, 'call back tomorrow');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(note).toHaveBeenCalledWith('call back tomorrow');
    expect(reply).toHaveBeenCalledTimes(1);
  });

  it('asks before closing, and offers return to bot only to the agent holding it', async () => {
    const close = vi.fn(async () => {});
    const data = conversation({ status: 'active', assignedAgent: { id: 'u1', name: 'Anna' } });
    const { unmount } = render(<ConversationView data={data} me={me} customerTyping={false} cannedReplies={[]} actions={actions({ close })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Close this conversation?' });
    expect(close).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close conversation' }));
    expect(close).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Return to bot' })).toBeInTheDocument();
    unmount();

    render(<ConversationView data={data} me={{ id: 'u3', role: 'agent' }} customerTyping={false} cannedReplies={[]} actions={actions()} />);
    expect(screen.queryByRole('button', { name: 'Return to bot' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Reply' })).toBeDisabled();
  });
});
