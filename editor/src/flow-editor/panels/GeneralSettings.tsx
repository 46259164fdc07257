import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';
import { FlowLanguageField } from './FlowLanguageField';
import { identity, parseName } from './settingsParsers';
import { ValidatedInput } from './ValidatedInput';

/** The flow's name, description and language. */
// No props: memo lets edits elsewhere in the panel skip this section; its own selectors re-render it.
export const GeneralSettings = memo(function GeneralSettings() {
  const { t } = useTranslation('panels');
  const name = useEditorStore((s) => s.meta.name);
  const description = useEditorStore((s) => s.meta.description);
  const updateMeta = useEditorStore((s) => s.updateMeta);
  return (
    <fieldset className="sb-settings__group">
      <legend className="sb-settings__title">{t('settings.general')}</legend>
      <div className="sb-field">
        <label htmlFor="sb-flow-name" className="sb-field__label">
          {t('settings.name')}
        </label>
        <ValidatedInput id="sb-flow-name" value={name} format={identity} parse={parseName} maxLength={200} onCommit={(v) => updateMeta({ name: v })} />
      </div>
      <div className="sb-field">
        <label htmlFor="sb-flow-desc" className="sb-field__label">
          {t('settings.description')}
        </label>
        <textarea
          id="sb-flow-desc"
          className="sb-input"
          rows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => updateMeta({ description: e.target.value })}
        />
      </div>
      <FlowLanguageField />
    </fieldset>
  );
});
