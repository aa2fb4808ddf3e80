import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { FAILED_STATUSES } from '../../../shared/dispatch/svarut';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { safeFileName, saveBase64 } from '../../app/files';
import { localDayOf } from '../../../shared/calendar/days';
import { nbDate } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox, Modal, RecordTable, RowButton } from '../../app/ui';
import type { CaseData } from '../cases/useCase';

type Listed = OpOutput<'letters.list'>['letters'][number];

/** The case's issued letters for `letters.list` (ref, archive and dispatch status). */
export function useLetterList(caseId: string, count: number) {
  return useQuery({
    queryKey: ['letters.list', caseId, count],
    queryFn: () => api['letters.list']({ caseId }),
  });
}

/**
 * Dispatch through KS SvarUt on the Brev tab (issue 19 item 2): each issued letter with its
 * reference as printed, its archive status and its dispatch status, and «Send», which opens the
 * dialog. «Oppdater status fra SvarUt» asks SvarUt (status/sok) when an account is configured.
 */
export function DispatchPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t, error, issue } = useI18n();
  const qc = useQueryClient();
  const count = (data.letters ?? []).length;
  const list = useLetterList(caseId, count);
  const [open, setOpen] = useState<Listed | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    setNote(null);
    setFailed(null);
    try {
      const r = await api['dispatch.status']({ caseId });
      setNote(r.asked ? t('dispatch.refreshed', { n: r.changed }) : t('dispatch.noAccountStatus'));
      // The case too: its timeline has a line for each status change recorded.
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['letters.list', caseId] }),
        qc.invalidateQueries({ queryKey: ['case', caseId] }),
      ]);
    } catch (e) {
      setFailed(e instanceof BroError ? issueLines(e, error, issue).join(' ') : error('INTERNAL'));
    } finally {
      setBusy(false);
    }
  };
  const letters = list.data?.letters ?? [];
  return (
    <section className="panel" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">{t('dispatch.title')}</h2>
      <p className="muted">{t('dispatch.lead')}</p>
      <RecordTable
        labelledBy="dispatch-title"
        head={[
          t('dispatch.ref'),
          t('letters.kind'),
          t('letters.date'),
          t('dispatch.archive'),
          t('dispatch.status'),
        ]}
        actions={t('dispatch.send')}
        none={t('dispatch.none')}
        rows={[...letters].reverse().map((l) => (
          <tr key={l.letterId}>
            <td className="mono">{l.ref}</td>
            <td>{t(`kind.${l.kind}` as TextKey)}</td>
            <td>{nbDate(l.date)}</td>
            <td>
              {l.archive.archived
                ? t('archive.archivedAs', { ref: l.archive.reference ?? '' })
                : t('archive.notArchived')}
            </td>
            <td className={failedStatus(l) ? 'warn' : undefined}>{dispatchLabel(l, t)}</td>
            <td>
              {l.stored && (
                <RowButton label={t('dispatch.sendLabel', { ref: l.ref })} onClick={() => setOpen(l)}>
                  {t('dispatch.send')}
                </RowButton>
              )}
            </td>
          </tr>
        ))}
      />
      <div className="actions">
        <button type="button" onClick={() => void refresh()} disabled={busy || letters.length === 0}>
          {t('dispatch.refresh')}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      {failed && <ErrorBox>{failed}</ErrorBox>}
      {open && (
        <DispatchDialog
          caseId={caseId}
          data={data}
          letter={open}
          onClose={() => {
            setOpen(null);
            void qc.invalidateQueries({ queryKey: ['letters.list', caseId] });
            void qc.invalidateQueries({ queryKey: ['case', caseId] });
          }}
        />
      )}
    </section>
  );
}

const failedStatus = (l: Listed) => l.dispatch.status !== null && FAILED_STATUSES.has(l.dispatch.status);

/** The dispatch state in the user's language, SvarUt's status in words. */
function dispatchLabel(l: Listed, t: ReturnType<typeof useI18n>['t']): string {
  const d = l.dispatch;
  if (d.state === 'none') return t('dispatch.state.none');
  if (d.state === 'package')
    return t('dispatch.state.package', { date: d.at ? nbDate(localDayOf(d.at)) : '' });
  const status = d.status ? t(`svarut.status.${d.status}`) : '';
  return t(failedStatus(l) ? 'dispatch.state.failed' : 'dispatch.state.sent', { status });
}

/** A refusal as Norwegian lines: the issue texts when there are issues, else the error's text. */
function issueLines(
  e: BroError,
  error: (code: BroError['code']) => string,
  issue: (code: string, limit?: string) => string,
): string[] {
  return e.issues.length ? e.issues.map((i) => issue(i.code, i.limit)) : [error(e.code)];
}

/**
 * The «Send» dialog: to the school (organisation number from the register) or to a guardian (a
 * national identity number for this sending only, else a postal address for print). With an
 * account it sends; without, it saves the package as a .zip to upload in SvarUt.
 */
export function DispatchDialog({
  caseId,
  data,
  letter,
  onClose,
}: {
  caseId: string;
  data: CaseData;
  letter: Listed;
  onClose: () => void;
}) {
  const { t, error, issue } = useI18n();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  const account = settings.data?.svarut;
  const configured = Boolean(account?.endpoint && account.kontoId && account.integrationId);
  const guardians = (
    (data.doc.guardians ?? []) as { name: string; parentalResponsibility?: boolean | null }[]
  )
    .filter((g) => g.parentalResponsibility)
    .map((g) => g.name);
  const toSchoolPossible = letter.recipients.some((r) =>
    ['rektor', 'kontaktlærer', 'mottakerskole'].includes(r.role),
  );
  const toFamilyPossible = letter.recipients.some((r) => r.role === 'foresatte');
  const [to, setTo] = useState<'skole' | 'foresatte'>(toSchoolPossible ? 'skole' : 'foresatte');
  const [guardian, setGuardian] = useState(guardians[0] ?? '');
  const [nationalId, setNationalId] = useState('');
  const [address, setAddress] = useState({ line1: '', postcode: '', place: '' });
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{
    lines: string[];
    fields: Set<string>;
    paths?: Set<string>;
  } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const submit = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const anyAddress = address.line1 || address.postcode || address.place;
      const r = await api['dispatch.make']({
        caseId,
        letter: letter.letterId,
        to,
        ...(to === 'foresatte' && guardian ? { guardian } : {}),
        // SECURITY: sent for this dispatch only; the field is cleared afterwards.
        ...(to === 'foresatte' && nationalId.trim() ? { nationalId: nationalId.trim() } : {}),
        ...(to === 'foresatte' && anyAddress ? { address } : {}),
      });
      setNationalId('');
      if (r.channel === 'svarut') setDone(t('dispatch.sent', { id: r.forsendelseId ?? '' }));
      else {
        const name = safeFileName(['forsendelse', letter.ref.replace(/\s*\/\s*/gu, '-')], 'zip');
        if (r.zip) saveBase64(name, 'application/zip', r.zip);
        setDone(t('dispatch.packaged', { name }));
      }
    } catch (e) {
      const err = e instanceof BroError ? e : null;
      setFailed({
        lines: err ? issueLines(err, error, issue) : [error('INTERNAL')],
        fields: new Set((err?.issues ?? []).map((i) => String(i.path[0] ?? ''))),
        paths: new Set((err?.issues ?? []).map((i) => i.path.join('.'))),
      });
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const bad = (field: string) => (failed?.fields.has(field) ? true : undefined);
  // A refused postal address marks the parts still empty (DISPATCH_ADDRESS_MISSING) and a postcode
  // that is not four digits (DISPATCH_POSTCODE_INVALID), not every field of it.
  const badPart = (part: 'line1' | 'postcode' | 'place') =>
    (failed?.paths?.has('address') && address[part].trim() === '') || failed?.paths?.has(`address.${part}`)
      ? true
      : undefined;
  return (
    <Modal title={t('dispatch.dialogTitle', { ref: letter.ref })} onClose={onClose}>
      {done ? (
        <div role="status">
          <p className="ok-line">{done}</p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {!configured && <p className="hint">{t('dispatch.noAccount')}</p>}
          <fieldset className="opt-group">
            <legend>{t('dispatch.to')}</legend>
            <label className="check-row">
              <input
                type="radio"
                name="dispatch-to"
                value="skole"
                checked={to === 'skole'}
                disabled={!toSchoolPossible}
                onChange={() => setTo('skole')}
              />
              {t('dispatch.toSchool')}
            </label>
            <label className="check-row">
              <input
                type="radio"
                name="dispatch-to"
                value="foresatte"
                checked={to === 'foresatte'}
                disabled={!toFamilyPossible}
                onChange={() => setTo('foresatte')}
              />
              {t('dispatch.toFamily')}
            </label>
          </fieldset>
          {to === 'foresatte' && (
            <>
              <div className="field">
                <label htmlFor="dispatch-guardian">{t('dispatch.guardian')}</label>
                <select
                  id="dispatch-guardian"
                  value={guardian}
                  aria-invalid={bad('guardian')}
                  onChange={(e) => setGuardian(e.target.value)}
                >
                  {guardians.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </select>
              </div>
              {configured && (
                <div className="field">
                  <label htmlFor="dispatch-national-id">{t('dispatch.nationalId')}</label>
                  <input
                    id="dispatch-national-id"
                    type="password"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={20}
                    value={nationalId}
                    aria-invalid={bad('nationalId')}
                    aria-describedby="dispatch-national-id-hint"
                    onChange={(e) => setNationalId(e.target.value)}
                  />
                  <p className="hint" id="dispatch-national-id-hint">
                    {t('dispatch.nationalIdHint')}
                  </p>
                </div>
              )}
              <fieldset className="opt-group">
                <legend>{t('dispatch.address')}</legend>
                <p className="hint">{t('dispatch.addressHint')}</p>
                <div className="field">
                  <label htmlFor="dispatch-line1">{t('dispatch.address')}</label>
                  <input
                    id="dispatch-line1"
                    autoComplete="off"
                    maxLength={70}
                    value={address.line1}
                    aria-invalid={badPart('line1')}
                    onChange={(e) => setAddress({ ...address, line1: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor="dispatch-postcode">{t('dispatch.postcode')}</label>
                  <input
                    id="dispatch-postcode"
                    autoComplete="off"
                    inputMode="numeric"
                    maxLength={4}
                    value={address.postcode}
                    aria-invalid={badPart('postcode')}
                    onChange={(e) => setAddress({ ...address, postcode: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor="dispatch-place">{t('dispatch.place')}</label>
                  <input
                    id="dispatch-place"
                    autoComplete="off"
                    maxLength={70}
                    value={address.place}
                    aria-invalid={badPart('place')}
                    onChange={(e) => setAddress({ ...address, place: e.target.value })}
                  />
                </div>
              </fieldset>
            </>
          )}
          {failed && (
            <div ref={errorRef} tabIndex={-1}>
              <ErrorBox>
                <p>{t('dispatch.refused')}</p>
                <ul>
                  {failed.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </ErrorBox>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy
                ? t('dispatch.working')
                : configured
                  ? t('dispatch.submitSend')
                  : t('dispatch.submitPackage')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
