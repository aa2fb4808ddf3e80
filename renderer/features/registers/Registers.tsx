import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useMembers, useRegisters } from './people';
import { CataloguePanel } from '../school/Catalogue';
import { SchoolHolidaysPanel } from '../absence/Holidays';

/**
 * «Ditt navn»: the member's own display name (`members.rename`). It signs letters and names the
 * member in the timeline, drafts and the member list; without it no letter can be issued.
 */
export function MyName() {
  const { t, error, issue } = useI18n();
  const qc = useQueryClient();
  const members = useMembers();
  const me = members.data?.members.find((m) => m.me) ?? null;
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const current = me?.name ?? '';
  useEffect(() => setName(current), [current]);
  // Sent here to set a missing name (a letter stopped for it): the field is where the cursor goes.
  const unnamed = me !== null && current.trim() === '';
  useEffect(() => {
    if (unnamed) document.getElementById(id)?.focus();
  }, [unnamed, id]);
  if (!members.data) return <p role="status">{t('app.loading')}</p>;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage('');
    setFailed('');
    try {
      await api['members.rename']({ name });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['members'] }),
        qc.invalidateQueries({ queryKey: ['registers'] }),
        qc.invalidateQueries({ queryKey: ['cases'] }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
      setMessage(t('me.saved'));
    } catch (err) {
      if (err instanceof BroError) {
        const i = err.issues.find((x) => x.path[0] === 'name');
        setFailed(i ? `${t('me.label')}: ${issue(i.code)}` : error(err.code));
      } else setFailed(error('INTERNAL'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="me-title" className="panel me">
      <h2 id="me-title">{t('me.title')}</h2>
      <p className="muted" id={`${id}-lead`}>
        {t('me.lead')}
      </p>
      {!me ? (
        <p className="warn">{t('me.recovery')}</p>
      ) : (
        <form onSubmit={save}>
          {current.trim() === '' && (
            <p className="warn" id={`${id}-missing`}>
              {t('me.missing')}
            </p>
          )}
          <div className="inline-form">
            <div className="field">
              <label htmlFor={id}>{t('me.label')}</label>
              <input
                id={id}
                value={name}
                maxLength={200}
                autoComplete="name"
                aria-describedby={`${id}-lead${current.trim() === '' ? ` ${id}-missing` : ''}`}
                aria-invalid={failed ? true : undefined}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t('me.save')}
            </button>
          </div>
        </form>
      )}
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p role="status" className="saved">
        {message}
      </p>
    </section>
  );
}

type Registers = OpOutput<'registers.get'>;
type Caseworker = Registers['caseworkers'][number];
type School = Registers['schools'][number];

const CASEWORKER_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'role', kind: 'text' },
  { name: 'service', kind: 'text' },
  { name: 'phone', kind: 'text', autoComplete: 'off' },
  { name: 'email', kind: 'text', autoComplete: 'off' },
];

const SCHOOL_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'orgNumber', kind: 'text' },
  { name: 'rektor', kind: 'text' },
  { name: 'address', kind: 'text', wide: true },
  { name: 'postcode', kind: 'text' },
  { name: 'place', kind: 'text' },
  { name: 'phone', kind: 'text' },
  { name: 'email', kind: 'text' },
];

type Editing =
  { register: 'caseworkers'; entry: Caseworker | null } | { register: 'schools'; entry: School | null };

/**
 * The registers kept in the vault, shared by its members: caseworkers (the members, then
 * colleagues outside the vault) and schools with their postal addresses. Forms pick names from
 * them; letters print the school's address from them.
 */
export function RegistersPanel() {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const registers = useRegisters();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [failed, setFailed] = useState('');
  const [message, setMessage] = useState('');
  if (!registers.data) return <p role="status">{t('app.loading')}</p>;
  const { caseworkers, schools } = registers.data;
  const colleagues = caseworkers.filter((c) => !c.member || c.active);

  const remove = async (register: 'caseworkers' | 'schools', id: string, name: string) => {
    if (!window.confirm(t('reg.removeConfirm', { name }))) return;
    setFailed('');
    try {
      await api['registers.remove']({ register, id });
      await qc.invalidateQueries({ queryKey: ['registers'] });
      setMessage(t('common.saved'));
    } catch (e) {
      setFailed(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    }
  };
  const contact = (x: { phone: string | null; email: string | null }) =>
    [x.phone, x.email].filter(Boolean).join(' · ') || '–';

  return (
    <section aria-labelledby="reg-title" className="registers">
      <h2 id="reg-title">{t('reg.title')}</h2>
      <p className="muted">{t('reg.lead')}</p>

      <div className="panel-head">
        <h3 id="reg-cw">{t('reg.caseworkers')}</h3>
        <button type="button" onClick={() => setEditing({ register: 'caseworkers', entry: null })}>
          {t('reg.addCaseworker')}
        </button>
      </div>
      <div className="wt-scroll">
        <table className="data" aria-labelledby="reg-cw">
          <thead>
            <tr>
              <th scope="col">{t('reg.col.name')}</th>
              <th scope="col">{t('reg.col.role')}</th>
              <th scope="col">{t('reg.col.contact')}</th>
              <th scope="col">
                <span className="sr-only">{t('reg.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {colleagues.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name.trim() || t('members.unnamed')}</th>
                <td>
                  {c.member
                    ? `${t('reg.member')}${c.me ? ` (${t('reg.you')})` : ''}`
                    : [c.role, c.service].filter(Boolean).join(', ') || '–'}
                </td>
                <td>{contact(c)}</td>
                <td className="reg-actions">
                  {!c.member && (
                    <>
                      <button
                        type="button"
                        className="small"
                        aria-label={t('reg.editNamed', { name: c.name })}
                        onClick={() => setEditing({ register: 'caseworkers', entry: c })}
                      >
                        {t('reg.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        className="small"
                        aria-label={t('reg.removeNamed', { name: c.name })}
                        onClick={() => void remove('caseworkers', c.id, c.name)}
                      >
                        {t('reg.remove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="panel-head">
        <h3 id="reg-schools">{t('reg.schools')}</h3>
        <button type="button" onClick={() => setEditing({ register: 'schools', entry: null })}>
          {t('reg.addSchool')}
        </button>
      </div>
      {schools.length === 0 ? (
        <p className="muted">{t('reg.none')}</p>
      ) : (
        <div className="wt-scroll">
          <table className="data" aria-labelledby="reg-schools">
            <thead>
              <tr>
                <th scope="col">{t('reg.col.name')}</th>
                <th scope="col">{t('reg.col.rektor')}</th>
                <th scope="col">{t('reg.col.address')}</th>
                <th scope="col">{t('reg.col.contact')}</th>
                <th scope="col">
                  <span className="sr-only">{t('reg.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name}
                    {s.orgNumber && <span className="sub mono">{s.orgNumber}</span>}
                  </th>
                  <td>{s.rektor ?? '–'}</td>
                  <td>
                    {[s.address, [s.postcode, s.place].filter(Boolean).join(' ')]
                      .filter(Boolean)
                      .join(', ') || '–'}
                  </td>
                  <td>{contact(s)}</td>
                  <td className="reg-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('reg.editNamed', { name: s.name })}
                      onClick={() => setEditing({ register: 'schools', entry: s })}
                    >
                      {t('reg.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="small"
                      aria-label={t('reg.removeNamed', { name: s.name })}
                      onClick={() => void remove('schools', s.id, s.name)}
                    >
                      {t('reg.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CataloguePanel />
      <SchoolHolidaysPanel />
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p role="status" className="saved">
        {message}
      </p>
      {editing && (
        <Modal
          title={
            editing.entry
              ? t('reg.editNamed', { name: editing.entry.name })
              : editing.register === 'schools'
                ? t('reg.addSchool')
                : t('reg.addCaseworker')
          }
          onClose={() => setEditing(null)}
        >
          <EntityForm
            entity={editing.register}
            fields={editing.register === 'schools' ? SCHOOL_FIELDS : CASEWORKER_FIELDS}
            initial={(editing.entry ?? undefined) as Record<string, unknown> | undefined}
            isNew={!editing.entry}
            skip={(p) => (p[0] === 'set' ? 1 : 0)}
            onCancel={() => setEditing(null)}
            onSubmit={async (set) => {
              await api['registers.record']({
                register: editing.register,
                ...(editing.entry ? { id: editing.entry.id } : {}),
                set,
              });
              await qc.invalidateQueries({ queryKey: ['registers'] });
              setEditing(null);
              setMessage(t('common.saved'));
            }}
          />
        </Modal>
      )}
    </section>
  );
}

/** Names to suggest in a form's caseworker field: the vault's members (named), then colleagues. */
export function useCaseworkerNames(): string[] {
  const r = useRegisters();
  return (r.data?.caseworkers ?? []).filter((c) => c.active && c.name.trim() !== '').map((c) => c.name);
}

/** Names to suggest in a form's school field. */
export function useSchoolNames(): string[] {
  const r = useRegisters();
  return (r.data?.schools ?? []).map((s) => s.name);
}
