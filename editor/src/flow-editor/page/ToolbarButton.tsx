import { useTranslation } from 'react-i18next';
import { IconButton } from '../../ui';
import type { ActionContext, EditorAction } from '../actions/types';
import { useEditorStore } from '../store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutLabel(shortcut: string): string {
  return shortcut.replace('Mod', isMac ? '⌘' : 'Ctrl');
}

/** A toolbar button for an action: the same `perform` and `predicate` as its keyboard shortcut. */
export function ToolbarButton({ action, ctx, pressed }: { action: EditorAction; ctx: ActionContext; pressed?: boolean }) {
  const { t } = useTranslation('canvas');
  const enabled = useEditorStore((s) => (action.predicate ? action.predicate(s, ctx) : true));
  const Icon = action.icon;
  const label = t(action.labelKey);
  return (
    <IconButton
      aria-label={label}
      title={action.shortcut ? `${label} (${shortcutLabel(action.shortcut)})` : label}
      aria-keyshortcuts={action.shortcut?.replace('Mod', isMac ? 'Meta' : 'Control')}
      aria-pressed={pressed}
      disabled={!enabled}
      icon={Icon ? <Icon size={16} aria-hidden /> : null}
      onClick={() => action.perform(useEditorStore, ctx)}
    />
  );
}
