import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BroError } from '../../../shared/errors';
import type { IssuedLetter, LetterDraft } from '../../../shared/letters/events';
import { isLetterKind, LETTER_KINDS, type LetterKind } from '../../../shared/letters/kinds';
import { api } from '../../api';
import { nbDate, nbDateTime } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { go, href } from '../../app/router';
import { ErrorBox, RecordTable, RowButton } from '../../app/ui';
import { refresh, type CaseData } from '../cases/useCase';
import { saveBase64 } from '../../app/files';
import { LetterEditor } from './Editor';
import { letterFileName } from './IssueDialog';
import { printPdf } from './pdf';
import { useAuthorName } from '../registers/people';

/**
 * The case's letters: start a new one, open or discard a draft, see what was issued. With a kind
 * (`#/cases/<id>/letters/anbefaling`) or a draft id in the address, the editor. The editor is kept
 * when a new letter is saved and the address becomes its draft's (the form and its status stay).
 */
export function LettersPanel({
  caseId,
  data,
  sub,
}: {
  caseId: string;
  data: CaseData;
  sub?: string | undefined;
}) {
  const drafts = (data.drafts ?? []) as LetterDraft[];
  if (sub) {
    const draft = drafts.find((d) => d.draftId === sub) ?? null;
    const kind: LetterKind | null = draft ? draft.kind : isLetterKind(sub) ? sub : null;
    if (kind) return <LetterEditor key={kind} caseId={caseId} data={data} kind={kind} draft={draft} />;
  }
  return <LetterList caseId={caseId} data={data} drafts={drafts} />;
}

function LetterList({ caseId, data, drafts }: { caseId: string; data: CaseData; drafts: LetterDraft[] }) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const authorName = useAuthorName();
  const [kind, setKind] = useState<LetterKind>('anbefaling');
  const [err, setErr] = useState<string | null>(null);
  const issued = [...((data.letters ?? []) as IssuedLetter[])].reverse();
  /** The issued PDF as it left Bro, from the case: saved again, or printed. */
  const copy = async (l: IssuedLetter, what: 'save' | 'print') => {
    setErr(null);
    try {
      const r = await api['letters.pdf']({ caseId, letterId: l.letterId });
      if (what === 'save') saveBase64(letterFileName(r, r.date), 'application/pdf', r.pdf);
      else await printPdf(r.pdf);
    } catch (e) {
      setErr(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    }
  };
  const discard = async (d: LetterDraft) => {
    if (!window.confirm(t('letters.discardConfirm', { kind: t(`kind.${d.kind}` as TextKey) }))) return;
    try {
      await api['letters.discardDraft']({ caseId, draftId: d.draftId });
      await refresh(qc, caseId);
    } catch (e) {
      setErr(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="letters-new">
        <h2 id="letters-new">{t('letters.new')}</h2>
        <p className="lead">{t('letters.lead')}</p>
        <form
          className="inline-row"
          onSubmit={(e) => {
            e.preventDefault();
            go({ name: 'case', caseId, tab: 'letters', sub: kind });
          }}
        >
          <div className="field">
            <label htmlFor="new-letter-kind">{t('letters.kind')}</label>
            <select id="new-letter-kind" value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
              {LETTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as TextKey)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            {t('letters.start')}
          </button>
        </form>
      </section>
      {err && <ErrorBox>{err}</ErrorBox>}
      <section className="panel" aria-labelledby="letters-drafts">
        <h2 id="letters-drafts">{t('letters.drafts')}</h2>
        <RecordTable
          head={[t('letters.kind'), t('letters.lang'), t('letters.savedAt'), t('letters.by')]}
          actions={t('letters.open')}
          none={t('letters.noDrafts')}
          rows={drafts.map((d) => (
            <tr key={d.draftId}>
              <td>
                <a href={href({ name: 'case', caseId, tab: 'letters', sub: d.draftId })}>
                  {t(`kind.${d.kind}` as TextKey)}
                </a>
              </td>
              <td>{t(`lang.${d.lang}` as TextKey)}</td>
              <td>{nbDateTime(d.savedAt)}</td>
              <td>{authorName(d.actor)}</td>
              <td>
                <RowButton
                  label={`${t('letters.discard')}: ${t(`kind.${d.kind}` as TextKey)}, ${nbDateTime(d.savedAt)}`}
                  onClick={() => void discard(d)}
                >
                  {t('letters.discard')}
                </RowButton>
              </td>
            </tr>
          ))}
        />
      </section>
      <section className="panel" aria-labelledby="letters-issued">
        <h2 id="letters-issued" tabIndex={-1}>
          {t('letters.issuedList')}
        </h2>
        <RecordTable
          head={[
            t('letters.kind'),
            t('letters.version'),
            t('letters.date'),
            t('letters.recipients'),
            t('letters.code'),
            t('letters.pades'),
          ]}
          actions={t('letters.pdf')}
          none={t('letters.noIssued')}
          rows={issued.map((l) => (
            <tr key={l.letterId}>
              <td>{t(`kind.${l.kind}` as TextKey)}</td>
              <td>{l.version}</td>
              <td>{nbDate(l.date)}</td>
              <td>{l.recipients.map((r) => t(`recipient.${r.role}` as TextKey)).join(', ')}</td>
              <td className="mono">{l.code}</td>
              <td>{l.pades ? t('common.yes') : t('common.no')}</td>
              <td>
                {l.stored && (
                  <span className="row-actions">
                    <RowButton
                      label={`${t('letters.savePdf')}: ${t(`kind.${l.kind}` as TextKey)} ${l.code}`}
                      onClick={() => void copy(l, 'save')}
                    >
                      {t('letters.savePdf')}
                    </RowButton>
                    <RowButton
                      label={`${t('sign.print')}: ${t(`kind.${l.kind}` as TextKey)} ${l.code}`}
                      onClick={() => void copy(l, 'print')}
                    >
                      {t('sign.print')}
                    </RowButton>
                  </span>
                )}
              </td>
            </tr>
          ))}
        />
        <p className="hint">{t('letters.archiveNote')}</p>
      </section>
    </>
  );
}
