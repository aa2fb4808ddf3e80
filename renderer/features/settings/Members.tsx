import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';

/**
 * Members of a shared vault: who has access, join requests waiting (approved by comparing the
 * code the colleague reads out), and removal, which changes every key.
 */
export function MembersPanel() {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const members = useQuery({ queryKey: ['members'], queryFn: () => api['members.list']({}) });
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState('');
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const codeId = useId();
  const nameId = useId();

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setFailed('');
    setMessage('');
    try {
      await what();
      setMessage(done);
      await qc.invalidateQueries({ queryKey: ['members'] });
    } catch (e) {
      setFailed(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  const approve = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api['members.approve']({ code, name });
      setCode('');
      setName('');
    }, t('members.approved'));
  };

  if (!members.data) return <p role="status">{t('app.loading')}</p>;
  const active = members.data.members.filter((m) => m.active);
  return (
    <section aria-labelledby="members-title" className="members">
      <h2 id="members-title">{t('members.title')}</h2>
      <ul className="member-list">
        {active.map((m) => (
          <li key={m.memberId}>
            <span>{m.name || t('members.unnamed')}</span>
            {m.me ? (
              <span className="muted"> ({t('members.you')})</span>
            ) : confirmRemove === m.memberId ? (
              <span role="group" aria-label={t('members.confirmRemove', { name: m.name })}>
                {' '}
                {t('members.confirmRemove', { name: m.name })}{' '}
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await api['members.remove']({ memberId: m.memberId });
                      setConfirmRemove(null);
                    }, t('members.removed'))
                  }
                >
                  {t('members.removeYes')}
                </button>{' '}
                <button type="button" onClick={() => setConfirmRemove(null)}>
                  {t('members.cancel')}
                </button>
              </span>
            ) : (
              <>
                {' '}
                <button type="button" onClick={() => setConfirmRemove(m.memberId)} disabled={busy}>
                  {t('members.remove', { name: m.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('members.requests')}</h3>
      {members.data.requests.length === 0 ? (
        <p className="muted">{t('members.noRequests')}</p>
      ) : (
        <ul>
          {members.data.requests.map((r) => (
            <li key={r.memberId}>
              <span className="mono">{r.code}</span> <span className="muted">({r.created})</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={approve} aria-labelledby="approve-title">
        <h3 id="approve-title">{t('members.approveTitle')}</h3>
        <p className="muted">{t('members.approveHelp')}</p>
        <div className="grid">
          <div className="field">
            <label htmlFor={codeId}>{t('members.code')}</label>
            <input
              id={codeId}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              required
            />
          </div>
          <div className="field">
            <label htmlFor={nameId}>{t('members.name')}</label>
            <input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              required
            />
          </div>
        </div>
        <p>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('members.working') : t('members.approve')}
          </button>
        </p>
      </form>
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p role="status" className="saved">
        {message}
      </p>
    </section>
  );
}
