import { useState } from 'react';
import type { ConcernReport } from '../../../shared/domain/consent';
import {
  PROPOSAL_RESPONSES,
  type Hearing,
  type Proposal,
  type PupilVoiceEntry,
} from '../../../shared/domain/family';
import { LETTER_KINDS } from '../../../shared/letters/kinds';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { optLabel, useI18n, type TextKey } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { Collection } from './Collection';
import { useUpdate, type CaseData } from './useCase';

type Part = 'pupilVoice' | 'parentsView' | 'expectations';
const FIELDS: Record<Part, FieldSpec[]> = {
  pupilVoice: [{ name: 'pupilVoice', kind: 'textarea' }],
  parentsView: [{ name: 'parentsView', kind: 'textarea', hint: 'voice.parentsHint' }],
  expectations: [
    { name: 'expectations.canOffer', kind: 'textarea' },
    { name: 'expectations.cannotOffer', kind: 'textarea' },
    { name: 'expectations.timeline', kind: 'textarea' },
    { name: 'expectations.commitments', kind: 'textarea' },
    { name: 'expectations.parentsAskedTo', kind: 'textarea' },
    { name: 'expectations.contactFrequency', kind: 'text' },
    { name: 'expectations.disagreement', kind: 'textarea' },
    { name: 'expectations.agreed', kind: 'date' },
  ],
};
const TITLES: Record<Part, TextKey> = {
  pupilVoice: 'voice.pupil',
  parentsView: 'voice.parents',
  expectations: 'voice.expectations',
};

const VOICE_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'how', kind: 'text', required: true },
  { name: 'gatheredBy', kind: 'text', required: true },
  { name: 'said', kind: 'textarea' },
  { name: 'wishes', kind: 'textarea' },
  { name: 'helps', kind: 'textarea' },
  { name: 'hurts', kind: 'textarea' },
];

const PROPOSAL_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'proposedBy', kind: 'text' },
  { name: 'what', kind: 'textarea', required: true },
];
const ANSWER_FIELDS: FieldSpec[] = [
  { name: 'response', kind: 'select', options: PROPOSAL_RESPONSES, optKey: 'response', required: true },
  { name: 'reason', kind: 'textarea' },
  { name: 'answeredBy', kind: 'text', required: true },
  { name: 'answered', kind: 'date', required: true },
];

const HEARING_FIELDS: FieldSpec[] = [
  { name: 'kind', kind: 'select', options: LETTER_KINDS, optKey: 'letterKind', required: true },
  { name: 'shared', kind: 'date', required: true },
  { name: 'commentBy', kind: 'date', required: true },
  { name: 'sharedWith', kind: 'text' },
];
const COMMENT_FIELDS: FieldSpec[] = [
  { name: 'comment', kind: 'textarea', required: true },
  { name: 'commentReceived', kind: 'date', required: true },
];

const CONCERN_FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'sentBy', kind: 'text', required: true },
  { name: 'sentTo', kind: 'text', required: true },
  { name: 'legalBasis', kind: 'text', required: true, wide: true },
  { name: 'parentsTold', kind: 'checkbox' },
  { name: 'parentsToldDate', kind: 'date' },
  { name: 'parentsNotToldReason', kind: 'textarea' },
  { name: 'parentsInvitedToSendTogether', kind: 'checkbox' },
  { name: 'schoolFactorsChecked', kind: 'checkbox' },
  { name: 'schoolFactorsNote', kind: 'textarea' },
  { name: 'note', kind: 'textarea' },
];

/**
 * What the family brings to the case (issue 14): the pupil's voice as dated entries, the parents'
 * proposals and the answers, drafts shared for comment, the forventningsavklaring (and the
 * meetings that went through it again), and bekymringsmeldinger. The single texts from before
 * dated entries are still shown and can be edited.
 */
export function VoicesPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [editing, setEditing] = useState<Part | null>(null);
  const [answering, setAnswering] = useState<{ key: string; item: Proposal } | null>(null);
  const [commenting, setCommenting] = useState<{ key: string; item: Hearing } | null>(null);
  const d = data.doc;
  const today = todayIso();
  const legacy = (part: 'pupilVoice' | 'parentsView') =>
    d[part] ? (
      <div className="legacy">
        <h3>{t('voices.legacy')}</h3>
        <p className="prose">{d[part]}</p>
        <button type="button" onClick={() => setEditing(part)}>
          {t('voices.legacyEdit')}
          <span className="sr-only"> ({t(TITLES[part]).toLowerCase()})</span>
        </button>
      </div>
    ) : null;
  const revisits = (d.meetings ?? []).filter((m) => m.expectationsRevisited === true).map((m) => m.date);
  return (
    <>
      <Collection<PupilVoiceEntry>
        caseId={caseId}
        entity="voices"
        title={t('voices.title')}
        fields={VOICE_FIELDS}
        items={d.voices ?? []}
        keys={data.keys.voices ?? []}
        addLabel={t('voices.add')}
        emptyText={t('voices.none')}
        newDefaults={{ date: today }}
        render={(v) => (
          <>
            <h3>{t('voices.source', { date: nbDate(v.date), how: v.how, by: v.gatheredBy })}</h3>
            <dl className="facts-grid">
              {(['said', 'wishes', 'helps', 'hurts'] as const).map((k) =>
                v[k] ? (
                  <div key={k} className="contents">
                    <dt>{t(`f.voices.${k}`)}</dt>
                    <dd>{v[k]}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </>
        )}
      />
      <p className="muted">{t('voices.lead')}</p>
      {legacy('pupilVoice')}

      <Collection<Proposal>
        caseId={caseId}
        entity="proposals"
        title={t('proposals.title')}
        fields={PROPOSAL_FIELDS}
        items={d.proposals ?? []}
        keys={data.keys.proposals ?? []}
        addLabel={t('proposals.add')}
        emptyText={t('proposals.none')}
        newDefaults={{ date: today }}
        render={(p) => (
          <>
            <h3>
              {nbDate(p.date)}
              {p.proposedBy ? ` · ${t('proposals.by', { who: p.proposedBy })}` : ''}{' '}
              {p.response ? (
                <span className={`badge ${p.response === 'tatt inn' ? 'ok' : 'warn'}`}>
                  {optLabel(t, 'response', p.response)}
                </span>
              ) : (
                <span className="badge bad">{t('proposals.unanswered')}</span>
              )}
            </h3>
            <p className="prose">{p.what}</p>
            {p.response && (
              <p>
                {t('proposals.answered', {
                  response: optLabel(t, 'response', p.response),
                  date: p.answered ? nbDate(p.answered) : '–',
                  by: p.answeredBy ?? '–',
                })}
                {p.reason ? `: ${p.reason}` : ''}
              </p>
            )}
          </>
        )}
        extraActions={(p, key) =>
          p.response ? null : (
            <button type="button" onClick={() => setAnswering({ key, item: p })}>
              {t('proposals.answer')}
              <span className="sr-only">: {t('proposals.answerNamed', { date: nbDate(p.date) })}</span>
            </button>
          )
        }
      />
      <p className="muted">{t('proposals.lead')}</p>
      {legacy('parentsView')}

      <Collection<Hearing>
        caseId={caseId}
        entity="hearings"
        title={t('hearings.title')}
        fields={HEARING_FIELDS}
        items={d.hearings ?? []}
        keys={data.keys.hearings ?? []}
        addLabel={t('common.add')}
        emptyText={t('hearings.none')}
        newDefaults={{ shared: today, sharedWith: 'foresatte' }}
        render={(h) => (
          <>
            <h3>
              {t('hearings.line', {
                kind: optLabel(t, 'letterKind', h.kind),
                shared: nbDate(h.shared),
                by: nbDate(h.commentBy),
              })}
            </h3>
            {h.comment ? (
              <p className="prose">
                {h.commentReceived ? `${nbDate(h.commentReceived)}: ` : ''}
                {h.comment}
              </p>
            ) : (
              <p className="muted">{t('hearings.noComment')}</p>
            )}
          </>
        )}
        extraActions={(h, key) =>
          h.comment ? null : (
            <button type="button" onClick={() => setCommenting({ key, item: h })}>
              {t('hearings.comment')}
              <span className="sr-only">: {t('hearings.commentNamed', { date: nbDate(h.shared) })}</span>
            </button>
          )
        }
      />
      <p className="muted">{t('hearings.lead')}</p>

      <section className="panel" aria-labelledby="v-expectations">
        <div className="panel-head">
          <h2 id="v-expectations">{t('voice.expectations')}</h2>
          <button type="button" onClick={() => setEditing('expectations')}>
            {t('common.edit')}
            <span className="sr-only"> {t('voice.expectations').toLowerCase()}</span>
          </button>
        </div>
        <dl className="facts-grid">
          {FIELDS.expectations.map((f) => {
            const v = d.expectations?.[f.name.split('.')[1] as 'canOffer'];
            return (
              <div key={f.name} className="contents">
                <dt>{t(`f.case.${f.name}` as TextKey)}</dt>
                <dd>{v ? (f.kind === 'date' ? nbDate(v) : v) : '–'}</dd>
              </div>
            );
          })}
        </dl>
        <p className="muted">
          {revisits.length
            ? revisits.map((date) => t('expectations.revisited', { date: nbDate(date) })).join(' · ')
            : t('expectations.notRevisited')}
          {'. '}
          {t('expectations.revisitHint')}
        </p>
      </section>

      <Collection<ConcernReport>
        caseId={caseId}
        entity="concernReports"
        title={t('concerns.title')}
        fields={CONCERN_FIELDS}
        items={d.concernReports ?? []}
        keys={data.keys.concernReports ?? []}
        addLabel={t('concerns.add')}
        emptyText={t('concerns.none')}
        newDefaults={{
          date: today,
          parentsTold: false,
          parentsInvitedToSendTogether: false,
          schoolFactorsChecked: false,
        }}
        render={(c) => (
          <>
            <h3>{t('concerns.line', { date: nbDate(c.date), by: c.sentBy ?? '–', to: c.sentTo ?? '–' })}</h3>
            <p>
              <strong>{t('f.concernReports.legalBasis')}:</strong> {c.legalBasis}
            </p>
            <ul>
              <li>
                {c.parentsTold
                  ? t('concerns.told', { date: c.parentsToldDate ? nbDate(c.parentsToldDate) : '–' })
                  : t('concerns.notTold', { reason: c.parentsNotToldReason ?? '–' })}
              </li>
              <li>{c.parentsInvitedToSendTogether ? t('concerns.together') : t('concerns.notTogether')}</li>
              <li>
                {c.schoolFactorsChecked
                  ? t('concerns.school')
                  : t('concerns.noSchool', { note: c.schoolFactorsNote ?? '–' })}
              </li>
            </ul>
            {c.note && <p className="prose">{c.note}</p>}
          </>
        )}
      />
      <p className="muted">{t('concerns.lead')}</p>

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
      {answering && (
        <Modal
          title={t('proposals.answerNamed', { date: nbDate(answering.item.date) })}
          onClose={() => setAnswering(null)}
        >
          <EntityForm
            entity="proposals"
            fields={ANSWER_FIELDS}
            initial={{ answered: today }}
            isNew
            onCancel={() => setAnswering(null)}
            onSubmit={async (set) => {
              await update([{ op: 'set', entity: 'proposals', key: answering.key, set }]);
              setAnswering(null);
            }}
          />
        </Modal>
      )}
      {commenting && (
        <Modal
          title={t('hearings.commentNamed', { date: nbDate(commenting.item.shared) })}
          onClose={() => setCommenting(null)}
        >
          <EntityForm
            entity="hearings"
            fields={COMMENT_FIELDS}
            initial={{ commentReceived: today }}
            isNew
            onCancel={() => setCommenting(null)}
            onSubmit={async (set) => {
              await update([{ op: 'set', entity: 'hearings', key: commenting.key, set }]);
              setCommenting(null);
            }}
          />
        </Modal>
      )}
    </>
  );
}
