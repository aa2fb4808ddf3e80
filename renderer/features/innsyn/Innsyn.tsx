import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actionText, actorText, logTime, type AccessKind } from '../../../shared/audit/actions';
import { addMonths } from '../../../shared/calendar/days';
import type { OpOutput } from '../../../shared/contract';
import type { AccessRequest } from '../../../shared/domain/accessRequest';
import { BroError } from '../../../shared/errors';
import { api, onProgress, type ProgressEvent } from '../../api';
import { safeFileName, saveBase64 } from '../../app/files';
import type { FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { Empty, ErrorBox, Progress } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { refresh, useUpdate, type CaseData } from '../cases/useCase';

const FIELDS: FieldSpec[] = [
  { name: 'received', kind: 'date', required: true },
  { name: 'requestedBy', kind: 'text', required: true },
  { name: 'scope', kind: 'textarea', wide: true },
  { name: 'extendedTo', kind: 'date' },
  { name: 'answered', kind: 'date' },
];

type Made = OpOutput<'innsyn.make'> & { name: string };

/**
 * Innsyn in one step (issue 14 item 5): register a request (it becomes the one-month task), make
 * the file (the whole case as one PDF/A, letters attached, what is withheld listed with its
 * basis), save it, and record it as handed over, which closes the task.
 */
export function InnsynPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const update = useUpdate(caseId);
  const today = todayIso();
  const [busy, setBusy] = useState<{ progress: ProgressEvent | null } | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const [handed, setHanded] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  // Who gets the file (issue 14 item 8): the parties need nothing; anyone else a consent or a basis.
  const [other, setOther] = useState(false);
  const [to, setTo] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [toMissing, setToMissing] = useState(false);
  const requests = data.doc.accessRequests ?? [];
  const keys = data.keys.accessRequests ?? [];

  const make = async (key?: string) => {
    if (busy) return;
    if (other && to.trim() === '') {
      setToMissing(true);
      document.getElementById('innsyn-to')?.focus();
      return;
    }
    setToMissing(false);
    setBusy({ progress: null });
    setMade(null);
    setHanded(null);
    setFailed(null);
    const stop = onProgress((p) => {
      if (p.op === 'innsyn.make') setBusy({ progress: p });
    });
    try {
      const r = await api['innsyn.make']({
        caseId,
        ...(key ? { request: key } : {}),
        ...(other ? { to: to.trim(), ...(legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}) } : {}),
      });
      const name = safeFileName(['innsyn', data.doc.id, today], 'pdf');
      if (r.pdf) saveBase64(name, 'application/pdf', r.pdf);
      setMade({ ...r, name });
      // Making the file is in the access log.
      await qc.invalidateQueries({ queryKey: ['audit', caseId] });
    } catch (e) {
      setFailed(e);
      // No consent and no basis: the basis field is where to go next.
      if (e instanceof BroError && e.code === 'CONSENT_MISSING')
        requestAnimationFrame(() => document.getElementById('innsyn-basis')?.focus());
    } finally {
      stop();
      setBusy(null);
    }
  };

  const handOver = async (key: string) => {
    setFailed(null);
    try {
      await update([{ op: 'set', entity: 'accessRequests', key, set: { answered: today } }]);
      setHanded(nbDate(today));
      await refresh(qc, caseId);
    } catch (e) {
      setFailed(e);
    }
  };

  const p = busy?.progress;
  return (
    <>
      <p className="muted">{t('innsyn.lead')}</p>
      <fieldset className="opt-group innsyn-to">
        <legend>{t('innsyn.toLegend')}</legend>
        <label className="check-row">
          <input type="radio" name="innsyn-to" checked={!other} onChange={() => setOther(false)} />
          {t('innsyn.toParties')}
        </label>
        <label className="check-row">
          <input type="radio" name="innsyn-to" checked={other} onChange={() => setOther(true)} />
          {t('innsyn.toOther')}
        </label>
        {other && (
          <>
            <label htmlFor="innsyn-to">{t('innsyn.toName')}</label>
            <input
              id="innsyn-to"
              type="text"
              maxLength={200}
              value={to}
              aria-invalid={toMissing || undefined}
              aria-describedby={toMissing ? 'innsyn-to-missing' : undefined}
              onChange={(e) => setTo(e.target.value)}
            />
            {toMissing && (
              <p id="innsyn-to-missing" className="field-error">
                {t('innsyn.toRequired')}
              </p>
            )}
            <label htmlFor="innsyn-basis">{t('innsyn.legalBasis')}</label>
            <textarea
              id="innsyn-basis"
              rows={2}
              maxLength={2000}
              value={legalBasis}
              aria-describedby="innsyn-basis-hint"
              onChange={(e) => setLegalBasis(e.target.value)}
            />
            <p id="innsyn-basis-hint" className="hint">
              {t('innsyn.legalBasisHint')}
            </p>
          </>
        )}
      </fieldset>
      <Collection<AccessRequest>
        caseId={caseId}
        entity="accessRequests"
        title={t('innsyn.title')}
        fields={FIELDS}
        items={requests}
        keys={keys}
        addLabel={t('innsyn.add')}
        emptyText={t('innsyn.none')}
        newDefaults={{ received: today }}
        render={(r) => (
          <>
            <h3>
              {r.requestedBy} · {nbDate(r.received)}{' '}
              {r.answered ? (
                <span className="badge ok">{t('innsyn.answeredOn', { date: nbDate(r.answered) })}</span>
              ) : (
                <span className="badge warn">
                  {t('innsyn.open', { date: nbDate(r.extendedTo ?? addMonths(r.received, 1)) })}
                </span>
              )}
            </h3>
            {r.scope ? (
              <p>
                <strong>{t('f.accessRequests.scope')}:</strong> {r.scope}
              </p>
            ) : null}
          </>
        )}
        extraActions={(r, key) => (
          <>
            <button type="button" className="primary" disabled={busy !== null} onClick={() => void make(key)}>
              {t('innsyn.make')}
              <span className="sr-only">: {t('innsyn.makeNamed', { date: nbDate(r.received) })}</span>
            </button>
            {!r.answered && (
              <button type="button" onClick={() => void handOver(key)}>
                {t('innsyn.handOver')}
                <span className="sr-only">: {t('innsyn.handOverNamed', { date: nbDate(r.received) })}</span>
              </button>
            )}
          </>
        )}
      />
      <section className="panel" aria-label={t('innsyn.make')}>
        <p className="muted">{t('innsyn.fileHint')}</p>
        {requests.length === 0 && (
          <button type="button" disabled={busy !== null} onClick={() => void make()}>
            {t('innsyn.makeAny')}
          </button>
        )}
        {busy &&
          (p && p.total > 0 ? (
            <Progress
              done={p.done}
              total={p.total}
              label={t('innsyn.rendering', { pct: Math.round((100 * p.done) / p.total) })}
            />
          ) : (
            <p role="status">{t('innsyn.making')}</p>
          ))}
        {made && (
          <div role="status" className="innsyn-made">
            <p>
              {t('innsyn.made', {
                name: made.name,
                pages: made.pages,
                letters: made.letters.length,
                withheld: made.withheld.length,
              })}
            </p>
            {made.sharing && made.sharing.basis !== 'party' && (
              <p>
                {t(made.sharing.basis === 'consent' ? 'innsyn.sharedConsent' : 'innsyn.sharedLegal', {
                  to: to.trim(),
                })}
              </p>
            )}
            {made.withheld.length > 0 && (
              <>
                <h3>{t('innsyn.withheldTitle')}</h3>
                <ul>
                  {made.withheld.map((w, i) => (
                    <li key={i}>
                      {w.date ? `${nbDate(w.date)}: ` : ''}
                      {w.what}. {w.basis}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {handed && <p role="status">{t('innsyn.handedOver', { date: handed })}</p>}
        {failed !== null && (
          <ErrorBox>
            {failed instanceof BroError && failed.code === 'CONSENT_MISSING'
              ? t('innsyn.consentMissing', { to: String(failed.detail?.recipient ?? to.trim()) })
              : failed instanceof BroError
                ? error(failed.code)
                : error('INTERNAL')}
          </ErrorBox>
        )}
      </section>
    </>
  );
}

/** The case's access log (issue 14 item 6): who did what when, by member name, newest first. */
export function LogPanel({ caseId }: { caseId: string }) {
  const { t, lang, error } = useI18n();
  const log = useQuery({
    queryKey: ['audit', caseId],
    queryFn: () => api['audit.list']({ caseId, limit: 500 }),
  });
  return (
    <section className="panel" aria-labelledby="log-title">
      <h2 id="log-title">{t('log.title')}</h2>
      <p className="muted">{t('log.lead')}</p>
      {log.error ? (
        <ErrorBox>{log.error instanceof BroError ? error(log.error.code) : error('INTERNAL')}</ErrorBox>
      ) : !log.data ? (
        <p role="status">{t('app.loading')}</p>
      ) : log.data.entries.length === 0 ? (
        <Empty>{t('log.none')}</Empty>
      ) : (
        <>
          <p className="muted">{t('log.count', { n: log.data.total })}</p>
          <div className="wt-scroll">
            <table className="data" id="access-log">
              <caption>{t('log.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('log.col.at')}</th>
                  <th scope="col">{t('log.col.who')}</th>
                  <th scope="col">{t('log.col.what')}</th>
                  <th scope="col">{t('log.col.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.entries.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td>{logTime(e.at)}</td>
                    <td>{actorText(e, lang)}</td>
                    <td>{actionText(e, lang)}</td>
                    <td>{t(`log.kind.${e.kind satisfies AccessKind}` as TextKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
