import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDown } from 'lucide-react';
import { Menu } from '../ui';
import type { TargetOption } from './phraseTargets';

/**
 * "Add to intent ▾" and its kin: the entries of one kind, grouped under their step, the
 * suggested one first and marked.
 */
export function TargetMenu({
  label,
  menuLabel,
  options,
  stepName,
  disabled,
  onPick,
}: {
  label: string;
  menuLabel: string;
  options: TargetOption[];
  stepName: (nodeId: string) => string;
  disabled: boolean;
  onPick: (option: TargetOption) => void;
}) {
  const { t } = useTranslation('review');
  if (options.length === 0) return null;
  const steps = [...new Set(options.map((o) => o.nodeId))];
  return (
    <Menu
      label={menuLabel}
      trigger={(props) => (
        <button type="button" className="sb-button sb-button--secondary rv-menu-trigger" disabled={disabled} {...props}>
          {label} <ChevronDown size={14} aria-hidden />
        </button>
      )}
    >
      {(close) => (
        <div className="rv-menu">
          {steps.map((nodeId) => (
            <Fragment key={nodeId}>
              {steps.length > 1 && (
                <div className="rv-menu__step" role="presentation">
                  {stepName(nodeId)}
                </div>
              )}
              {options
                .filter((o) => o.nodeId === nodeId)
                .map((o) => (
                  <button
                    key={JSON.stringify(o.ref)}
                    type="button"
                    role="menuitem"
                    className="sb-menu__item rv-menu__item"
                    onClick={() => {
                      close();
                      onPick(o);
                    }}
                  >
                    <span>{o.label}</span>
                    {o.suggested && <span className="rv-tag">{t('suggested')}</span>}
                  </button>
                ))}
            </Fragment>
          ))}
        </div>
      )}
    </Menu>
  );
}
