import { useState } from 'react';
import {
  EARLY_SIGNS,
  RISK_FACTORS,
  RISK_LEVELS,
  TRANSITION_KINDS,
  type TransitionEvent,
} from '../../../shared/domain/pathway';
import { earliestSignal } from '../../../shared/pathway/signals';
import { nextTransition, stageOf } from '../../../shared/pathway/stage';
import { calendarDays } from '../../../shared/calendar/days';
import { DEFAULT_SETTINGS } from '../../../shared/waiting/settings';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { href } from '../../app/router';
import { optLabel, useI18n, type TextKey } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { useUpdate, type CaseData } from '../cases/useCase';

const SIGN_FIELDS: FieldSpec[] = [
  { name: 'earlySigns.firstSignsDate', kind: 'date' },
  { name: 'earlySigns.noticedBy', kind: 'text' },
  ...EARLY_SIGNS.map((s): FieldSpec => ({
    name: `earlySigns.signs.${s}`,
    kind: 'checkbox',
    label: `path.sign.${s}` as TextKey,
  })),
  { name: 'earlySigns.otherSigns', kind: 'textarea' },
  { name: 'earlySigns.firstAbsence', kind: 'date' },
  { name: 'earlySigns.schoolFirstConcern', kind: 'date' },
];
const RISK_FIELDS: FieldSpec[] = [
  ...RISK_LEVELS.flatMap((level) =>
    RISK_FACTORS[level].map((f): FieldSpec => ({
      name: `riskFactors.${level}.${f}`,
      kind: 'checkbox',
      label: `path.risk.${f}` as TextKey,
    })),
  ),
  { name: 'riskFactors.note', kind: 'textarea' },
];
const EVENT_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'kind', kind: 'select', options: TRANSITION_KINDS, optKey: 'transitionKind', required: true },
  { name: 'receivingSchool', kind: 'text' },
  { name: 'note', kind: 'textarea' },
];

type Part = 'signs' | 'risk';

/**
 * The pupil's path (issue 15 items 2 and 3): early signs and where the signal-to-referral lag
 * starts (shared/pathway/signals.ts), the risk checklist, the stage and next transition from the
 * grade (shared/pathway/stage.ts), and the transitions and changes recorded as risk events, with
 * the way to the overgangsbrev.
 */
export function PathwayPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [editing, setEditing] = useState<Part | null>(null);
  const d = data.doc;
  const e = d.earlySigns ?? {};
  const referral = d.referrals?.[0];
  const signal = earliestSignal(d, referral);
  const lag = signal && referral ? calendarDays(signal.date, referral.sent ?? referral.received) : null;
  const signs = EARLY_SIGNS.filter((s) => e.signs?.[s]);
  const today = todayIso();
  const stage = stageOf(d.pupil?.grade);
  const next = nextTransition(d.pupil?.grade, today, DEFAULT_SETTINGS.tasks.schoolYearStart);
  const events = [...(d.transitionEvents ?? [])].map((ev, i) => ({
    ev,
    key: data.keys.transitionEvents?.[i] ?? String(i),
  }));
  const head = (part: Part, title: TextKey) => (
    <div className="panel-head">
      <h2 id={`p-${part}`}>{t(title)}</h2>
      <button type="button" onClick={() => setEditing(part)}>
        {t('common.edit')}
        <span className="sr-only"> {t(title).toLowerCase()}</span>
      </button>
    </div>
  );
  return (
    <>
      <section className="panel" aria-labelledby="p-signs">
        {head('signs', 'path.signs')}
        <p role="status" data-testid="earliest-signal">
          {signal
            ? t('path.signal', {
                date: nbDate(signal.date),
                source: t(`path.source.${signal.source}` as TextKey),
              }) + (lag !== null && lag >= 0 ? ` ${t('path.lag', { days: lag })}` : '')
            : t('path.signalNone')}
        </p>
        <dl className="facts-grid">
          <dt>{t('f.case.earlySigns.firstSignsDate')}</dt>
          <dd>{e.firstSignsDate ? nbDate(e.firstSignsDate) : '–'}</dd>
          <dt>{t('f.case.earlySigns.noticedBy')}</dt>
          <dd>{e.noticedBy ?? '–'}</dd>
          <dt>{t('path.signsList')}</dt>
          <dd>
            {[
              ...signs.map((s) => t(`path.sign.${s}` as TextKey)),
              ...(e.otherSigns ? [e.otherSigns] : []),
            ].join(', ') || '–'}
          </dd>
          <dt>{t('f.case.earlySigns.firstAbsence')}</dt>
          <dd>{e.firstAbsence ? nbDate(e.firstAbsence) : '–'}</dd>
          <dt>{t('f.case.earlySigns.schoolFirstConcern')}</dt>
          <dd>{e.schoolFirstConcern ? nbDate(e.schoolFirstConcern) : '–'}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="p-risk">
        {head('risk', 'path.risk')}
        <dl className="facts-grid">
          {RISK_LEVELS.map((level) => {
            const ticked = RISK_FACTORS[level].filter(
              (f) =>
                (d.riskFactors?.[level] as Record<string, boolean | null | undefined> | null | undefined)?.[
                  f
                ],
            );
            return (
              <div key={level} style={{ display: 'contents' }}>
                <dt>{t(`path.riskLevel.${level}` as TextKey)}</dt>
                <dd>{ticked.map((f) => t(`path.risk.${f}` as TextKey)).join(', ') || t('path.riskNone')}</dd>
              </div>
            );
          })}
          {d.riskFactors?.note && (
            <>
              <dt>{t('f.case.riskFactors.note')}</dt>
              <dd>{d.riskFactors.note}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="panel" aria-labelledby="p-stage">
        <div className="panel-head">
          <h2 id="p-stage">{t('path.stage')}</h2>
          <a className="button" href={href({ name: 'case', caseId, tab: 'letters', sub: 'overgangsbrev' })}>
            {t('path.writeLetter')}
          </a>
        </div>
        <p data-testid="next-transition">
          {stage && next
            ? t(next.to ? 'path.stageLine' : 'path.stageLast', {
                stage: t(`path.stageName.${stage}` as TextKey),
                to: next.to ? t(`path.stageName.${next.to}` as TextKey) : '',
                date: nbDate(next.date),
              })
            : t('path.stageUnknown')}
        </p>
      </section>
      <Collection<TransitionEvent>
        caseId={caseId}
        entity="transitionEvents"
        title={t('path.events')}
        fields={EVENT_FIELDS}
        items={events.map((x) => x.ev)}
        keys={events.map((x) => x.key)}
        addLabel={t('path.eventsAdd')}
        emptyText={t('path.eventsNone')}
        render={(ev) => (
          <p>
            <strong>{nbDate(ev.date)}</strong> · <span className="tag warn">{t('path.riskEvent')}</span>{' '}
            {optLabel(t, 'transitionKind', ev.kind)}
            {ev.receivingSchool ? ` → ${ev.receivingSchool}` : ''}
            {ev.note ? `: ${ev.note}` : ''}
          </p>
        )}
      />
      {editing && (
        <Modal title={t(editing === 'signs' ? 'path.signs' : 'path.risk')} onClose={() => setEditing(null)}>
          <EntityForm
            entity="case"
            fields={editing === 'signs' ? SIGN_FIELDS : RISK_FIELDS}
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
