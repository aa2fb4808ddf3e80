import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { measureFromCatalogue } from '../../../shared/catalogue/catalogue';
import { LEVELS, TARGETS } from '../../../shared/domain/recommendation';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { optLabel, useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useUpdate } from '../cases/useCase';
import { useRegisters } from '../registers/people';

type Entry = OpOutput<'registers.get'>['catalogue'][number];

const CATALOGUE_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'text', kind: 'textarea', required: true },
  { name: 'level', kind: 'select', options: LEVELS, optKey: 'level', required: true },
  { name: 'target', kind: 'select', options: TARGETS, optKey: 'target', required: true },
  { name: 'predictable', kind: 'checkbox' },
  { name: 'masteryOriented', kind: 'checkbox' },
  { name: 'frequency', kind: 'text' },
  { name: 'code', kind: 'text' },
];

/**
 * «Planlegg fra katalogen»: pick a measure from the vault's catalogue, and the measure form opens
 * filled in from it (text, level, target, predictable, mastery, frequency, catalogueId).
 */
export function PlanFromCatalogue({
  caseId,
  fields,
  defaults,
}: {
  caseId: string;
  fields: readonly FieldSpec[];
  defaults: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const id = useId();
  const registers = useRegisters();
  const update = useUpdate(caseId);
  const [picked, setPicked] = useState('');
  const [open, setOpen] = useState<Entry | null>(null);
  const catalogue = registers.data?.catalogue ?? [];
  if (catalogue.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cat.plan')}</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={id}>{t('cat.pick')}</label>
          <select id={id} value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {catalogue.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="primary"
          disabled={!picked}
          onClick={() => setOpen(catalogue.find((e) => e.id === picked) ?? null)}
        >
          {t('cat.plan')}
        </button>
      </div>
      {open && (
        <Modal title={`${t('cat.plan')}: ${open.name}`} onClose={() => setOpen(null)}>
          <EntityForm
            entity="recommendations"
            fields={fields}
            initial={{ ...defaults, ...measureFromCatalogue(open) }}
            isNew
            onCancel={() => setOpen(null)}
            onSubmit={async (set) => {
              await update([{ op: 'set', entity: 'recommendations', set }]);
              setOpen(null);
              setPicked('');
            }}
          />
        </Modal>
      )}
    </section>
  );
}

/** The catalogue of measures in Registre: the service edits it; empty, it offers the study's. */
export function CataloguePanel() {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const registers = useRegisters();
  const [editing, setEditing] = useState<{ entry: Entry | null } | null>(null);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState('');
  const catalogue = registers.data?.catalogue ?? [];
  const act = async (f: () => Promise<string>) => {
    setFailed('');
    try {
      setMessage(await f());
      await qc.invalidateQueries({ queryKey: ['registers'] });
    } catch (e) {
      setFailed(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    }
  };
  return (
    <section aria-labelledby="cat-title" className="registers">
      <div className="panel-head">
        <h3 id="cat-title">{t('cat.title')}</h3>
        <button type="button" onClick={() => setEditing({ entry: null })}>
          {t('cat.add')}
        </button>
        <button
          type="button"
          onClick={() =>
            void act(async () => t('cat.seeded', { n: (await api['registers.seedCatalogue']({})).added }))
          }
        >
          {t('cat.seed')}
        </button>
      </div>
      <p className="muted">{t('cat.lead')}</p>
      {catalogue.length === 0 ? (
        <p className="muted">{t('cat.empty')}</p>
      ) : (
        <div className="wt-scroll">
          <table className="data" aria-labelledby="cat-title">
            <thead>
              <tr>
                <th scope="col">{t('reg.col.name')}</th>
                <th scope="col">{t('cat.col.level')}</th>
                <th scope="col">{t('cat.col.kind')}</th>
                <th scope="col">
                  <span className="sr-only">{t('reg.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {catalogue.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.name}
                    <span className="sub">{e.text}</span>
                  </th>
                  <td>
                    {[e.level && optLabel(t, 'level', e.level), e.target && optLabel(t, 'target', e.target)]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td>
                    {e.predictable ? t('common.yes') : t('common.no')} /{' '}
                    {e.masteryOriented ? t('common.yes') : t('common.no')}
                  </td>
                  <td className="reg-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('reg.editNamed', { name: e.name })}
                      onClick={() => setEditing({ entry: e })}
                    >
                      {t('reg.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="small"
                      aria-label={t('reg.removeNamed', { name: e.name })}
                      onClick={() => {
                        if (!window.confirm(t('reg.removeConfirm', { name: e.name }))) return;
                        void act(async () => {
                          await api['registers.remove']({ register: 'catalogue', id: e.id });
                          return t('common.saved');
                        });
                      }}
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
          title={editing.entry ? t('reg.editNamed', { name: editing.entry.name }) : t('cat.add')}
          onClose={() => setEditing(null)}
        >
          <EntityForm
            entity="catalogue"
            fields={CATALOGUE_FIELDS}
            initial={(editing.entry ?? undefined) as Record<string, unknown> | undefined}
            isNew={!editing.entry}
            skip={(p) => (p[0] === 'set' ? 1 : 0)}
            onCancel={() => setEditing(null)}
            onSubmit={async (set) => {
              // An unticked box on a new entry is «no», not «not said».
              const whole = editing.entry ? set : { predictable: false, masteryOriented: false, ...set };
              await api['registers.record']({
                register: 'catalogue',
                ...(editing.entry ? { id: editing.entry.id } : {}),
                set: whole,
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
