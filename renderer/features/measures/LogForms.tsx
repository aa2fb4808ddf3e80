import { useState } from 'react';
import {
  CHECK_IN_RESULTS,
  MEASURE_STATUSES,
  type Recommendation,
} from '../../../shared/domain/recommendation';
import { endsWorkingMeasure } from '../../../shared/measures/rules';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Modal } from '../../app/ui';
import { useUpdate } from '../cases/useCase';

/**
 * Forms for what happens between evaluation meetings (issue 13 item 4 and 5): an occurrence of a
 * recurring measure (did the weekly call happen), a short check-in, and a status change. Each is
 * added to the measure's own list through `cases.update`, so the same rules (shared/measures/rules.ts)
 * judge it in the app, the API and the importer.
 */
type Values = Record<string, unknown>;

export type LogKind = 'implementation' | 'occurrences' | 'checkIns' | 'statusChanges';

/** Who reports whether a measure is in place: the school (meldt) or the parents (bekreftet). */
const REPORTERS = ['skole', 'foresatte'] as const;

const FIELDS: Record<LogKind, FieldSpec[]> = {
  // Did it happen? One report from the school or the parents; the card shows both side by side.
  implementation: [
    { name: 'date', kind: 'date', required: true },
    { name: 'by', kind: 'select', options: REPORTERS, optKey: 'reportBy', required: true },
    { name: 'inPlace', kind: 'checkbox' },
    { name: 'note', kind: 'textarea', wide: true },
  ],
  occurrences: [
    { name: 'date', kind: 'date', required: true },
    { name: 'held', kind: 'checkbox' },
    { name: 'note', kind: 'textarea', wide: true },
  ],
  checkIns: [
    { name: 'date', kind: 'date', required: true },
    { name: 'result', kind: 'select', options: CHECK_IN_RESULTS, optKey: 'checkInResult', required: true },
    { name: 'by', kind: 'text' },
    { name: 'note', kind: 'textarea', wide: true },
  ],
  statusChanges: [
    { name: 'date', kind: 'date', required: true },
    { name: 'status', kind: 'select', options: MEASURE_STATUSES, optKey: 'measureStatus', required: true },
    { name: 'by', kind: 'text', required: true },
    // Required when it ends the measure (END_REASON_REQUIRED).
    { name: 'reason', kind: 'textarea', wide: true, hint: 'mea.statusReasonHint' },
  ],
};

/** What a new entry's form starts with besides today's date. */
const INITIAL: Record<LogKind, Values> = {
  implementation: { by: 'skole', inPlace: true },
  occurrences: { held: true },
  checkIns: {},
  statusChanges: {},
};

/**
 * Would this measure, with the new entry, end although its latest evaluation says it works?
 * The shared rule answers, so the app warns exactly when the API would refuse.
 */
export function endsWhileWorking(
  r: Recommendation,
  kind: 'evaluations' | 'statusChanges',
  entry: Values,
): boolean {
  const next = {
    ...r,
    [kind]: [...((r[kind] as unknown[] | null | undefined) ?? []), entry],
  } as Recommendation;
  const index = (next[kind] as unknown[]).length - 1;
  return endsWorkingMeasure(next, []).some((i) => i.path[0] === kind && i.path[1] === index);
}

/**
 * The warning shown before a measure that works is ended: what the latest evaluation said, and
 * that going on records the moment the warning was seen (`endWarningSeen`).
 */
export function EndWarning({ onConfirm, onBack }: { onConfirm: () => Promise<void>; onBack: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <section
      className="end-warning"
      role="alertdialog"
      aria-labelledby="end-warning-h"
      aria-describedby="end-warning-p"
    >
      <h3 id="end-warning-h">{t('mea.endWarningTitle')}</h3>
      <p id="end-warning-p" className="warn">
        {t('mea.endWarningText')}
      </p>
      <div className="actions">
        <button type="button" onClick={onBack} autoFocus>
          {t('mea.endWarningBack')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('mea.endWarningConfirm')}
        </button>
      </div>
    </section>
  );
}

export function LogForm({
  caseId,
  kind,
  rec,
  recKey,
  onClose,
}: {
  caseId: string;
  kind: LogKind;
  rec: Recommendation;
  recKey: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const update = useUpdate(caseId);
  const [pending, setPending] = useState<Values | null>(null);
  // Back from the warning, the form shows what was typed.
  const [draft, setDraft] = useState<Values | null>(null);
  const save = async (entry: Values) => {
    const list = [...((rec[kind] as unknown[] | null | undefined) ?? []), entry];
    await update([{ op: 'set', entity: 'recommendations', key: recKey, set: { [kind]: list } }]);
    onClose();
  };
  return (
    <Modal title={`${t(`mea.log.${kind}`)}: ${rec.what}`} onClose={onClose}>
      {pending ? (
        <EndWarning
          onBack={() => {
            setDraft(pending);
            setPending(null);
          }}
          onConfirm={() => save({ ...pending, endWarningSeen: new Date().toISOString() })}
        />
      ) : (
        <EntityForm
          entity={kind}
          fields={FIELDS[kind]}
          initial={draft ?? { date: todayIso(), ...INITIAL[kind] }}
          isNew
          // A rule's path ends in the entry's own field: case.recommendations[i].<kind>[j].<field>.
          skip={(p) => (p[0] === 'case' || p[0] === 'changes' ? 5 : 0)}
          onCancel={onClose}
          onSubmit={async (set) => {
            // An unticked box is left out of `set`: it means «no».
            const entry =
              kind === 'occurrences'
                ? { held: false, ...set }
                : kind === 'implementation'
                  ? { inPlace: false, ...set }
                  : set;
            if (kind === 'statusChanges' && endsWhileWorking(rec, kind, entry)) {
              setPending(entry);
              return;
            }
            await save(entry);
          }}
        />
      )}
    </Modal>
  );
}
