import { useState } from 'react';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { useI18n, type TextKey } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { useUpdate, type CaseData } from './useCase';

type Part = 'pupilVoice' | 'parentsView' | 'expectations';
const FIELDS: Record<Part, FieldSpec[]> = {
  pupilVoice: [{ name: 'pupilVoice', kind: 'textarea' }],
  parentsView: [{ name: 'parentsView', kind: 'textarea', hint: 'voice.parentsHint' }],
  expectations: [
    { name: 'expectations.canOffer', kind: 'textarea' },
    { name: 'expectations.cannotOffer', kind: 'textarea' },
    { name: 'expectations.timeline', kind: 'textarea' },
    { name: 'expectations.commitments', kind: 'textarea' },
  ],
};
const TITLES: Record<Part, TextKey> = {
  pupilVoice: 'voice.pupil',
  parentsView: 'voice.parents',
  expectations: 'voice.expectations',
};

/** The pupil's voice, the parents' view and proposals, and the expectations agreed with the family. */
export function VoicesPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [editing, setEditing] = useState<Part | null>(null);
  const d = data.doc;
  const text = (s: string | null | undefined) =>
    s ? <p className="prose">{s}</p> : <p className="muted">{t('voice.empty')}</p>;
  return (
    <>
      {(['pupilVoice', 'parentsView', 'expectations'] as const).map((part) => (
        <section key={part} className="panel" aria-labelledby={`v-${part}`}>
          <div className="panel-head">
            <h2 id={`v-${part}`}>{t(TITLES[part])}</h2>
            <button type="button" onClick={() => setEditing(part)}>
              {t('common.edit')}
              <span className="sr-only"> {t(TITLES[part]).toLowerCase()}</span>
            </button>
          </div>
          {part === 'expectations' ? (
            <dl className="facts-grid">
              {FIELDS.expectations.map((f) => (
                <div key={f.name} className="contents">
                  <dt>{t(`f.case.${f.name}` as TextKey)}</dt>
                  <dd>{d.expectations?.[f.name.split('.')[1] as 'canOffer'] ?? '–'}</dd>
                </div>
              ))}
            </dl>
          ) : (
            text(d[part])
          )}
        </section>
      ))}
      {editing && (
        <Modal title={t(TITLES[editing])} onClose={() => setEditing(null)}>
          <EntityForm
            entity="case"
            fields={FIELDS[editing]}
            initial={d as unknown as Record<string, unknown>}
            withReason
            onCancel={() => setEditing(null)}
            onSubmit={async (set, reason) => {
              await update([{ op: 'set', entity: 'case', set, ...(reason ? { reason } : {}) }]);
              setEditing(null);
            }}
          />
        </Modal>
      )}
    </>
  );
}
