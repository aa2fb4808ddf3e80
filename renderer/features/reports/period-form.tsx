import { useId, useState, type FormEvent } from 'react';
import { BroError } from '../../../shared/errors';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { DateField } from './controls';
import { QUICK_PERIODS, quickPeriod, validIso, type QuickPeriod } from './period';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Period = { from: string; to: string };
type FieldErrors = { from?: string; to?: string };

/**
 * The period form every report tab shares: the applied selection (starting this year), the two
 * date fields as typed, the quick periods, and the errors that go to a field — a date that is not
 * dd.mm.åååå or an end before the start stays in its field with a message and takes focus, and a
 * period error the handler finds (`path` from/to) shows at the same field.
 */
export function usePeriodForm<S extends Period>(initial: (thisYear: Period) => S) {
  const { issue } = useI18n();
  const today = todayIso();
  const [applied, setApplied] = useState<S>(() => initial(quickPeriod('thisYear', today)));
  const [fromText, setFromText] = useState(nbDate(applied.from));
  const [toText, setToText] = useState(nbDate(applied.to));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const ids = useId();

  /** Reads the form and applies it with `patch`, or keeps the old selection and marks the field. */
  const apply = (patch: Partial<S> = {}, dates?: Period) => {
    const from = dates?.from ?? isoFromInput(fromText);
    const to = dates?.to ?? isoFromInput(toText);
    const errs: FieldErrors = {};
    if (!validIso(from)) errs.from = sentence(issue('DATE_FORMAT'));
    if (!validIso(to)) errs.to = sentence(issue('DATE_FORMAT'));
    if (!errs.from && !errs.to && to < from) errs.to = sentence(issue('PERIOD_ORDER'));
    setFieldErrors(errs);
    if (errs.from || errs.to) {
      document.getElementById(errs.from ? `${ids}-from` : `${ids}-to`)?.focus();
      return;
    }
    setApplied((a) => ({ ...a, ...patch, from, to }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };
  const choose = (kind: QuickPeriod) => {
    const p = quickPeriod(kind, today);
    setFromText(nbDate(p.from));
    setToText(nbDate(p.to));
    apply({}, p);
  };
  const currentQuick = QUICK_PERIODS.find((k) => {
    const p = quickPeriod(k, today);
    return p.from === applied.from && p.to === applied.to;
  });

  /** The handler's issues about the period, when `error` is a refusal. */
  const serverIssues = (error: unknown) => (error instanceof BroError ? error.issues : []);
  /** True when the handler's refusal is about the period, so it shows at the fields, not in a box. */
  const atFields = (error: unknown) =>
    serverIssues(error).some((i) => i.path[0] === 'from' || i.path[0] === 'to');
  const issueAt = (f: 'from' | 'to', error: unknown) => {
    const i = serverIssues(error).find((x) => x.path[0] === f);
    return fieldErrors[f] ?? (i ? sentence(issue(i.code)) : undefined);
  };

  return {
    ids,
    applied,
    apply,
    onSubmit,
    choose,
    currentQuick,
    fromText,
    setFromText,
    toText,
    setToText,
    issueAt,
    atFields,
  };
}

export type PeriodForm<S extends Period> = ReturnType<typeof usePeriodForm<S>>;

/** The quick periods and the two date fields, in the report tabs' filter form. */
export function PeriodFields<S extends Period>({ form, error }: { form: PeriodForm<S>; error: unknown }) {
  const { t } = useI18n();
  return (
    <>
      <div className="wt-quick" role="group" aria-label={t('report.quick')}>
        {QUICK_PERIODS.map((k) => (
          <button key={k} type="button" aria-pressed={form.currentQuick === k} onClick={() => form.choose(k)}>
            {t(`report.quick.${k}`)}
          </button>
        ))}
      </div>
      <DateField
        id={`${form.ids}-from`}
        label={t('report.from')}
        value={form.fromText}
        onChange={form.setFromText}
        error={form.issueAt('from', error)}
      />
      <DateField
        id={`${form.ids}-to`}
        label={t('report.to')}
        value={form.toText}
        onChange={form.setToText}
        error={form.issueAt('to', error)}
      />
    </>
  );
}
