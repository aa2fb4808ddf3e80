import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { nbDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';

/** Runs one access call at a time and says how it went (a status line, or a Norwegian error). */
function useRun(caseId: string) {
  const { error } = useI18n();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState('');
  const run = async (what: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setFailed('');
    setMessage('');
    try {
      await what();
      setMessage(done);
      await qc.invalidateQueries({ queryKey: ['access', caseId] });
      // Who can open a case changes the list («begrenset sak») and the case itself.
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['case', caseId] });
      return true;
    } catch (e) {
      setFailed(e instanceof BroError ? error(e.code) : error('INTERNAL'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, failed, run };
}

export function useAccess(caseId: string, refetchInterval?: number | false) {
  return useQuery({
    queryKey: ['access', caseId],
    queryFn: () => api['cases.access']({ caseId }),
    // Requests and grants come from other members: always ask again when a screen opens.
    staleTime: 0,
    ...(refetchInterval ? { refetchInterval } : {}),
  });
}

/** While a request is open, how often the page looks whether access was given (milliseconds). */
const REQUEST_POLL_MS = 3000;

/**
 * «Tilgang»: who can open the case. Restrict it to named members (by default its caseworkers who
 * are members, and you), give access, take it away (the case's key is rotated), and answer the
 * requests of members who cannot open it. docs/SECURITY.md, «Tilgang etter behov».
 */
export function AccessPanel({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const access = useAccess(caseId);
  const members = useQuery({ queryKey: ['members'], queryFn: () => api['members.list']({}) });
  const { busy, message, failed, run } = useRun(caseId);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [grantTo, setGrantTo] = useState('');
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);
  const grantId = useId();

  if (!access.data || !members.data) return <p role="status">{t('app.loading')}</p>;
  const a = access.data;
  const active = members.data.members.filter((m) => m.active);
  const nameOf = (id: string) => active.find((m) => m.memberId === id)?.name || t('access.unnamed');
  const me = active.find((m) => m.me);
  const chosen = picked ?? new Set(a.suggested);
  if (me) chosen.add(me.memberId);

  const restrict = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api['cases.restrict']({ caseId, members: [...chosen] });
      setPicked(null);
    }, t('access.restrictedDone'));
  };
  const grant = (e: FormEvent) => {
    e.preventDefault();
    if (!grantTo) return;
    void run(async () => {
      await api['cases.grant']({ caseId, memberId: grantTo });
      setGrantTo('');
    }, t('access.granted'));
  };
  const outside = active.filter((m) => !a.members.some((x) => x.memberId === m.memberId));

  return (
    <section aria-labelledby="access-title" className="access">
      <h2 id="access-title">{t('access.title')}</h2>
      {!a.restricted ? (
        <>
          <p>{t('access.open')}</p>
          <form onSubmit={restrict} aria-labelledby="restrict-title">
            <h3 id="restrict-title">{t('access.restrictTitle')}</h3>
            <p className="muted">{t('access.restrictHelp')}</p>
            <fieldset>
              <legend>{t('access.restrictLegend')}</legend>
              {active.map((m) => (
                <label key={m.memberId} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(m.memberId)}
                    disabled={m.me}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(m.memberId);
                      else next.delete(m.memberId);
                      setPicked(next);
                    }}
                  />{' '}
                  {m.me ? t('access.alwaysMe', { name: m.name }) : m.name || t('access.unnamed')}
                </label>
              ))}
            </fieldset>
            <p>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('access.working') : t('access.restrict')}
              </button>
            </p>
          </form>
        </>
      ) : (
        <>
          <p>{t('access.restricted')}</p>
          <h3 id="access-members">{t('access.members')}</h3>
          <ul className="member-list" aria-labelledby="access-members">
            {a.members.map(({ memberId: id, name: given }) => {
              const name = given || nameOf(id);
              return (
                <li key={id}>
                  <span>{name}</span>
                  {id === me?.memberId ? (
                    <span className="muted"> ({t('access.you')})</span>
                  ) : confirmRevoke === id ? (
                    <span role="group" aria-label={t('access.confirmRevoke', { name })}>
                      {' '}
                      {t('access.confirmRevoke', { name })}{' '}
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        onClick={() =>
                          void run(async () => {
                            await api['cases.revoke']({ caseId, memberId: id });
                            setConfirmRevoke(null);
                          }, t('access.revoked'))
                        }
                      >
                        {t('access.revokeYes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirmRevoke(null)}>
                        {t('access.cancel')}
                      </button>
                    </span>
                  ) : (
                    <>
                      {' '}
                      <button type="button" onClick={() => setConfirmRevoke(id)} disabled={busy}>
                        {t('access.revoke', { name })}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <h3 id="access-requests">{t('access.requests')}</h3>
          {a.requests.length === 0 ? (
            <p className="muted">{t('access.noRequests')}</p>
          ) : (
            <ul className="member-list" aria-labelledby="access-requests">
              {a.requests.map((r) => {
                const name = r.name || t('access.unnamed');
                return (
                  <li key={r.memberId}>
                    <span>{t('access.requestLine', { name, at: nbDateTime(r.at) })}</span>{' '}
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => api['cases.grant']({ caseId, memberId: r.memberId }),
                          t('access.granted'),
                        )
                      }
                    >
                      {t('access.grantTo', { name })}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => api['cases.declineAccess']({ caseId, memberId: r.memberId }),
                          t('access.declined'),
                        )
                      }
                    >
                      {t('access.decline', { name })}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <form onSubmit={grant} aria-labelledby="grant-title">
            <h3 id="grant-title">{t('access.grantTitle')}</h3>
            {outside.length === 0 ? (
              <p className="muted">{t('access.nobodyElse')}</p>
            ) : (
              <div className="grid">
                <div className="field">
                  <label htmlFor={grantId}>{t('access.grantWho')}</label>
                  <select id={grantId} value={grantTo} onChange={(e) => setGrantTo(e.target.value)}>
                    <option value="">{t('access.grantChoose')}</option>
                    {outside.map((m) => (
                      <option key={m.memberId} value={m.memberId}>
                        {m.name || t('access.unnamed')}
                      </option>
                    ))}
                  </select>
                </div>
                <p>
                  <button type="submit" disabled={busy || !grantTo}>
                    {t('access.grant')}
                  </button>
                </p>
              </div>
            )}
          </form>
        </>
      )}
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p role="status" className="saved">
        {message}
      </p>
    </section>
  );
}

/**
 * What a member without access sees when they open a restricted case: no name, no content, and
 * «Be om tilgang».
 */
export function RestrictedCase({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const members = useQuery({ queryKey: ['members'], queryFn: () => api['members.list']({}) });
  const me = members.data?.members.find((m) => m.me)?.memberId;
  const { busy, message, failed, run } = useRun(caseId);
  const [asked, setAsked] = useState(false);
  const access = useAccess(caseId, asked ? REQUEST_POLL_MS : false);
  const mine = me ? access.data?.requests.find((r) => r.memberId === me) : undefined;
  useEffect(() => {
    if (mine) setAsked(true);
  }, [mine]);
  // Access given while this page is open: show the case (and its name in the list).
  const canOpen = access.isFetchedAfterMount && access.data?.canOpen === true;
  useEffect(() => {
    if (!canOpen) return;
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['case', caseId] });
  }, [canOpen, qc, caseId]);
  return (
    <div className="restricted-case">
      <h1 id="case-title">{t('access.limitedTitle')}</h1>
      <p>{t('access.limitedLead')}</p>
      <p>
        <button
          type="button"
          className="primary"
          disabled={busy || Boolean(mine)}
          onClick={() =>
            void run(async () => {
              await api['cases.requestAccess']({ caseId });
              setAsked(true);
            }, t('access.asked'))
          }
        >
          {t('access.ask')}
        </button>
      </p>
      {failed && <ErrorBox>{failed}</ErrorBox>}
      {/* From the request itself, so it says the same after a reload. */}
      <p role="status" className="saved">
        {mine ? t('access.askedAt', { at: nbDateTime(mine.at) }) : message}
      </p>
    </div>
  );
}
