import { useState } from 'react';
import {
  BARRIER_LEVELS,
  FACTOR_ASSESSMENTS,
  SCHOOL_FACTORS,
  type Barrier,
} from '../../../shared/domain/schoolSide';
import { missingSchoolFactors } from '../../../shared/school/factors';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate } from '../../app/format';
import { optLabel, useI18n, type TextKey } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { useUpdate, type CaseData } from '../cases/useCase';

const GOAL_FIELDS: FieldSpec[] = [
  { name: 'mainGoal.text', kind: 'text', wide: true },
  { name: 'mainGoal.targetAttendance', kind: 'number' },
];
const UNDERSTANDING_FIELDS: FieldSpec[] = [
  { name: 'schoolUnderstanding', kind: 'textarea' },
  { name: 'parentsUnderstanding', kind: 'textarea' },
];
const FACTOR_FIELDS: FieldSpec[] = SCHOOL_FACTORS.flatMap((f): FieldSpec[] => [
  {
    name: `schoolFactors.${f}.assessed`,
    kind: 'select',
    options: FACTOR_ASSESSMENTS,
    optKey: 'factor',
    label: `school.factor.${f}` as TextKey,
  },
  { name: `schoolFactors.${f}.note`, kind: 'text', label: 'school.factorNote' },
]);
const BARRIER_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'level', kind: 'select', options: BARRIER_LEVELS, required: true },
  { name: 'note', kind: 'textarea', required: true },
];

type Part = 'goal' | 'understandings' | 'factors';
const FIELDS: Record<Part, FieldSpec[]> = {
  goal: GOAL_FIELDS,
  understandings: UNDERSTANDING_FIELDS,
  factors: FACTOR_FIELDS,
};
const TITLES: Record<Part, TextKey> = {
  goal: 'school.goal',
  understandings: 'school.understandings',
  factors: 'school.factors',
};

/**
 * The school side of a case (issue 13): the main goal, the school's and the parents'
 * understanding side by side, the school-factor checklist (complete before an anbefaling or a
 * sakkyndig vurdering is signed: SCHOOL_FACTORS_MISSING), and the barrier log by level.
 */
export function SchoolPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [editing, setEditing] = useState<Part | null>(null);
  const d = data.doc;
  const missing = missingSchoolFactors(d);
  const head = (part: Part) => (
    <div className="panel-head">
      <h2 id={`s-${part}`}>{t(TITLES[part])}</h2>
      <button type="button" onClick={() => setEditing(part)}>
        {t('common.edit')}
        <span className="sr-only"> {t(TITLES[part]).toLowerCase()}</span>
      </button>
    </div>
  );
  const barriers = [...(d.barriers ?? [])].map((b, i) => ({ b, key: data.keys.barriers?.[i] ?? String(i) }));
  return (
    <>
      <section className="panel" aria-labelledby="s-goal">
        {head('goal')}
        <p>
          {d.mainGoal
            ? d.mainGoal.targetAttendance != null
              ? t('school.goalLine', { text: d.mainGoal.text, pct: d.mainGoal.targetAttendance })
              : d.mainGoal.text
            : t('school.goalNone')}
        </p>
      </section>
      <section className="panel" aria-labelledby="s-understandings">
        {head('understandings')}
        <dl className="facts-grid side-by-side">
          <dt>{t('f.case.schoolUnderstanding')}</dt>
          <dd>{d.schoolUnderstanding ?? t('school.understandingNone')}</dd>
          <dt>{t('f.case.parentsUnderstanding')}</dt>
          <dd>{d.parentsUnderstanding ?? t('school.understandingNone')}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="s-factors">
        {head('factors')}
        <p className="muted">{t('school.factorsLead')}</p>
        <p className={missing.length ? 'warn' : 'ok'} role="status" data-testid="factors-status">
          {missing.length
            ? t('school.factorsMissing', {
                list: missing.map((f) => t(`school.factor.${f}` as TextKey).toLowerCase()).join(', '),
              })
            : t('school.factorsDone')}
        </p>
        <table className="data" aria-labelledby="s-factors">
          <thead>
            <tr>
              <th scope="col">{t('school.factors')}</th>
              <th scope="col">{t('school.factorAssessed')}</th>
              <th scope="col">{t('school.factorNote')}</th>
            </tr>
          </thead>
          <tbody>
            {SCHOOL_FACTORS.map((f) => {
              const a = d.schoolFactors?.[f];
              return (
                <tr key={f}>
                  <th scope="row">{t(`school.factor.${f}` as TextKey)}</th>
                  <td>{a ? optLabel(t, 'factor', a.assessed) : t('school.notAssessed')}</td>
                  <td>{a?.note ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <Collection<Barrier>
        caseId={caseId}
        entity="barriers"
        title={t('school.barriers')}
        fields={BARRIER_FIELDS}
        items={barriers.map((x) => x.b)}
        keys={barriers.map((x) => x.key)}
        addLabel={t('school.barriersAdd')}
        emptyText={t('school.barriersNone')}
        render={(b) => (
          <p>
            <strong>{nbDate(b.date)}</strong> · {b.level}: {b.note}
          </p>
        )}
      />
      {editing && (
        <Modal title={t(TITLES[editing])} onClose={() => setEditing(null)}>
          <EntityForm
            entity="case"
            fields={FIELDS[editing]}
            initial={d as unknown as Record<string, unknown>}
            withReason
            onCancel={() => setEditing(null)}
            onSubmit={async (set, reason) => {
              await update([{ op: 'set', entity: 'case', set, ...(reason ? { reason } : {}) }]);
              setEditing(null);
            }}
          />
        </Modal>
      )}
    </>
  );
}
