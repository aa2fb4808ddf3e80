import { useState, type ReactNode } from 'react';
import type { Collection as CollectionName } from '../../../shared/domain/caseDoc';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Empty, Modal } from '../../app/ui';
import { useUpdate } from './useCase';
import { VoidItem } from './Void';

/**
 * A list of one collection of a case (referrals, consents, absence, …) with add and edit:
 * every save is one `cases.update` call, and the contract's issues land at their fields.
 */
export function Collection<T extends object>({
  caseId,
  entity,
  title,
  fields,
  items,
  keys,
  addLabel,
  emptyText,
  newDefaults,
  render,
  extraActions,
  voidable,
}: {
  caseId: string;
  entity: CollectionName;
  title: string;
  fields: readonly FieldSpec[];
  items: readonly T[];
  keys: readonly string[];
  addLabel: string;
  emptyText: string;
  newDefaults?: Record<string, unknown>;
  render: (item: T, index: number) => ReactNode;
  extraActions?: (item: T, key: string) => ReactNode;
  /** Items can be voided with a reason (a wrong referral or measure): see VoidItem. */
  voidable?: boolean;
}) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [editing, setEditing] = useState<{ key: string | null; item?: T } | null>(null);
  return (
    <section className="panel" aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        <button type="button" className="primary" onClick={() => setEditing({ key: null })}>
          {addLabel}
        </button>
      </div>
      {items.length === 0 ? (
        <Empty>{emptyText}</Empty>
      ) : (
        <ul className="cards">
          {items.map((item, i) => (
            <li key={keys[i] ?? i} className="card">
              {render(item, i)}
              <div className="card-actions">
                <button type="button" onClick={() => setEditing({ key: keys[i]!, item })}>
                  {t('common.edit')}
                </button>
                {extraActions?.(item, keys[i]!)}
                {voidable && keys[i] && (
                  <VoidItem entity={entity} itemKey={keys[i]} what={`${title} ${i + 1}`} update={update} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <Modal
          title={editing.key ? `${title}: ${t('common.edit').toLowerCase()}` : addLabel}
          onClose={() => setEditing(null)}
        >
          <EntityForm
            entity={entity}
            fields={fields}
            {...(editing.item
              ? { initial: editing.item as Record<string, unknown> }
              : newDefaults
                ? { initial: newDefaults, isNew: true }
                : {})}
            withReason={editing.key !== null}
            onCancel={() => setEditing(null)}
            onSubmit={async (set, reason) => {
              await update([
                {
                  op: 'set',
                  entity,
                  ...(editing.key ? { key: editing.key } : {}),
                  set,
                  ...(reason ? { reason } : {}),
                },
              ]);
              setEditing(null);
            }}
          />
        </Modal>
      )}
    </section>
  );
}
