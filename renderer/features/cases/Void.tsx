import { useState } from 'react';
import type { Collection } from '../../../shared/domain/caseDoc';
import { BroError } from '../../../shared/errors';
import { EntityForm } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Modal } from '../../app/ui';

/** The reason form shared by voiding an item and a whole case: a reason is required. */
export function VoidForm({
  lead,
  onVoid,
  onCancel,
}: {
  lead: string;
  onVoid: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <p>{lead}</p>
      <EntityForm
        entity="void"
        fields={[
          { name: 'reason', kind: 'textarea', required: true, label: 'void.reason', hint: 'void.reasonHint' },
        ]}
        skip={() => 0}
        submitLabel={t('void.submit')}
        onCancel={onCancel}
        onSubmit={async (set) => {
          const reason = typeof set.reason === 'string' ? set.reason : '';
          if (!reason)
            throw new BroError('VALIDATION', 'A reason is needed', {
              issues: [{ path: ['reason'], code: 'REQUIRED' }],
            });
          await onVoid(reason);
        }}
      />
    </>
  );
}

/**
 * «Annuller» on a wrong referral, meeting or measure: removed with a reason (`op: 'remove'`), it
 * leaves the case's figures, tasks and letters; the timeline keeps it with the reason and author.
 */
export function VoidItem({
  entity,
  itemKey,
  what,
  update,
}: {
  entity: Collection;
  itemKey: string;
  /** Names the item in the button's accessible name and the dialog's title. */
  what: string;
  update: (changes: [{ op: 'remove'; entity: Collection; key: string; reason: string }]) => Promise<void>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="danger"
        aria-label={t('void.buttonNamed', { what })}
        onClick={() => setOpen(true)}
      >
        {t('void.button')}
      </button>
      {open && (
        <Modal title={t('void.title', { what })} onClose={() => setOpen(false)}>
          <VoidForm
            lead={t('void.lead')}
            onCancel={() => setOpen(false)}
            onVoid={async (reason) => {
              await update([{ op: 'remove', entity, key: itemKey, reason }]);
              setOpen(false);
            }}
          />
        </Modal>
      )}
    </>
  );
}
