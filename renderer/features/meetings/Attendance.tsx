import { useId, useState } from 'react';
import type { Meeting, MeetingAttendance } from '../../../shared/domain/meeting';
import { BroError, type Issue } from '../../../shared/errors';
import type { IssuedLetter } from '../../../shared/letters/events';
import { attendanceSummary, calledByService } from '../../../shared/meetings/attendance';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useUpdate, type CaseData } from '../cases/useCase';

/**
 * Meetings the service called (issue 15 item 4): the innkallinger issued in the case whose
 * attendance is not yet recorded, the attendance form (one row per role called, «Møtte» and the
 * name), and «Registrer at referatet er sendt», which closes the minutes task. Everything goes
 * through `cases.update`, so the shared rule (shared/meetings/attendance.ts) judges it.
 */
export function InvitationsPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<IssuedLetter | null>(null);
  const recorded = new Set((data.doc.meetings ?? []).map((m) => m.invitation).filter(Boolean));
  const pending = ((data.letters ?? []) as IssuedLetter[]).filter(
    (l) => l.kind === 'innkalling' && !recorded.has(l.letterId),
  );
  if (pending.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="inv-title">
      <div className="panel-head">
        <h2 id="inv-title">{t('mtg.invitations')}</h2>
      </div>
      <p className="hint">{t('mtg.invitationsLead')}</p>
      <ul className="cards">
        {pending.map((l) => {
          const inv = l.options.invitation ?? {};
          const date = inv.date ? nbDate(inv.date) : '–';
          return (
            <li key={l.letterId} className="card">
              <p>{t('mtg.invitationLine', { date, time: inv.time ?? '–', place: inv.place ?? '–' })}</p>
              <div className="card-actions">
                <button
                  type="button"
                  className="primary"
                  aria-label={t('mtg.recordAttendanceFor', { date })}
                  onClick={() => setOpen(l)}
                >
                  {t('mtg.recordAttendance')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {open && (
        <Modal
          title={t('mtg.attendanceTitle', {
            date: open.options.invitation?.date ? nbDate(open.options.invitation.date) : '–',
          })}
          onClose={() => setOpen(null)}
        >
          <AttendanceForm caseId={caseId} letter={open} onDone={() => setOpen(null)} />
        </Modal>
      )}
    </section>
  );
}

function AttendanceForm({
  caseId,
  letter,
  onDone,
}: {
  caseId: string;
  letter: IssuedLetter;
  onDone: () => void;
}) {
  const { t, issue, error } = useI18n();
  const id = useId();
  const update = useUpdate(caseId);
  const inv = letter.options.invitation ?? {};
  const [date, setDate] = useState(nbDate(inv.date ?? todayIso()));
  const [rows, setRows] = useState<MeetingAttendance[]>(
    (inv.roles ?? []).map((r) => ({ role: r.role, name: r.name ?? null, present: false })),
  );
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailed(null);
    setBusy(true);
    const attendance = rows.map((r) => ({ role: r.role, name: r.name?.trim() || null, present: r.present }));
    try {
      await update([
        {
          op: 'set',
          entity: 'meetings',
          set: {
            date: isoFromInput(date),
            participants: attendance.filter((a) => a.present).map((a) => ({ role: a.role, name: a.name })),
            attendance,
            invitation: letter.letterId,
          },
        },
      ]);
      onDone();
    } catch (err) {
      setBusy(false);
      if (!(err instanceof BroError)) return setFailed(error('INTERNAL'));
      const first = (err.issues as Issue[])[0];
      setFailed(first ? `${error(err.code)} ${issue(first.code)}` : error(err.code));
    }
  };
  return (
    <form className="entity-form" onSubmit={(e) => void submit(e)} noValidate>
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p className="hint">{t('mtg.attendanceLead')}</p>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('f.meetings.date')}</label>
        <input
          id={`${id}-date`}
          type="text"
          autoComplete="off"
          placeholder={t('common.dateHint')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('f.meetings.attendance')}</legend>
        {rows.map((r, i) => (
          <div key={i} className="grid row-group">
            <div className="field check">
              <input
                id={`${id}-p-${i}`}
                type="checkbox"
                checked={r.present}
                onChange={(e) =>
                  setRows((rs) => rs.map((x, j) => (j === i ? { ...x, present: e.target.checked } : x)))
                }
              />
              <label htmlFor={`${id}-p-${i}`}>
                {t('mtg.attendanceCame')}: {r.role}
              </label>
            </div>
            <div className="field">
              <label htmlFor={`${id}-n-${i}`}>{t('mtg.attendanceName', { role: r.role })}</label>
              <input
                id={`${id}-n-${i}`}
                type="text"
                autoComplete="off"
                value={r.name ?? ''}
                onChange={(e) =>
                  setRows((rs) => rs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
                }
              />
            </div>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** On a meeting card: attendance, and the minutes (sent on a day, or a button to record it). */
export function MeetingAttendanceInfo({
  caseId,
  meeting,
  itemKey,
}: {
  caseId: string;
  meeting: Meeting;
  itemKey: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!calledByService(meeting)) return null;
  const s = attendanceSummary(meeting.attendance ?? []);
  const list = (xs: MeetingAttendance[]) =>
    xs.map((a) => (a.name ? `${a.role}: ${a.name}` : a.role)).join(', ') || '–';
  return (
    <div className="attendance">
      {(meeting.attendance ?? []).length > 0 && (
        <>
          <p>
            <strong>{t('mtg.attendancePresent')}:</strong> {list(s.present)}
          </p>
          <p>
            <strong>{t('mtg.attendanceAbsent')}:</strong> {list(s.absent)}
          </p>
          {!s.leaderPresent && <p className="warn">{t('mtg.attendanceNoLeader')}</p>}
        </>
      )}
      {meeting.minutesSent ? (
        <p className="muted">{t('mtg.minutesSent', { date: nbDate(meeting.minutesSent) })}</p>
      ) : (
        <button
          type="button"
          aria-label={t('mtg.markMinutesSentFor', { date: nbDate(meeting.date) })}
          onClick={() => setOpen(true)}
        >
          {t('mtg.markMinutesSent')}
        </button>
      )}
      {open && (
        <Modal title={t('mtg.markMinutesSent')} onClose={() => setOpen(false)}>
          <MinutesForm caseId={caseId} itemKey={itemKey} onDone={() => setOpen(false)} />
        </Modal>
      )}
    </div>
  );
}

function MinutesForm({ caseId, itemKey, onDone }: { caseId: string; itemKey: string; onDone: () => void }) {
  const { t, issue, error } = useI18n();
  const id = useId();
  const update = useUpdate(caseId);
  const [date, setDate] = useState(nbDate(todayIso()));
  const [failed, setFailed] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailed(null);
    try {
      await update([
        { op: 'set', entity: 'meetings', key: itemKey, set: { minutesSent: isoFromInput(date) } },
      ]);
      onDone();
    } catch (err) {
      if (!(err instanceof BroError)) return setFailed(error('INTERNAL'));
      const first = (err.issues as Issue[])[0];
      setFailed(first ? `${error(err.code)} ${issue(first.code)}` : error(err.code));
    }
  };
  return (
    <form className="entity-form" onSubmit={(e) => void submit(e)} noValidate>
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <div className="field">
        <label htmlFor={`${id}-d`}>{t('mtg.minutesDate')}</label>
        <input
          id={`${id}-d`}
          type="text"
          autoComplete="off"
          placeholder={t('common.dateHint')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
