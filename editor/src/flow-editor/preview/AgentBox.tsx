import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';

interface AgentBoxProps {
  onSend: (text: string) => void;
  onReturn: () => void;
  onClose: () => void;
}

/** During a handoff the previewer plays the agent, as someone in the inbox would. */
export function AgentBox({ onSend, onReturn, onClose }: AgentBoxProps) {
  const { t } = useTranslation('preview');
  const [text, setText] = useState('');
  const send = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  };
  return (
    <section className="pv-agent" aria-label={t('agent.title')}>
      <h3 className="pv-subtitle">{t('agent.title')}</h3>
      <form
        className="pv-agent__form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <input
          className="pv-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('agent.placeholder')}
          aria-label={t('agent.placeholder')}
        />
        <Button type="submit" size="sm" disabled={!text.trim()}>
          {t('agent.send')}
        </Button>
      </form>
      <div className="pv-row">
        <Button size="sm" onClick={onReturn}>
          {t('agent.returnToBot')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t('agent.close')}
        </Button>
      </div>
    </section>
  );
}
