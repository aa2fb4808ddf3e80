import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';

const FIELDS = ['endpoint', 'kontoId', 'integrationId', 'tokenUrl'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The SvarUt account on the settings screen (issue 19 item 2): what is not secret is kept in this
 * device's settings; the integration password goes to the OS keychain through `dispatch.secret`
 * and is never shown again or written in plain text.
 */
export function SvarUtSettings() {
  const { t, issue, error } = useI18n();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  const [form, setForm] = useState<Record<Field, string>>({
    endpoint: '',
    kontoId: '',
    integrationId: '',
    tokenUrl: '',
  });
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ lines: string[]; fields: Set<string> } | null>(null);
  useEffect(() => {
    const s = settings.data?.svarut;
    if (s)
      setForm({
        endpoint: s.endpoint ?? '',
        kontoId: s.kontoId ?? '',
        integrationId: s.integrationId ?? '',
        tokenUrl: s.tokenUrl ?? '',
      });
  }, [settings.data]);

  const fail = (e: unknown) => {
    const err = e instanceof BroError ? e : null;
    setFailed({
      lines: err?.issues.length
        ? err.issues.map((i) => issue(i.code, i.limit))
        : [error(err?.code ?? 'INTERNAL')],
      fields: new Set((err?.issues ?? []).map((i) => String(i.path[i.path.length - 1] ?? ''))),
    });
  };
  const save = async () => {
    setNote(null);
    setFailed(null);
    try {
      const svarut = Object.fromEntries(FIELDS.map((f) => [f, form[f].trim() || null]));
      qc.setQueryData(['settings'], await api['settings.set']({ svarut }));
      setNote(t('dispatch.accountSaved'));
    } catch (e) {
      fail(e);
    }
  };
  const savePassword = async () => {
    setNote(null);
    setFailed(null);
    try {
      await api['dispatch.secret']({ password });
      setNote(t('dispatch.passwordSaved'));
    } catch (e) {
      if (e instanceof BroError && e.issues.some((i) => i.code === 'DISPATCH_NO_KEYCHAIN'))
        setFailed({ lines: [t('dispatch.passwordNoKeychain')], fields: new Set(['password']) });
      else fail(e);
    } finally {
      setPassword('');
    }
  };
  return (
    <section aria-labelledby="svarut-title" className="svarut-settings">
      <h2 id="svarut-title">{t('dispatch.settingsTitle')}</h2>
      <p className="hint">{t('dispatch.settingsLead')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`svarut-${f}`}>{t(`dispatch.${f}` as TextKey)}</label>
            <input
              id={`svarut-${f}`}
              autoComplete="off"
              value={form[f]}
              aria-invalid={failed?.fields.has(f) ? true : undefined}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
            />
          </div>
        ))}
        <div className="actions">
          <button type="submit">{t('dispatch.saveAccount')}</button>
        </div>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (password) void savePassword();
        }}
      >
        <div className="field">
          <label htmlFor="svarut-password">{t('dispatch.password')}</label>
          <input
            id="svarut-password"
            type="password"
            autoComplete="off"
            value={password}
            aria-invalid={failed?.fields.has('password') ? true : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={password === ''}>
            {t('dispatch.savePassword')}
          </button>
        </div>
      </form>
      <p role="status">{note ?? ''}</p>
      {failed && (
        <ErrorBox>
          <ul>
            {failed.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </ErrorBox>
      )}
    </section>
  );
}
