import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { SettingsPanel } from '../../../editor/src/flow-editor/panels/SettingsPanel';
import { loadAndSelect, renderUi, store } from '../inspector/support';

afterEach(cleanup);

const privacy = () => store().meta.settings.privacy;

describe('Flow settings → Privacy', () => {
  it('turns masking on per kind and sets the widget notice', () => {
    loadAndSelect(null);
    renderUi(<SettingsPanel />);
    fireEvent.click(screen.getByLabelText(/Payment card numbers/));
    fireEvent.click(screen.getByLabelText(/E-mail addresses/));
    expect(privacy().mask).toEqual({ cardNumbers: true, ibans: false, pesel: false, emails: true, phones: false });
    fireEvent.change(screen.getByLabelText('Privacy notice in the chat'), { target: { value: 'We keep chats for 90 days.' } });
    fireEvent.change(screen.getByLabelText('Link to your privacy policy'), { target: { value: 'https://shop.example.com/privacy' } });
    fireEvent.change(screen.getByLabelText('Link text'), { target: { value: 'Our policy' } });
    expect(privacy().notice).toEqual({ text: 'We keep chats for 90 days.', linkUrl: 'https://shop.example.com/privacy', linkLabel: 'Our policy' });
  });

  it('keeps a non-web link on screen with an error and out of the flow', () => {
    loadAndSelect(null);
    renderUi(<SettingsPanel />);
    fireEvent.change(screen.getByLabelText('Link to your privacy policy'), { target: { value: 'javascript:alert(1)' } });
    expect(screen.getByRole('alert')).toHaveTextContent('https://shop.example.com/privacy');
    expect(privacy().notice.linkUrl).toBe('');
  });
});
