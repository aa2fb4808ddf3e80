import { useId, useState } from 'react';
import { absenceRateAt, monthlyAbsence } from '../../../shared/absence/monthly';
import { OUTCOMES, SATISFACTION, type Referral } from '../../../shared/domain/referral';
import { BroError, type Issue } from '../../../shared/errors';
import { href } from '../../app/router';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { optLabel, useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useRegisters } from '../registers/people';
import { useUpdate, type CaseData } from '../cases/useCase';

const pct = (n: number | null | undefined) => (n == null ? '–' : `${String(n).replace('.', ',')} %`);

/**
 * «Avslutt henvisningen» (issue 15 item 5): the closing day, whether the pupil is back at school
 * (helt / delvis / ikke), the absence rate at closing beside the rate at intake (from the school's
 * figures, editable), and the parents' satisfaction if they answered. It goes through
 * `cases.update`, so the shared rule decides: without an issued avslutningsbrev the service
 * refuses with CLOSING_LETTER_REQUIRED, and the form says so with the way to write the letter.
 */
export function CloseReferral({
  caseId,
  data,
  referral,
  itemKey,
}: {
  caseId: string;
  data: CaseData;
  referral: Referral;
  itemKey: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={t('close.buttonFor', { id: referral.id })}
        onClick={() => setOpen(true)}
      >
        {t('close.button')}
      </button>
      {open && (
        <Modal title={t('close.title', { id: referral.id })} onClose={() => setOpen(false)}>
          <ClosingForm
            caseId={caseId}
            data={data}
            referral={referral}
            itemKey={itemKey}
            onDone={() => setOpen(false)}
          />
        </Modal>
      )}
    </>
  );
}

function ClosingForm({
  caseId,
  data,
  referral,
  itemKey,
  onDone,
}: {
  caseId: string;
  data: CaseData;
  referral: Referral;
  itemKey: string;
  onDone: () => void;
}) {
  const { t, issue, error } = useI18n();
  const id = useId();
  const update = useUpdate(caseId);
  const holidays = useRegisters().data?.schoolHolidays ?? [];
  const [closed, setClosed] = useState(nbDate(todayIso()));
  const closedIso = isoFromInput(closed);
  const months = monthlyAbsence(data.doc.absence ?? [], { holidays });
  const intake = referral.absenceAtReferral ?? absenceRateAt(months, referral.received).percent;
  const computed = /^\d{4}-\d{2}-\d{2}$/u.test(closedIso) ? absenceRateAt(months, closedIso).percent : null;
  const [outcome, setOutcome] = useState<string>(referral.outcome ?? '');
  const [absence, setAbsence] = useState<string>(
    referral.closingAbsencePercent != null ? String(referral.closingAbsencePercent) : '',
  );
  const [satisfaction, setSatisfaction] = useState<string>(referral.parentsSatisfaction ?? '');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [needsLetter, setNeedsLetter] = useState(false);
  const [busy, setBusy] = useState(false);
  const closingRate = absence.trim() === '' ? computed : Number(absence.replace(',', '.'));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailed(null);
    setNeedsLetter(false);
    if (!outcome) {
      setOutcomeMissing(true);
      document.getElementById(`${id}-outcome`)?.focus();
      return;
    }
    setOutcomeMissing(false);
    setBusy(true);
    try {
      await update([
        {
          op: 'set',
          entity: 'referrals',
          key: itemKey,
          set: {
            closed: closedIso,
            outcome,
            ...(closingRate != null && Number.isFinite(closingRate)
              ? { closingAbsencePercent: closingRate }
              : {}),
            ...(satisfaction ? { parentsSatisfaction: satisfaction } : {}),
          },
        },
      ]);
      onDone();
    } catch (err) {
      setBusy(false);
      if (!(err instanceof BroError)) return setFailed(error('INTERNAL'));
      const issues = (err.issues ?? []) as Issue[];
      if (issues.some((i) => i.code === 'CLOSING_LETTER_REQUIRED')) {
        setNeedsLetter(true);
        return;
      }
      const first = issues[0];
      setFailed(first ? `${error(err.code)} ${issue(first.code)}` : error(err.code));
    }
  };

  return (
    <form className="entity-form" onSubmit={(e) => void submit(e)} noValidate>
      {failed && <ErrorBox>{failed}</ErrorBox>}
      {needsLetter && (
        <div className="error-box" role="alert">
          <p>{t('close.needsLetter')}</p>
          <a
            className="button primary"
            href={href({ name: 'case', caseId, tab: 'letters', sub: 'avslutningsbrev' })}
          >
            {t('close.writeLetter')}
          </a>
        </div>
      )}
      <p className="hint">{t('close.lead')}</p>
      <div className="field">
        <label htmlFor={`${id}-closed`}>{t('f.referrals.closed')}</label>
        <input
          id={`${id}-closed`}
          type="text"
          autoComplete="off"
          placeholder={t('common.dateHint')}
          value={closed}
          onChange={(e) => setClosed(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('close.outcome')}</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          aria-invalid={outcomeMissing || undefined}
          aria-describedby={outcomeMissing ? `${id}-outcome-err` : undefined}
          onChange={(e) => setOutcome(e.target.value)}
        >
          <option value="">{t('close.choose')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {optLabel(t, 'outcome', o)}
            </option>
          ))}
        </select>
        {outcomeMissing && (
          <p id={`${id}-outcome-err`} className="field-error">
            {t('close.outcomeRequired')}
          </p>
        )}
      </div>
      <p data-testid="closing-absence">
        {t('close.absenceCompare', { intake: pct(intake), closing: pct(closingRate) })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-absence`}>{t('f.referrals.closingAbsencePercent')}</label>
        <input
          id={`${id}-absence`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder={computed != null ? String(computed).replace('.', ',') : ''}
          value={absence}
          onChange={(e) => setAbsence(e.target.value)}
          aria-describedby={`${id}-absence-hint`}
        />
        <p id={`${id}-absence-hint`} className="hint">
          {computed != null ? t('close.absenceFromFigures') : t('close.absenceNoFigures')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sat`}>{t('f.referrals.parentsSatisfaction')}</label>
        <select id={`${id}-sat`} value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)}>
          <option value="">{t('close.notAsked')}</option>
          {SATISFACTION.map((s) => (
            <option key={s} value={s}>
              {optLabel(t, 'satisfaction', s)}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('close.submit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
