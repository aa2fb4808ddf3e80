import { SERVICES } from '../../../shared/domain/common';
import {
  DECISIONS,
  MILESTONES,
  OUTCOMES,
  REFERRERS,
  SATISFACTION,
  type Referral,
} from '../../../shared/domain/referral';
import { CloseReferral } from './Closing';
import { AssessmentStatusPanel, InvolvedServicesPanel } from './Involved';
import type { FieldSpec } from '../../app/forms';
import { daysBetween, nbDate, todayIso } from '../../app/format';
import { optLabel, useI18n, type TextKey } from '../../app/i18n';
import { Collection } from '../cases/Collection';
import type { CaseData } from '../cases/useCase';

export const REFERRAL_FIELDS: FieldSpec[] = [
  { name: 'id', kind: 'text', required: true },
  { name: 'service', kind: 'select', options: SERVICES },
  { name: 'referredBy', kind: 'select', options: REFERRERS, optKey: 'referredBy' },
  { name: 'reason', kind: 'textarea' },
  { name: 'signal', kind: 'date' },
  { name: 'sent', kind: 'date' },
  { name: 'received', kind: 'date', required: true },
  { name: 'decided', kind: 'date' },
  { name: 'decision', kind: 'select', options: DECISIONS, optKey: 'decision' },
  { name: 'frist', kind: 'date' },
  { name: 'firstContact', kind: 'date' },
  { name: 'assessmentStarted', kind: 'date' },
  { name: 'concluded', kind: 'date' },
  { name: 'firstMeasure', kind: 'date' },
  { name: 'closed', kind: 'date' },
  { name: 'outcome', kind: 'select', options: OUTCOMES, optKey: 'outcome' },
  { name: 'absenceAtReferral', kind: 'number' },
  { name: 'absenceAtFirstContact', kind: 'number' },
  { name: 'closingAbsencePercent', kind: 'number' },
  { name: 'parentsSatisfaction', kind: 'select', options: SATISFACTION, optKey: 'satisfaction' },
  { name: 'note', kind: 'textarea' },
];

/** Referrals with their milestones (each a date) and the days waited for first contact. */
export function ReferralsPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const items = data.doc.referrals ?? [];
  const today = todayIso();
  return (
    <>
      <Collection<Referral>
        caseId={caseId}
        entity="referrals"
        voidable
        title={t('case.tab.referrals')}
        fields={REFERRAL_FIELDS}
        items={items}
        keys={data.keys.referrals ?? []}
        addLabel={t('ref.add')}
        emptyText={t('ref.none')}
        newDefaults={{ id: `henv-${items.length + 1}`, service: data.doc.service }}
        render={(r, i) => (
          <>
            <h3>
              {r.service ?? data.doc.service}
              {r.referredBy ? ` · ${optLabel(t, 'referredBy', r.referredBy)}` : ''} ·{' '}
              <span className="mono">{r.id}</span>
            </h3>
            {r.reason ? <p>{r.reason}</p> : null}
            <p className="waited">
              {r.received &&
                (r.firstContact
                  ? t('ref.waited', { n: daysBetween(r.received, r.firstContact) })
                  : r.closed || r.received > today
                    ? null // a received date after today is a finding, not a wait
                    : t('ref.waiting', { n: daysBetween(r.received, today) }))}
            </p>
            <ol className="milestones" aria-label={t('ref.milestones')}>
              {MILESTONES.map((m) => (
                <li key={m} className={r[m] ? 'done' : 'todo'}>
                  <span className="m-label">{t(`f.referrals.${m}` as TextKey)}</span>
                  <span className="m-date">{nbDate(r[m])}</span>
                </li>
              ))}
            </ol>
            {(r.decision || r.outcome || r.frist) && (
              <p className="muted">
                {r.decision && `${t('f.referrals.decision')}: ${optLabel(t, 'decision', r.decision)}. `}
                {r.frist && `${t('f.referrals.frist')}: ${nbDate(r.frist)}. `}
                {r.outcome && `${t('f.referrals.outcome')}: ${optLabel(t, 'outcome', r.outcome)}.`}
              </p>
            )}
            {!r.closed && !(r as { voided?: unknown }).voided && data.keys.referrals?.[i] && (
              <div className="card-actions">
                <CloseReferral caseId={caseId} data={data} referral={r} itemKey={data.keys.referrals[i]!} />
              </div>
            )}
          </>
        )}
      />
      <AssessmentStatusPanel caseId={caseId} data={data} />
      <InvolvedServicesPanel caseId={caseId} data={data} />
    </>
  );
}
