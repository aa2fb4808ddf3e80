import { useState } from 'react';
import type { Consent } from '../../../shared/domain/consent';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { useUpdate, type CaseData } from '../cases/useCase';

const FIELDS: FieldSpec[] = [
  { name: 'givenBy', kind: 'text', required: true },
  { name: 'recipient', kind: 'text', required: true },
  { name: 'information', kind: 'textarea', required: true },
  { name: 'purpose', kind: 'textarea', required: true },
  { name: 'date', kind: 'date', required: true },
  { name: 'expires', kind: 'date' },
];

/** Consents: who gave it, which information to whom and why, until when; withdrawal is one click and a date. */
export function ConsentsPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const today = todayIso();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  return (
    <>
      <Collection<Consent>
        caseId={caseId}
        entity="consents"
        title={t('case.tab.consents')}
        fields={FIELDS}
        items={data.doc.consents ?? []}
        keys={data.keys.consents ?? []}
        addLabel={t('con.add')}
        emptyText={t('con.none')}
        newDefaults={{ date: today }}
        render={(c) => (
          <>
            <h3>
              {c.givenBy} → {c.recipient}{' '}
              {c.withdrawn ? (
                <span className="badge bad">{t('con.withdrawn', { date: nbDate(c.withdrawn) })}</span>
              ) : c.expires && c.expires < today ? (
                <span className="badge warn">{t('con.expired', { date: nbDate(c.expires) })}</span>
              ) : (
                <span className="badge ok">{t('con.active')}</span>
              )}
            </h3>
            <p>
              <strong>{t('f.consents.information')}:</strong> {c.information}
            </p>
            <p>
              <strong>{t('f.consents.purpose')}:</strong> {c.purpose}
            </p>
            <p className="muted">
              {t('f.consents.date')}: {nbDate(c.date)}
              {c.expires ? ` · ${t('f.consents.expires')}: ${nbDate(c.expires)}` : ''}
            </p>
          </>
        )}
        extraActions={(c, key) =>
          c.withdrawn ? null : (
            <button type="button" onClick={() => setWithdrawing(key)}>
              {t('con.withdraw')}
              <span className="sr-only">: {c.recipient}</span>
            </button>
          )
        }
      />
      {withdrawing && (
        <Modal title={t('con.withdraw')} onClose={() => setWithdrawing(null)}>
          <EntityForm
            entity="consents"
            fields={[{ name: 'withdrawn', kind: 'date', required: true }]}
            initial={{ withdrawn: today }}
            isNew
            submitLabel={t('con.withdraw')}
            onCancel={() => setWithdrawing(null)}
            onSubmit={async (set) => {
              await update([{ op: 'set', entity: 'consents', key: withdrawing, set }]);
              setWithdrawing(null);
            }}
          />
        </Modal>
      )}
    </>
  );
}
