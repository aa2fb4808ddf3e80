import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES, DOCUMENT_TYPES, type Attachment } from '../../../shared/attachments/document';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { fileToBase64, saveBase64 } from '../../app/files';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox, RecordTable, RowButton } from '../../app/ui';
import { refresh, type CaseData } from '../cases/useCase';
import { PdfView } from '../letters/PdfView';

/** Issue codes the form explains in its own words; anything else is the error code's text. */
const KNOWN = ['ATTACHMENT_TYPE', 'ATTACHMENT_EMPTY', 'ATTACHMENT_TOO_LARGE', 'DATE_IN_FUTURE'];

interface Shown {
  attachmentId: string;
  title: string;
  type: Attachment['type'];
  data: string;
}

/**
 * Received documents on the case (issue 19 item 0): attach one (a file input, a title, the day it
 * came), and show or save each. The file goes to the service as bytes; its type is judged there
 * from its content by the one rule (shared/attachments/document.ts). A PDF is shown as page
 * images, a PNG or JPEG as an image; other types are saved and opened elsewhere.
 */
export function DocumentsPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const docs = (data.attachments ?? []) as Attachment[];
  // Each document's archive status (shared/archive/status.ts through `archive.status`), as the Brev
  // tab shows it for letters; a kvittering read in under Brev refreshes it (same query key prefix).
  const archive = useQuery({
    queryKey: ['archive.status', caseId, 'documents', docs.length],
    queryFn: () => api['archive.status']({ caseId }),
    enabled: docs.length > 0,
  });
  const archiveText = (attachmentId: string): string => {
    const s = archive.data?.documents.find((d) => d.attachmentId === attachmentId);
    if (!s) return archive.isError ? t('documents.archiveUnknown') : '…';
    return s.archived ? t('archive.archivedAs', { ref: s.reference ?? '' }) : t('archive.notArchived');
  };
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [received, setReceived] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const viewer = useRef<HTMLHeadingElement>(null);
  /** After a refusal, focus goes back to the file field once it is enabled again. */
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus && !busy) fileRef.current?.focus();
  }, [refocus, busy]);

  useEffect(() => {
    // The keyboard path: «Vis» moves focus to what it shows.
    if (shown) viewer.current?.focus();
  }, [shown]);

  const explain = (e: unknown): string => {
    if (e instanceof BroError) {
      const known = e.issues.find((i) => KNOWN.includes(i.code));
      if (known) return t(`documents.err.${known.code}` as TextKey);
      return error(e.code);
    }
    return error('INTERNAL');
  };

  const add = async () => {
    const file = fileRef.current?.files?.[0];
    setStatus(null);
    setFailed(null);
    if (!file) {
      setFailed(t('documents.chooseFile'));
      fileRef.current?.focus();
      return;
    }
    // Checked here too, so a huge file is not read into memory only to be refused.
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setFailed(t('documents.err.ATTACHMENT_TOO_LARGE'));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await api['attachments.add']({
        caseId,
        data: await fileToBase64(file),
        originalName: file.name,
        received,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      setStatus(t(r.duplicate ? 'documents.duplicate' : 'documents.added', { title: r.title }));
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
      await refresh(qc, caseId);
    } catch (e) {
      setFailed(explain(e));
      setRefocus((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const open = async (a: Attachment, what: 'show' | 'save') => {
    setFailed(null);
    try {
      const r = await api['attachments.get']({ caseId, attachmentId: a.attachmentId });
      if (what === 'save') saveBase64(r.fileName, r.mediaType, r.data);
      else setShown({ attachmentId: a.attachmentId, title: a.title, type: a.type, data: r.data });
    } catch (e) {
      setFailed(explain(e));
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="documents-add">
        <h2 id="documents-add">{t('documents.title')}</h2>
        <p className="lead">{t('documents.lead')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <div className="field">
            <label htmlFor="documents-file">{t('documents.file')}</label>
            <input
              id="documents-file"
              ref={fileRef}
              type="file"
              accept=".pdf,.docx,.doc,.odt,.rtf,.png,.jpg,.jpeg,.tif,.tiff,.heic"
              disabled={busy}
            />
          </div>
          <div className="field">
            <label htmlFor="documents-title">{t('documents.docTitle')}</label>
            <input
              id="documents-title"
              type="text"
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              disabled={busy}
            />
          </div>
          <div className="field">
            <label htmlFor="documents-received">{t('documents.received')}</label>
            <input
              id="documents-received"
              type="date"
              max={todayIso()}
              value={received}
              onChange={(e) => setReceived(e.target.value)}
              disabled={busy}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('documents.submit')}
          </button>
        </form>
        {/* One live region, always there, so a reader hears each change. */}
        <p role="status">{busy ? t('documents.adding') : status}</p>
        {failed && <ErrorBox>{failed}</ErrorBox>}
      </section>
      <section className="panel" aria-labelledby="documents-list">
        <h2 id="documents-list">{t('documents.list')}</h2>
        {docs.length > 0 && <p className="muted">{t('documents.archiveHint')}</p>}
        <RecordTable
          head={[
            t('documents.col.title'),
            t('documents.col.received'),
            t('documents.col.type'),
            t('documents.col.archive'),
          ]}
          actions={t('documents.col.actions')}
          none={t('documents.none')}
          rows={[...docs].reverse().map((a) => (
            <tr key={a.attachmentId}>
              <td>{a.title}</td>
              <td>{nbDate(a.received)}</td>
              <td>{DOCUMENT_TYPES[a.type].ext.toUpperCase()}</td>
              <td>{archiveText(a.attachmentId)}</td>
              <td>
                <RowButton
                  label={t('documents.showNamed', { title: a.title })}
                  onClick={() => void open(a, 'show')}
                >
                  {t('documents.show')}
                </RowButton>{' '}
                <RowButton
                  label={t('documents.saveNamed', { title: a.title })}
                  onClick={() => void open(a, 'save')}
                >
                  {t('documents.save')}
                </RowButton>
              </td>
            </tr>
          ))}
        />
      </section>
      {shown && (
        <section className="panel" aria-labelledby="documents-viewer">
          <h2 id="documents-viewer" tabIndex={-1} ref={viewer}>
            {t('documents.viewing', { title: shown.title })}
          </h2>
          <button type="button" onClick={() => setShown(null)}>
            {t('documents.close')}
          </button>
          {shown.type === 'pdf' ? (
            <PdfView base64={shown.data} />
          ) : shown.type === 'png' || shown.type === 'jpeg' ? (
            <img
              className="document-image"
              src={`data:${DOCUMENT_TYPES[shown.type].mediaType};base64,${shown.data}`}
              alt={t('documents.image', { title: shown.title })}
            />
          ) : (
            <p>{t('documents.cannotShow')}</p>
          )}
        </section>
      )}
    </>
  );
}
