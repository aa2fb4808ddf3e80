import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { schoolYearOf } from '../../../shared/absence/holidays';
import type { OpOutput } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useRegisters } from '../registers/people';

type Holiday = OpOutput<'registers.get'>['schoolHolidays'][number];

const FIELDS: FieldSpec[] = [
  { name: 'schoolYear', kind: 'text', required: true },
  { name: 'label', kind: 'text', required: true },
  { name: 'from', kind: 'date', required: true },
  { name: 'to', kind: 'date', required: true },
];

/**
 * «Skoleruta: skoleferier» under Innstillinger → Registre: the school holidays per school year
 * (register `schoolHolidays`, shared/absence/holidays.ts). The absence rate leaves their days out
 * of the school days, in the app, in `bro absence` and in letters.
 */
export function SchoolHolidaysPanel() {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const registers = useRegisters();
  const [editing, setEditing] = useState<{ entry: Holiday | null } | null>(null);
  const [failed, setFailed] = useState('');
  const [message, setMessage] = useState('');
  if (!registers.data) return null;
  const holidays = registers.data.schoolHolidays;
  const name = (h: Holiday) => `${h.label} ${h.schoolYear}`;
  const remove = async (h: Holiday) => {
    if (!window.confirm(t('reg.removeConfirm', { name: name(h) }))) return;
    setFailed('');
    try {
      await api['registers.remove']({ register: 'schoolHolidays', id: h.id });
      await qc.invalidateQueries({ queryKey: ['registers'] });
      setMessage(t('common.saved'));
    } catch (e) {
      setFailed(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    }
  };
  return (
    <section aria-labelledby="reg-holidays" className="holidays">
      <div className="panel-head">
        <h3 id="reg-holidays">{t('reg.holidays')}</h3>
        <button type="button" onClick={() => setEditing({ entry: null })}>
          {t('reg.addHoliday')}
        </button>
      </div>
      <p className="muted">{t('reg.holidaysLead')}</p>
      {holidays.length === 0 ? (
        <p className="muted">{t('reg.holidaysNone')}</p>
      ) : (
        <div className="wt-scroll">
          <table className="data" aria-labelledby="reg-holidays">
            <thead>
              <tr>
                <th scope="col">{t('reg.col.schoolYear')}</th>
                <th scope="col">{t('reg.col.holiday')}</th>
                <th scope="col">{t('reg.col.period')}</th>
                <th scope="col">
                  <span className="sr-only">{t('reg.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holidays.map((h) => (
                <tr key={h.id}>
                  <td>{h.schoolYear}</td>
                  <th scope="row">{h.label}</th>
                  <td>
                    {nbDate(h.from)}–{nbDate(h.to)}
                  </td>
                  <td className="reg-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('reg.editNamed', { name: name(h) })}
                      onClick={() => setEditing({ entry: h })}
                    >
                      {t('reg.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="small"
                      aria-label={t('reg.removeNamed', { name: name(h) })}
                      onClick={() => void remove(h)}
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
      {failed && <ErrorBox>{failed}</ErrorBox>}
      <p role="status" className="saved">
        {message}
      </p>
      {editing && (
        <Modal
          title={editing.entry ? t('reg.editNamed', { name: name(editing.entry) }) : t('reg.addHoliday')}
          onClose={() => setEditing(null)}
        >
          <EntityForm
            entity="schoolHolidays"
            fields={FIELDS}
            initial={
              (editing.entry ?? {
                // The school year now, as the likeliest one to fill in.
                schoolYear: schoolYearOf(new Date().toISOString().slice(0, 10)),
              }) as Record<string, unknown>
            }
            isNew={!editing.entry}
            skip={(p) => (p[0] === 'set' ? 1 : 0)}
            onCancel={() => setEditing(null)}
            onSubmit={async (set) => {
              await api['registers.record']({
                register: 'schoolHolidays',
                ...(editing.entry ? { id: editing.entry.id } : {}),
                set,
              });
              await qc.invalidateQueries({ queryKey: ['registers'] });
              await qc.invalidateQueries({ queryKey: ['case'] });
              setEditing(null);
              setMessage(t('common.saved'));
            }}
          />
        </Modal>
      )}
    </section>
  );
}
