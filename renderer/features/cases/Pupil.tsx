import { useState } from 'react';
import type { Guardian } from '../../../shared/domain/pupil';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { Collection } from './Collection';
import { useUpdate, type CaseData } from './useCase';
import { useSchoolNames } from '../registers/Registers';

const PUPIL_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'birthDate', kind: 'date' },
  { name: 'school', kind: 'text', required: true },
  { name: 'grade', kind: 'number', required: true },
  { name: 'coordinator.role', kind: 'text' },
  { name: 'coordinator.name', kind: 'text' },
  { name: 'gender', kind: 'text' },
];

const GUARDIAN_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'relation', kind: 'text' },
  { name: 'parentalResponsibility', kind: 'checkbox' },
  { name: 'contact', kind: 'text', wide: true },
];

export function PupilPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [editing, setEditing] = useState(false);
  const schools = useSchoolNames();
  const p = data.doc.pupil;
  return (
    <>
      <section className="panel" aria-labelledby="pupil-title">
        <div className="panel-head">
          <h2 id="pupil-title">{t('case.tab.pupil')}</h2>
          <button type="button" onClick={() => setEditing(true)}>
            {t('pupil.edit')}
          </button>
        </div>
        <dl className="facts-grid">
          <dt>{t('f.pupil.name')}</dt>
          <dd>{p.name}</dd>
          <dt>{t('f.pupil.birthDate')}</dt>
          <dd>{nbDate(p.birthDate)}</dd>
          <dt>{t('f.pupil.school')}</dt>
          <dd>{p.school ?? '–'}</dd>
          <dt>{t('f.pupil.grade')}</dt>
          <dd>{p.grade === 0 ? t('case.grade0') : (p.grade ?? '–')}</dd>
          <dt>{t('f.pupil.coordinator.name')}</dt>
          <dd>{p.coordinator ? `${p.coordinator.name} (${p.coordinator.role})` : '–'}</dd>
        </dl>
      </section>
      <Collection<Guardian>
        caseId={caseId}
        entity="guardians"
        title={t('pupil.guardians')}
        fields={GUARDIAN_FIELDS}
        items={data.doc.guardians ?? []}
        keys={data.keys.guardians ?? []}
        addLabel={t('pupil.addGuardian')}
        emptyText="–"
        render={(g) => (
          <p>
            <strong>{g.name}</strong>
            {g.relation ? ` · ${g.relation}` : ''}
            {g.parentalResponsibility ? ` · ${t('f.guardians.parentalResponsibility').toLowerCase()}` : ''}
            {g.contact ? ` · ${g.contact}` : ''}
          </p>
        )}
      />
      {editing && (
        <Modal title={t('pupil.edit')} onClose={() => setEditing(false)}>
          <EntityForm
            entity="pupil"
            fields={PUPIL_FIELDS.map((f) => (f.name === 'school' ? { ...f, suggestions: schools } : f))}
            initial={p as Record<string, unknown>}
            withReason
            onCancel={() => setEditing(false)}
            onSubmit={async (set, reason) => {
              await update([{ op: 'set', entity: 'pupil', set, ...(reason ? { reason } : {}) }]);
              setEditing(false);
            }}
          />
        </Modal>
      )}
    </>
  );
}
