import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { NOTE_KINDS, type Note } from '../../../shared/domain/note';
import { BroError } from '../../../shared/errors';
import { noteWriters, searchNotes } from '../../../shared/notes/visibility';
import { api } from '../../api';
import type { FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { optLabel, useI18n } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { refresh, type CaseData } from '../cases/useCase';
import { useAuthorName } from '../registers/people';

const FIELDS: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'kind', kind: 'select', options: NOTE_KINDS, optKey: 'noteKind', required: true },
  { name: 'confidential', kind: 'checkbox', hint: 'notes.confidentialHint' },
  { name: 'text', kind: 'textarea', required: true, wide: true },
];

/**
 * Journalnotater: the caseworker's record of conversations, calls, meetings and observations.
 * A search field filters as you type; a confidential note is marked, and released with a reason.
 */
export function NotesPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const authorName = useAuthorName();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [releasing, setReleasing] = useState<{ key: string; note: Note } | null>(null);
  const notes = (data.doc.notes ?? []) as Note[];
  const keys = data.keys.notes ?? [];
  const writers = useMemo(() => noteWriters(data.history), [data.history]);
  const writer = (i: number): string | null => {
    const n = notes[i];
    if (n?.author) return n.author;
    const actor = writers.get(keys[i] ?? '');
    return actor ? authorName(actor) : null;
  };
  // Newest first, as a journal is read; the search keeps that order.
  const order = notes.map((_n, i) => i).sort((a, b) => (notes[a]!.date < notes[b]!.date ? 1 : -1));
  const hits = new Set(searchNotes(notes, query, writer));
  const shown = order.filter((i) => hits.has(i));
  return (
    <>
      {notes.length > 0 && (
        <div className="filters" role="search">
          <div className="field search">
            <label htmlFor={searchId}>{t('notes.search')}</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-describedby={`${searchId}-hint`}
            />
            <p className="hint" id={`${searchId}-hint`}>
              {t('notes.searchHint')}
            </p>
          </div>
          <p className="count" role="status">
            {t('notes.found', { n: shown.length, total: notes.length })}
          </p>
        </div>
      )}
      <Collection<Note>
        caseId={caseId}
        entity="notes"
        title={t('case.tab.notes')}
        fields={FIELDS}
        items={shown.map((i) => notes[i]!)}
        keys={shown.map((i) => keys[i]!)}
        addLabel={t('notes.add')}
        emptyText={notes.length ? t('notes.noMatch') : t('notes.none')}
        newDefaults={{
          date: todayIso(),
          kind: 'samtale',
          confidential: false,
        }}
        render={(n, pos) => {
          const by = writer(shown[pos]!);
          return (
            <article className="note" aria-label={`${optLabel(t, 'noteKind', n.kind)} ${nbDate(n.date)}`}>
              <h3>
                {nbDate(n.date)} · {optLabel(t, 'noteKind', n.kind)}{' '}
                {n.confidential && <span className="badge warn">{t('notes.confidential')}</span>}
              </h3>
              <p className="note-text">{n.text}</p>
              {by && <p className="hint">{t('notes.by', { name: by })}</p>}
              {n.released && (
                <p className="hint">
                  {t('notes.released', { date: nbDate(n.released.date), reason: n.released.reason })}
                </p>
              )}
            </article>
          );
        }}
        extraActions={(n, key) =>
          n.confidential && !n.released ? (
            <button
              type="button"
              onClick={() => setReleasing({ key, note: n })}
              aria-label={t('notes.releaseNamed', { date: nbDate(n.date) })}
            >
              {t('notes.release')}
            </button>
          ) : null
        }
      />
      {releasing && (
        <ReleaseDialog caseId={caseId} noteKey={releasing.key} onClose={() => setReleasing(null)} />
      )}
    </>
  );
}

function ReleaseDialog({
  caseId,
  noteKey,
  onClose,
}: {
  caseId: string;
  noteKey: string;
  onClose: () => void;
}) {
  const { t, error, issue } = useI18n();
  const qc = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<BroError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={t('notes.releaseTitle')} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await api['notes.release']({ caseId, key: noteKey, reason });
            await refresh(qc, caseId);
            onClose();
          } catch (err) {
            setFailure(err instanceof BroError ? err : new BroError('INTERNAL', 'release failed'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>{t('notes.releaseLead')}</p>
        <div className="field">
          <label htmlFor={id}>{t('notes.releaseReason')}</label>
          <textarea
            id={id}
            value={reason}
            required
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={failure ? true : undefined}
          />
        </div>
        {failure && (
          <ErrorBox>
            {error(failure.code)}{' '}
            {failure.issues.map((i) => `${t('notes.releaseReason')} ${issue(i.code)}`).join(' ')}
          </ErrorBox>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('notes.release')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
