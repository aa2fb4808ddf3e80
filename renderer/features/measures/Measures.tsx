import { useEffect, useState } from 'react';
import {
  EVALUATION_DECISIONS,
  EVALUATION_OUTCOMES,
  LABELS,
  LEVELS,
  REASON_CATEGORIES,
  SCHOOL_ANSWERS,
  TARGETS,
  type Recommendation,
} from '../../../shared/domain/recommendation';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { optLabel, useI18n } from '../../app/i18n';
import { replaceRoute } from '../../app/router';
import { Modal } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { PlanFromCatalogue } from '../school/Catalogue';
import { useUpdate, type CaseData } from '../cases/useCase';
import { EndWarning, endsWhileWorking, LogForm, type LogKind } from './LogForms';

export const MEASURE_FIELDS: FieldSpec[] = [
  { name: 'what', kind: 'textarea', required: true },
  { name: 'label', kind: 'select', options: LABELS, optKey: 'label', required: true },
  { name: 'legalRef', kind: 'text' },
  { name: 'target', kind: 'select', options: TARGETS, optKey: 'target', required: true },
  { name: 'responsible.role', kind: 'text' },
  { name: 'responsible.name', kind: 'text' },
  { name: 'leader.role', kind: 'text' },
  { name: 'leader.name', kind: 'text' },
  { name: 'start', kind: 'date' },
  { name: 'frequency', kind: 'text' },
  { name: 'trialPeriod', kind: 'text' },
  { name: 'goal', kind: 'textarea' },
  { name: 'evaluation.date', kind: 'date' },
  { name: 'evaluation.method', kind: 'text' },
  { name: 'evaluation.convenedBy', kind: 'text' },
  { name: 'resources', kind: 'text', wide: true },
  { name: 'schoolAnswer.answer', kind: 'select', options: SCHOOL_ANSWERS, optKey: 'schoolAnswer' },
  { name: 'schoolAnswer.by', kind: 'text' },
  { name: 'schoolAnswer.date', kind: 'date' },
  // Required with «kan ikke» and «med endring» (REASON_CATEGORY_REQUIRED, ALTERNATIVE_REQUIRED).
  {
    name: 'schoolAnswer.reasonCategory',
    kind: 'select',
    options: REASON_CATEGORIES,
    optKey: 'reasonCategory',
  },
  { name: 'schoolAnswer.reason', kind: 'textarea' },
  { name: 'schoolAnswer.alternative', kind: 'textarea' },
  { name: 'level', kind: 'select', options: LEVELS, optKey: 'level' },
  { name: 'predictable', kind: 'checkbox' },
  { name: 'masteryOriented', kind: 'checkbox' },
  { name: 'planningHours.perWeek', kind: 'number' },
  { name: 'planningHours.grantedBy.role', kind: 'text' },
  { name: 'planningHours.grantedBy.name', kind: 'text' },
  { name: 'parentsInPlanning', kind: 'checkbox' },
  { name: 'parentsInChoice', kind: 'checkbox' },
  { name: 'catalogueId', kind: 'text' },
  { name: 'id', kind: 'text', required: true },
];

const EVALUATION_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'outcome', kind: 'select', options: EVALUATION_OUTCOMES, optKey: 'outcomeEval', required: true },
  { name: 'decision', kind: 'select', options: EVALUATION_DECISIONS, optKey: 'decisionEval', required: true },
  { name: 'decidedBy', kind: 'text', required: true },
  // Required when the measure goes on (NEXT_EVALUATION_REQUIRED, shared/measures/rules.ts).
  { name: 'nextEvaluation', kind: 'date', hint: 'mea.nextEvaluationHint' },
  // The pupil's own view, or why it is missing (PUPIL_VIEW_OR_REASON_REQUIRED, shared/family/rules.ts).
  { name: 'pupilView', kind: 'textarea' },
  { name: 'pupilViewMissing', kind: 'text', hint: 'f.evaluations.pupilViewMissingHint' },
  { name: 'parentsView', kind: 'textarea' },
  { name: 'why', kind: 'textarea' },
];

/** What a letter needs of a measure (DESIGN §2) that this one still lacks. */
const LETTER_NEEDS = [
  'responsible',
  'leader',
  'start',
  'frequency',
  'trialPeriod',
  'goal',
  'evaluation',
  'resources',
] as const;

/**
 * Measures by responsible role, each with every field a letter needs, its school answer and its
 * evaluations. `sub` `evaluate-<n>` (from the tasks view) opens the evaluation form of the n-th
 * measure in the case.
 */
export function MeasuresPanel({
  caseId,
  data,
  sub,
}: {
  caseId: string;
  data: CaseData;
  sub?: string | undefined;
}) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [evaluating, setEvaluating] = useState<{ key: string; what: string } | null>(null);
  const [logging, setLogging] = useState<{ key: string; kind: LogKind } | null>(null);
  // An evaluation that would end a measure that works waits here for the caseworker's answer.
  const [pendingEnd, setPendingEnd] = useState<Record<string, unknown> | null>(null);
  const [evalDraft, setEvalDraft] = useState<Record<string, unknown> | null>(null);
  const recOf = (key: string) => recs[keys.indexOf(key)];
  const recs = data.doc.recommendations ?? [];
  const keys = data.keys.recommendations ?? [];
  const evaluateIndex = /^evaluate-(\d+)$/u.exec(sub ?? '')?.[1];
  useEffect(() => {
    if (evaluateIndex === undefined) return;
    const i = Number(evaluateIndex);
    const r = recs[i];
    const key = keys[i];
    if (r && key) setEvaluating({ key, what: r.what });
    // The address goes back to the tab, so the form does not open again on the next visit.
    replaceRoute({ name: 'case', caseId, tab: 'measures' });
    // Opened once per address (not again when the case data changes).
  }, [evaluateIndex, caseId]);
  // Grouped by responsible role: who at school does what is the point of a measure.
  const order = recs
    .map((r, i) => ({ r, key: keys[i]! }))
    .sort((a, b) => (a.r.responsible?.role ?? '~').localeCompare(b.r.responsible?.role ?? '~', 'nb'));
  return (
    <>
      <PlanFromCatalogue
        caseId={caseId}
        fields={MEASURE_FIELDS}
        defaults={{ id: `tiltak-${recs.length + 1}`, label: 'Anbefaling', target: 'elev' }}
      />
      <Collection<Recommendation>
        caseId={caseId}
        entity="recommendations"
        voidable
        title={t('case.tab.measures')}
        fields={MEASURE_FIELDS}
        items={order.map((o) => o.r)}
        keys={order.map((o) => o.key)}
        addLabel={t('mea.add')}
        emptyText={t('mea.none')}
        newDefaults={{ id: `tiltak-${recs.length + 1}`, label: 'Anbefaling', target: 'elev' }}
        render={(r) => {
          const missing = LETTER_NEEDS.filter((k) => r[k] == null || r[k] === '');
          const evals = [...(r.evaluations ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
          return (
            <>
              <p className="kicker">
                {t('mea.byRole', { role: r.responsible?.role ?? '–' })}
                <span className={`badge label-${r.label}`}>{optLabel(t, 'label', r.label)}</span>
                <span className="badge">{optLabel(t, 'target', r.target)}</span>
              </p>
              <h3>{r.what}</h3>
              <dl className="facts-grid">
                <dt>{t('mea.responsible')}</dt>
                <dd>
                  {r.responsible
                    ? `${r.responsible.role}${r.responsible.name ? `: ${r.responsible.name}` : ''}`
                    : '–'}
                </dd>
                <dt>{t('mea.leader')}</dt>
                <dd>{r.leader ? `${r.leader.role}${r.leader.name ? `: ${r.leader.name}` : ''}` : '–'}</dd>
                <dt>{t('f.recommendations.start')}</dt>
                <dd>{nbDate(r.start)}</dd>
                <dt>{t('f.recommendations.frequency')}</dt>
                <dd>{r.frequency ?? '–'}</dd>
                <dt>{t('f.recommendations.trialPeriod')}</dt>
                <dd>{r.trialPeriod ?? '–'}</dd>
                <dt>{t('f.recommendations.goal')}</dt>
                <dd>{r.goal ?? '–'}</dd>
                <dt>{t('mea.evaluation')}</dt>
                <dd>
                  {r.evaluation
                    ? `${nbDate(r.evaluation.date)} · ${r.evaluation.method} · ${r.evaluation.convenedBy}`
                    : '–'}
                </dd>
                <dt>{t('f.recommendations.resources')}</dt>
                <dd>{r.resources ?? '–'}</dd>
                {r.legalRef && (
                  <>
                    <dt>{t('f.recommendations.legalRef')}</dt>
                    <dd>{r.legalRef}</dd>
                  </>
                )}
                <dt>{t('mea.schoolAnswer')}</dt>
                <dd>
                  {r.schoolAnswer
                    ? `${optLabel(t, 'schoolAnswer', r.schoolAnswer.answer)} (${r.schoolAnswer.by}, ${nbDate(r.schoolAnswer.date)})${r.schoolAnswer.reason ? ` – ${r.schoolAnswer.reason}` : ''}`
                    : '–'}
                </dd>
              </dl>
              <MeasureLog r={r} />
              {missing.length > 0 && (
                <p className="warn">
                  {t('mea.missing')}{' '}
                  {missing.map((k) => t(`f.recommendations.${k}`).toLowerCase()).join(', ')}
                </p>
              )}
              <h4>{t('mea.evaluations')}</h4>
              {evals.length === 0 ? (
                <p className="muted">{t('mea.noEvaluations')}</p>
              ) : (
                <ul className="evals">
                  {evals.map((e, i) => (
                    <li key={i}>
                      <strong>{nbDate(e.date)}</strong>: {optLabel(t, 'outcomeEval', e.outcome)} →{' '}
                      {optLabel(t, 'decisionEval', e.decision)} ({e.decidedBy})
                      {e.nextEvaluation && (
                        <span className="sub">
                          {t('mea.nextEvaluationOn', { date: nbDate(e.nextEvaluation) })}
                        </span>
                      )}
                      {e.pupilView && (
                        <span className="sub">{`${t('f.evaluations.pupilView')}: ${e.pupilView}`}</span>
                      )}
                      {!e.pupilView && e.pupilViewMissing && (
                        <span className="sub">{`${t('f.evaluations.pupilViewMissing')}: ${e.pupilViewMissing}`}</span>
                      )}
                      {e.parentsView && (
                        <span className="sub">{`${t('f.evaluations.parentsView')}: ${e.parentsView}`}</span>
                      )}
                      {e.why && <span className="sub">{`${t('f.evaluations.why')}: ${e.why}`}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
        extraActions={(r, key) => (
          <>
            <button type="button" onClick={() => setEvaluating({ key, what: r.what })}>
              {t('mea.evaluate')}
              <span className="sr-only">: {r.what}</span>
            </button>
            {(['implementation', 'occurrences', 'checkIns', 'statusChanges'] as const).map((kind) => (
              <button key={kind} type="button" onClick={() => setLogging({ key, kind })}>
                {t(`mea.log.${kind}`)}
                <span className="sr-only">: {r.what}</span>
              </button>
            ))}
          </>
        )}
      />
      {evaluating && (
        <Modal
          title={`${t('mea.evaluate')}: ${evaluating.what}`}
          onClose={() => {
            setEvaluating(null);
            setPendingEnd(null);
            setEvalDraft(null);
          }}
        >
          {pendingEnd ? (
            <EndWarning
              onBack={() => {
                setEvalDraft(pendingEnd);
                setPendingEnd(null);
              }}
              onConfirm={async () => {
                await update([
                  {
                    op: 'set',
                    entity: 'evaluations',
                    parent: evaluating.key,
                    set: { ...pendingEnd, endWarningSeen: new Date().toISOString() },
                  },
                ]);
                setPendingEnd(null);
                setEvalDraft(null);
                setEvaluating(null);
              }}
            />
          ) : (
            <EntityForm
              entity="evaluations"
              fields={EVALUATION_FIELDS}
              initial={evalDraft ?? { date: todayIso() }}
              isNew
              // A case rule's path ends in the evaluation's own field: case.recommendations[i].evaluations[j].<field>.
              skip={(p) => (p[0] === 'case' ? 5 : p[0] === 'changes' ? 3 : 0)}
              onCancel={() => setEvaluating(null)}
              onSubmit={async (set) => {
                const r = recOf(evaluating.key);
                // ENDS_WORKING_MEASURE: warn first, and record that the warning was seen.
                if (r && endsWhileWorking(r, 'evaluations', set)) {
                  setPendingEnd(set);
                  return;
                }
                await update([{ op: 'set', entity: 'evaluations', parent: evaluating.key, set }]);
                setEvaluating(null);
              }}
            />
          )}
        </Modal>
      )}
      {logging && recOf(logging.key) && (
        <LogForm
          caseId={caseId}
          kind={logging.kind}
          rec={recOf(logging.key)!}
          recKey={logging.key}
          onClose={() => setLogging(null)}
        />
      )}
    </>
  );
}

/**
 * What happened: the school's and the parents' reports side by side (disagreement highlighted),
 * the occurrences of a recurring measure (gaps show), check-ins and status changes.
 */
function MeasureLog({ r }: { r: Recommendation }) {
  const { t } = useI18n();
  const reports = [...(r.implementation ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const school = reports.filter((x) => x.by === 'skole').at(-1);
  const parents = reports.filter((x) => x.by === 'foresatte').at(-1);
  const disagree = school != null && parents != null && school.inPlace !== parents.inPlace;
  const say = (x: typeof school) =>
    x
      ? `${x.inPlace ? t('mea.inPlace') : t('mea.notInPlace')} (${nbDate(x.date)})${x.note ? ` – ${x.note}` : ''}`
      : '–';
  const occ = [...(r.occurrences ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const checks = [...(r.checkIns ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const status = [...(r.statusChanges ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  return (
    <>
      {reports.length > 0 && (
        <>
          <h4>{t('mea.implementation')}</h4>
          <dl className={`facts-grid${disagree ? ' disagree' : ''}`}>
            <dt>{t('mea.bySchool')}</dt>
            <dd>{say(school)}</dd>
            <dt>{t('mea.byParents')}</dt>
            <dd>{say(parents)}</dd>
          </dl>
          {disagree && (
            <p className="warn" role="note">
              {t('mea.disagree')}
            </p>
          )}
        </>
      )}
      {occ.length > 0 && (
        <>
          <h4>{t('mea.occurrences')}</h4>
          <ul className="evals">
            {occ.map((o, i) => (
              <li key={i} className={o.held ? undefined : 'warn'}>
                <strong>{nbDate(o.date)}</strong>: {o.held ? t('mea.held') : t('mea.notHeld')}
                {o.note ? ` – ${o.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {checks.length > 0 && (
        <>
          <h4>{t('mea.checkIns')}</h4>
          <ul className="evals">
            {checks.map((c, i) => (
              <li key={i}>
                <strong>{nbDate(c.date)}</strong>: {optLabel(t, 'checkInResult', c.result)}
                {c.by ? ` (${c.by})` : ''}
                {c.note ? ` – ${c.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {status.length > 0 && (
        <>
          <h4>{t('mea.statusChanges')}</h4>
          <ul className="evals">
            {status.map((c, i) => (
              <li key={i}>
                <strong>{nbDate(c.date)}</strong>: {optLabel(t, 'measureStatus', c.status)} ({c.by})
                {c.reason ? ` – ${c.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
