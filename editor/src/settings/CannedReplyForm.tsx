import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../ui';
import { LIMITS, validateReply, type FieldErrors } from './settingsDraft';

export interface CannedReplyFormProps {
  initial: { title: string; text: string };
  mode: 'add' | 'edit';
  onApply: (reply: { title: string; text: string }) => void;
  onCancel: () => void;
}

/** Title and text of one reply; used in place of the row being edited, or under the list for a new one. */
export function CannedReplyForm({ initial, mode, onApply, onCancel }: CannedReplyFormProps) {
  const { t } = useTranslation('settings');
  const [title, setTitle] = useState(initial.title);
  const [text, setText] = useState(initial.text);
  const [errors, setErrors] = useState<FieldErrors>({});
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const textId = useId();

  useEffect(() => titleRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateReply({ title, text });
    setErrors(found);
    if (Object.keys(found).length === 0) onApply({ title: title.trim(), text: text.trim() });
  }

  return (
    <form
      className="sb-settings__reply-form"
      aria-labelledby={headingId}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      noValidate
    >
      <h3 id={headingId} className="sb-settings__reply-form-title">
        {mode === 'add' ? t('canned.formAdd') : t('canned.formEdit')}
      </h3>
      <TextField
        ref={titleRef}
        label={t('canned.title')}
        value={title}
        maxLength={LIMITS.replyTitle}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title ? t(errors.title) : undefined}
      />
      <div className="sb-field">
        <label htmlFor={textId} className="sb-field__label">
          {t('canned.text')}
        </label>
        <textarea
          id={textId}
          className="sb-input sb-settings__textarea"
          rows={3}
          value={text}
          maxLength={LIMITS.replyText}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${textId}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {errors.text && (
          <span id={`${textId}-error`} className="sb-field__error" role="alert">
            {t(errors.text)}
          </span>
        )}
      </div>
      <div className="sb-settings__row-actions">
        <Button type="submit" variant="primary" size="sm">
          {t('canned.apply')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('canned.cancel')}
        </Button>
      </div>
    </form>
  );
}
