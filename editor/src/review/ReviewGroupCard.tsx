import { useTranslation } from 'react-i18next';
import { Plus, X } from 'lucide-react';
import { Button } from '../ui';
import type { UnrecognizedGroup } from '../api';
import { formatDateTime, formatRelativeTime } from '../i18n/format';
import { TargetMenu } from './TargetMenu';
import { suggestedTarget, targetsForGroup, type TargetOption, type TargetsByKind } from './phraseTargets';

export interface GroupActions {
  add: (group: UnrecognizedGroup, option: TargetOption) => void;
  dismiss: (group: UnrecognizedGroup) => void;
}

/** One group of near-duplicate messages: what was written, how often and where, and one click to teach or dismiss it. */
export function ReviewGroupCard({
  group,
  targets,
  stepName,
  busy,
  now,
  actions,
}: {
  group: UnrecognizedGroup;
  targets: TargetsByKind;
  stepName: (nodeId: string | null) => string;
  busy: boolean;
  now: Date;
  actions: GroupActions;
}) {
  const { t, i18n } = useTranslation('review');
  const locale = i18n.language;
  const options = targetsForGroup(targets, group);
  const suggested = suggestedTarget(options, group);
  const others = group.examples.filter((e) => e !== group.text);
  return (
    <li className="rv-group" data-testid="review-group">
      <div className="rv-group__main">
        <p className="rv-group__text">
          <span className="rv-count" title={t('countLabel', { count: group.count })} aria-label={t('countLabel', { count: group.count })}>
            {t('count', { count: group.count })}
          </span>
          <q>{group.text}</q>
        </p>
        {others.length > 0 && (
          <p className="rv-group__also">
            {t('alsoWritten')}:{' '}
            {others.map((e) => (
              <q key={e} className="rv-example">
                {e}
              </q>
            ))}
          </p>
        )}
        <p className="rv-group__meta">
          {group.reasons.map((r) => (
            <span key={r} className="rv-reason" title={t(`reasons.${r}`)}>
              {t(`reasonShort.${r}`)}
            </span>
          ))}
          <span>{t('atStep', { step: group.nodes.map((n) => stepName(n.nodeId)).join(', ') })}</span>
          <time dateTime={group.lastSeen} title={formatDateTime(group.lastSeen, locale)}>
            {t('lastSeen', { when: formatRelativeTime(group.lastSeen, locale, now) })}
          </time>
          {formatRelativeTime(group.firstSeen, locale, now) !== formatRelativeTime(group.lastSeen, locale, now) && (
            <time dateTime={group.firstSeen} title={formatDateTime(group.firstSeen, locale)}>
              {t('firstSeen', { when: formatRelativeTime(group.firstSeen, locale, now) })}
            </time>
          )}
        </p>
      </div>
      <div className="rv-group__actions">
        {suggested && (
          <Button variant="primary" size="sm" icon={<Plus size={14} aria-hidden />} disabled={busy} onClick={() => actions.add(group, suggested)}>
            {t('addSuggested', { target: suggested.label })}
          </Button>
        )}
        <TargetMenu label={t('addToIntent')} menuLabel={t('menuIntent')} options={options.intent} stepName={stepName} disabled={busy} onPick={(o) => actions.add(group, o)} />
        <TargetMenu label={t('addToFaq')} menuLabel={t('menuFaq')} options={options.faq} stepName={stepName} disabled={busy} onPick={(o) => actions.add(group, o)} />
        <TargetMenu label={t('addAsSynonym')} menuLabel={t('menuChoice')} options={options.choice} stepName={stepName} disabled={busy} onPick={(o) => actions.add(group, o)} />
        <Button variant="ghost" size="sm" icon={<X size={14} aria-hidden />} disabled={busy} onClick={() => actions.dismiss(group)}>
          {t('dismiss')}
        </Button>
      </div>
    </li>
  );
}
