import { useState } from 'react';
import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  type InvolvedService,
} from '../../../shared/domain/involved';
import { currentAssessmentStatus, revisitOwed } from '../../../shared/referrals/assessment';
import type { FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { href } from '../../app/router';
import { optLabel, useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { useUpdate, type CaseData } from '../cases/useCase';

const SERVICE_FIELDS: FieldSpec[] = [
  { name: 'service', kind: 'text', required: true },
  { name: 'since', kind: 'date', required: true },
  { name: 'until', kind: 'date' },
  { name: 'role', kind: 'textarea' },
  { name: 'contact', kind: 'text' },
];

const STATUS_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  {
    name: 'status',
    kind: 'select',
    options: ASSESSMENT_STATUSES,
    optKey: 'assessmentStatus',
    required: true,
  },
  { name: 'service', kind: 'text', required: true },
  { name: 'note', kind: 'textarea' },
  { name: 'recommendationsRevisited', kind: 'date' },
];

/**
 * Issue 15 item 5: the services involved around the pupil (service, since when, role, contact), so
 * it is clear where responsibility lies when a referral is passed on.
 */
export function InvolvedServicesPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const items = (data.doc.involvedServices ?? []) as InvolvedService[];
  return (
    <Collection<InvolvedService>
      caseId={caseId}
      entity="involvedServices"
      title={t('inv.title')}
      fields={SERVICE_FIELDS}
      items={items}
      keys={data.keys.involvedServices ?? []}
      addLabel={t('inv.add')}
      emptyText={t('inv.none')}
      newDefaults={{ since: todayIso() }}
      render={(s) => (
        <>
          <h3>{s.service}</h3>
          <p className="muted">
            {t('inv.since', { date: nbDate(s.since) })}
            {s.until ? ` ${t('inv.until', { date: nbDate(s.until) })}` : ''}
          </p>
          {s.role ? <p>{s.role}</p> : null}
          {s.contact ? <p>{s.contact}</p> : null}
        </>
      )}
    />
  );
}

/**
 * The assessment's status over time (henvist, pågår, konkludert) with the responsible service.
 * When it changes, the caseworker is asked to revisit the recommendations (the same rule as the
 * `revisit` task: shared/referrals/assessment.ts) and records that it was done.
 */
export function AssessmentStatusPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const items = (data.doc.assessmentStatuses ?? []) as AssessmentStatus[];
  const keys = data.keys.assessmentStatuses ?? [];
  const today = todayIso();
  const seen = (d: string) => d <= today;
  const current = currentAssessmentStatus(data.doc, seen);
  const owed = revisitOwed(data.doc, seen);
  return (
    <>
      {current && (
        <p className="count" data-testid="assessment-current">
          {t('ast.current', {
            status: optLabel(t, 'assessmentStatus', current.s.status),
            service: current.s.service,
            date: nbDate(current.s.date),
          })}
        </p>
      )}
      {owed && keys[owed.item] && <RevisitPrompt caseId={caseId} itemKey={keys[owed.item]!} owed={owed} />}
      <Collection<AssessmentStatus>
        caseId={caseId}
        entity="assessmentStatuses"
        title={t('ast.title')}
        fields={STATUS_FIELDS}
        items={items}
        keys={keys}
        addLabel={t('ast.add')}
        emptyText={t('ast.none')}
        newDefaults={{ date: today, service: current?.s.service ?? data.doc.service }}
        render={(s) => (
          <>
            <h3>
              {optLabel(t, 'assessmentStatus', s.status)} · {s.service}
            </h3>
            <p className="muted">{nbDate(s.date)}</p>
            {s.note ? <p>{s.note}</p> : null}
            {s.recommendationsRevisited ? (
              <p className="muted">{t('ast.revisited', { date: nbDate(s.recommendationsRevisited) })}</p>
            ) : null}
          </>
        )}
      />
    </>
  );
}

function RevisitPrompt({
  caseId,
  itemKey,
  owed,
}: {
  caseId: string;
  itemKey: string;
  owed: NonNullable<ReturnType<typeof revisitOwed>>;
}) {
  const { t, error } = useI18n();
  const update = useUpdate(caseId);
  const [failed, setFailed] = useState<string | null>(null);
  const mark = async () => {
    setFailed(null);
    try {
      await update([
        {
          op: 'set',
          entity: 'assessmentStatuses',
          key: itemKey,
          set: { recommendationsRevisited: todayIso() },
        },
      ]);
    } catch {
      setFailed(error('INTERNAL'));
    }
  };
  return (
    <div className="warn-box" role="status" data-testid="revisit-prompt">
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p>
        {t('ast.revisit', {
          from: optLabel(t, 'assessmentStatus', owed.from),
          to: optLabel(t, 'assessmentStatus', owed.s.status),
        })}
      </p>
      <div className="card-actions">
        <a className="button" href={href({ name: 'case', caseId, tab: 'measures' })}>
          {t('ast.toMeasures')}
        </a>
        <button type="button" className="primary" onClick={() => void mark()}>
          {t('ast.markRevisited')}
        </button>
      </div>
    </div>
  );
}
