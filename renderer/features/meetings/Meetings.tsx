import { useId, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { AGREEMENT_STATUSES, type Agreement, type Meeting } from '../../../shared/domain/meeting';
import { BroError, type Issue } from '../../../shared/errors';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { optLabel, useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useUpdate, type CaseData } from '../cases/useCase';
import { VoidItem } from '../cases/Void';
import { InvitationsPanel, MeetingAttendanceInfo } from './Attendance';

const LEADER = /rektor|leder|ledelse/i;

interface FormValues {
  date: string;
  participants: string;
  decisions: string;
  note: string;
  /**
   * `recorded`: the agreement's place in the meeting as recorded (-1 for one added here), so what
   * the form does not show (its `id`, which letters and the school's reply slip refer to) is kept.
   */
  agreements: {
    recorded: number;
    what: string;
    owner: string;
    deadline: string;
    status: string;
    promisedToPupil: boolean;
  }[];
  dissent: { by: string; text: string }[];
  /** An evaluation meeting, and whether the forventningsavklaring was gone through in it. */
  evaluation: boolean;
  expectationsRevisited: boolean;
  expectationsNote: string;
  reason: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Meetings with participants by role, decisions, agreements (owner, deadline, status, «lovet eleven») and dissent. */
export function MeetingsPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ key: string | null; meeting?: Meeting } | null>(null);
  const meetings = data.doc.meetings ?? [];
  const update = useUpdate(caseId);
  return (
    <>
      <InvitationsPanel caseId={caseId} data={data} />
      <section className="panel" aria-labelledby="mtg-title">
        <div className="panel-head">
          <h2 id="mtg-title">{t('case.tab.meetings')}</h2>
          <button type="button" className="primary" onClick={() => setEditing({ key: null })}>
            {t('mtg.add')}
          </button>
        </div>
        {meetings.length === 0 ? (
          <p className="empty">{t('mtg.none')}</p>
        ) : (
          <ul className="cards">
            {meetings
              .map((m, i) => ({ m, key: data.keys.meetings?.[i] ?? String(i) }))
              .sort((a, b) => (a.m.date < b.m.date ? 1 : -1))
              .map(({ m, key }) => (
                <li key={key} className="card">
                  <h3>{nbDate(m.date)}</h3>
                  <p>
                    <strong>{t('mtg.participants')}:</strong>{' '}
                    {m.participants.map((p) => (p.name ? `${p.role}: ${p.name}` : p.role)).join(', ') || '–'}
                  </p>
                  {!m.participants.some((p) => LEADER.test(p.role)) && (
                    <p className="warn">{t('mtg.noLeader')}</p>
                  )}
                  {(m.decisions ?? []).length > 0 && (
                    <>
                      <h4>{t('mtg.decisions')}</h4>
                      <ul>
                        {m.decisions!.map((d, i) => (
                          <li key={i}>{d}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {(m.agreements ?? []).length > 0 && (
                    <>
                      <h4>{t('mtg.agreements')}</h4>
                      <ul className="agreements">
                        {m.agreements!.map((a, i) => (
                          <li key={i}>
                            {a.what} – {a.owner}
                            {a.deadline ? `, ${nbDate(a.deadline)}` : ''}{' '}
                            <span className={`badge status-${a.status.replace(' ', '-')}`}>
                              {optLabel(t, 'agreementStatus', a.status)}
                            </span>
                            {a.promisedToPupil && (
                              <span className="badge promise">{t('deadline.promised')}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {(m.dissent ?? []).length > 0 && (
                    <>
                      <h4>{t('mtg.dissent')}</h4>
                      <ul>
                        {m.dissent!.map((d, i) => (
                          <li key={i}>
                            <strong>{d.by}:</strong> {d.text}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <MeetingAttendanceInfo caseId={caseId} meeting={m} itemKey={key} />
                  {m.note && <p className="prose">{m.note}</p>}
                  {(m.evaluation || m.expectationsRevisited) && (
                    <p className="muted">
                      {m.evaluation ? `${t('f.meetings.evaluation')}. ` : ''}
                      {m.expectationsRevisited
                        ? t('expectations.revisited', { date: nbDate(m.date) })
                        : t('expectations.notRevisited')}
                      {m.expectationsNote ? `: ${m.expectationsNote}` : ''}
                    </p>
                  )}
                  <div className="card-actions">
                    <button type="button" onClick={() => setEditing({ key, meeting: m })}>
                      {t('common.edit')}
                    </button>
                    {data.keys.meetings?.includes(key) && (
                      <VoidItem
                        entity="meetings"
                        itemKey={key}
                        what={`${t('case.tab.meetings')} ${nbDate(m.date)}`}
                        update={update}
                      />
                    )}
                  </div>
                </li>
              ))}
          </ul>
        )}
      </section>
      {editing && (
        <Modal title={editing.key ? t('common.edit') : t('mtg.add')} onClose={() => setEditing(null)}>
          <MeetingForm caseId={caseId} target={editing} onDone={() => setEditing(null)} />
        </Modal>
      )}
    </>
  );
}

function MeetingForm({
  caseId,
  target,
  onDone,
}: {
  caseId: string;
  target: { key: string | null; meeting?: Meeting };
  onDone: () => void;
}) {
  const { t, issue, error } = useI18n();
  const id = useId();
  const update = useUpdate(caseId);
  const m = target.meeting;
  const form = useForm<FormValues>({
    defaultValues: {
      date: nbDate(m?.date ?? todayIso()),
      participants: (m?.participants ?? []).map((p) => (p.name ? `${p.role}: ${p.name}` : p.role)).join('\n'),
      decisions: (m?.decisions ?? []).join('\n'),
      note: m?.note ?? '',
      agreements: (m?.agreements ?? []).map((a, recorded) => ({
        recorded,
        what: a.what,
        owner: a.owner,
        deadline: a.deadline ? nbDate(a.deadline) : '',
        status: a.status,
        promisedToPupil: a.promisedToPupil === true,
      })),
      dissent: (m?.dissent ?? []).map((d) => ({ ...d })),
      evaluation: m?.evaluation === true,
      expectationsRevisited: m?.expectationsRevisited === true,
      expectationsNote: m?.expectationsNote ?? '',
      reason: '',
    },
  });
  const agreements = useFieldArray({ control: form.control, name: 'agreements' });
  const dissent = useFieldArray({ control: form.control, name: 'dissent' });
  const [failed, setFailed] = useState<string | null>(null);
  const errs = form.formState.errors;
  const err = (name: string) => {
    const e = name
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errs) as
      { message?: string } | undefined;
    return e?.message;
  };

  const submit = form.handleSubmit(async (v) => {
    setFailed(null);
    const set = {
      date: isoFromInput(v.date),
      participants: lines(v.participants).map((l) => {
        const [role, ...name] = l.split(':');
        return { role: role!.trim(), name: name.join(':').trim() || null };
      }),
      decisions: lines(v.decisions),
      note: v.note.trim() || null,
      agreements: v.agreements.map((a) => {
        const before: Agreement | undefined = m?.agreements?.[a.recorded];
        return {
          // Kept as recorded: the id letters refer to (shared/letters/model.ts), and the school's
          // reply slip finds the agreement by (shared/letters/followReply.ts).
          ...before,
          what: a.what,
          owner: a.owner,
          deadline: a.deadline.trim() ? isoFromInput(a.deadline) : null,
          status: a.status,
          // Unticked stays unrecorded where it was, so an unchanged agreement is sent as recorded
          // and the save is not taken for a correction (CORRECTION_REASON_REQUIRED).
          promisedToPupil: a.promisedToPupil || (before?.promisedToPupil != null ? false : null),
        };
      }),
      dissent: v.dissent,
      // Unticked is a record only where it matters: an evaluation meeting says whether the
      // expectations were gone through (EXPECTATIONS_REVISIT_REQUIRED, shared/family/rules.ts).
      evaluation: v.evaluation || (m?.evaluation != null ? false : null),
      expectationsRevisited:
        v.expectationsRevisited || (v.evaluation || m?.expectationsRevisited != null ? false : null),
      expectationsNote: v.expectationsNote.trim() || null,
    };
    try {
      await update([
        {
          op: 'set',
          entity: 'meetings',
          ...(target.key ? { key: target.key } : {}),
          set,
          ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
        },
      ]);
      onDone();
    } catch (e) {
      if (!(e instanceof BroError)) return setFailed(error('INTERNAL'));
      setFailed(error(e.code));
      let first = true;
      for (const i of e.issues as Issue[]) {
        const rest = i.path.slice(i.path[0] === 'changes' || i.path[0] === 'case' ? 3 : 0);
        // Participants and decisions are edited as lines of one text field.
        const field =
          rest[0] === 'participants' || rest[0] === 'decisions'
            ? String(rest[0])
            : rest.map(String).join('.');
        const text = issue(i.code);
        const name = i.code === 'CORRECTION_REASON_REQUIRED' ? 'reason' : field;
        form.setError(
          name as never,
          { message: text.charAt(0).toUpperCase() + text.slice(1) },
          { shouldFocus: first },
        );
        first = false;
      }
    }
  });

  const text = (
    name: string,
    label: TextKey,
    opts: { area?: boolean; hint?: TextKey; date?: boolean } = {},
  ) => {
    const fid = `${id}-${name}`;
    const e = err(name);
    const props = {
      id: fid,
      'aria-invalid': e ? true : undefined,
      'aria-describedby':
        [opts.hint ? `${fid}-h` : '', e ? `${fid}-e` : ''].filter(Boolean).join(' ') || undefined,
      ...form.register(name as never),
    };
    return (
      <div className={`field${opts.area ? ' wide' : ''}`}>
        <label htmlFor={fid}>{t(label)}</label>
        {opts.hint && (
          <p className="hint" id={`${fid}-h`}>
            {t(opts.hint)}
          </p>
        )}
        {opts.area ? (
          <textarea rows={3} {...props} />
        ) : (
          <input
            type="text"
            autoComplete="off"
            placeholder={opts.date ? t('common.dateHint') : undefined}
            {...props}
          />
        )}
        {e && (
          <p className="field-error" id={`${fid}-e`}>
            {e}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="entity-form" onSubmit={submit} noValidate>
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <div className="grid">
        {text('date', 'f.meetings.date', { date: true, hint: 'common.dateHint' })}
        {text('participants', 'f.meetings.participants', { area: true, hint: 'mtg.participantsHint' })}
        {text('decisions', 'f.meetings.decisions', { area: true, hint: 'mtg.decisionsHint' })}
      </div>
      <fieldset>
        <legend>{t('mtg.agreements')}</legend>
        {agreements.fields.map((f, i) => (
          <div key={f.id} className="grid row-group">
            {text(`agreements.${i}.what`, 'f.agreement.what')}
            {text(`agreements.${i}.owner`, 'f.agreement.owner')}
            {text(`agreements.${i}.deadline`, 'f.agreement.deadline', { date: true })}
            <div className="field">
              <label htmlFor={`${id}-st-${i}`}>{t('f.agreement.status')}</label>
              <select id={`${id}-st-${i}`} {...form.register(`agreements.${i}.status` as const)}>
                {AGREEMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {optLabel(t, 'agreementStatus', s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field check">
              <input
                id={`${id}-pp-${i}`}
                type="checkbox"
                {...form.register(`agreements.${i}.promisedToPupil` as const)}
              />
              <label htmlFor={`${id}-pp-${i}`}>{t('f.agreement.promisedToPupil')}</label>
            </div>
            <button type="button" className="ghost" onClick={() => agreements.remove(i)}>
              {t('mtg.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            agreements.append({
              recorded: -1,
              what: '',
              owner: '',
              deadline: '',
              status: 'åpen',
              promisedToPupil: false,
            })
          }
        >
          {t('mtg.addAgreement')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('mtg.dissent')}</legend>
        {dissent.fields.map((f, i) => (
          <div key={f.id} className="grid row-group">
            {text(`dissent.${i}.by`, 'f.dissent.by')}
            {text(`dissent.${i}.text`, 'f.dissent.text', { area: true })}
            <button type="button" className="ghost" onClick={() => dissent.remove(i)}>
              {t('mtg.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => dissent.append({ by: '', text: '' })}>
          {t('mtg.addDissent')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('voice.expectations')}</legend>
        <p className="hint">{t('expectations.revisitHint')}</p>
        <div className="grid">
          <div className="field check">
            <input id={`${id}-eval`} type="checkbox" {...form.register('evaluation')} />
            <label htmlFor={`${id}-eval`}>{t('f.meetings.evaluation')}</label>
          </div>
          <div className="field check">
            <input id={`${id}-exp`} type="checkbox" {...form.register('expectationsRevisited')} />
            <label htmlFor={`${id}-exp`}>{t('f.meetings.expectationsRevisited')}</label>
          </div>
          {text('expectationsNote', 'f.meetings.expectationsNote', { area: true })}
        </div>
      </fieldset>
      <div className="grid">
        {text('note', 'f.meetings.note', { area: true })}
        {target.key && text('reason', 'common.reason', { area: true, hint: 'common.reasonHint' })}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
