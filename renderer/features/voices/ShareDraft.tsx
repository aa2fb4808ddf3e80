import { useState } from 'react';
import { addDays } from '../../../shared/calendar/days';
import { BroError } from '../../../shared/errors';
import type { LetterKind, LetterLang } from '../../../shared/letters/kinds';
import type { LetterOptionsInput } from '../../../shared/letters/options';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { safeFileName, saveBase64 } from '../../app/files';
import { todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { useUpdate } from '../cases/useCase';

/** Days the parents are given to comment, by default. */
const COMMENT_DAYS = 14;

const FIELDS: FieldSpec[] = [
  { name: 'commentBy', kind: 'date', required: true },
  { name: 'sharedWith', kind: 'text' },
];

/**
 * Høringsutkast (issue 14): the letter as it stands, rendered as a PDF marked UTKAST (not signed,
 * nothing recorded as sent: `letters.issue` with `draft`), offered as a file to send to the
 * parents, and recorded in the case (`hearings`) with the day comments are asked for by. The final
 * letter of this kind then prints their comment, or says that none came by that day.
 */
export function ShareDraftDialog({
  caseId,
  kind,
  lang,
  options,
  onClose,
}: {
  caseId: string;
  kind: LetterKind;
  lang: LetterLang;
  options: LetterOptionsInput;
  onClose: () => void;
}) {
  const { t, error } = useI18n();
  const update = useUpdate(caseId);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState<BroError | null>(null);
  const today = todayIso();
  return (
    <Modal title={t('hearings.shareTitle')} onClose={onClose}>
      {done ? (
        <div role="status">
          <p className="ok-line">{t('hearings.shared')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t('hearings.shareLead')}</p>
          {failed && <ErrorBox>{error(failed.code)}</ErrorBox>}
          <EntityForm
            entity="hearings"
            fields={FIELDS}
            initial={{ commentBy: addDays(today, COMMENT_DAYS), sharedWith: 'foresatte' }}
            isNew
            submitLabel={t('hearings.shareDo')}
            onCancel={onClose}
            onSubmit={async (set) => {
              setFailed(null);
              try {
                // The PDF first: the draft the parents get does not yet speak of their comment.
                const r = await api['letters.issue']({ caseId, kind, lang, options, draft: true });
                await update([{ op: 'set', entity: 'hearings', set: { kind, shared: today, ...set } }]);
                if (r.pdf) saveBase64(safeFileName(['utkast', kind, today], 'pdf'), 'application/pdf', r.pdf);
                setDone(true);
              } catch (e) {
                // Field issues (a date before today) land at their fields through EntityForm.
                if (e instanceof BroError && e.issues.length) throw e;
                setFailed(e instanceof BroError ? e : new BroError('INTERNAL', 'share failed'));
              }
            }}
          />
        </>
      )}
    </Modal>
  );
}
