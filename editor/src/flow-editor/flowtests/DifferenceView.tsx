import { useTranslation } from 'react-i18next';
import type { TestDifference } from '@switchboard/runtime';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The first place a run departs from its case: where, then expected against actual. */
export function DifferenceView({ difference: d }: { difference: TestDifference }) {
  const { t } = useTranslation('preview');
  const where =
    d.kind === 'status' || d.kind === 'variable'
      ? t('tests.diff.atEnd')
      : d.kind === 'error'
        ? t('tests.diff.atStep', { step: d.step + 1 })
        : t('tests.diff.atMessage', { step: d.step + 1, message: d.index + 1 });
  const expected = d.kind === 'variable' ? `${d.variable} = ${show(d.expected)}` : d.expected === null ? t('tests.diff.nothing') : show(d.expected);
  const actual = d.kind === 'variable' ? `${d.variable} = ${show(d.actual)}` : d.actual === null ? t('tests.diff.nothing') : show(d.actual);
  return (
    <div className="ft-diff" data-kind={d.kind}>
      <p className="ft-diff__where">
        {where} · {t(`tests.diff.kind.${d.kind}`)}
      </p>
      <dl className="ft-diff__pair">
        <dt>{t('tests.diff.expected')}</dt>
        <dd className="ft-diff__expected">{expected}</dd>
        <dt>{t('tests.diff.actual')}</dt>
        <dd className="ft-diff__actual">{actual}</dd>
      </dl>
    </div>
  );
}
