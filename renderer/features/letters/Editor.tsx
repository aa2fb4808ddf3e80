import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { BroError, formatPath, type Path } from '../../../shared/errors';
import { KIND_RULES, type LetterKind, type LetterLang } from '../../../shared/letters/kinds';
import { lixBand } from '../../../shared/letters/lix';
import type { LetterDraft } from '../../../shared/letters/events';
import { noteMayLeave } from '../../../shared/notes/visibility';
import { api } from '../../api';
import { isoFromInput, nbDate, nbDateTime } from '../../app/format';
import { optLabel, useI18n, type TextKey } from '../../app/i18n';
import { go, href, setLeaveGuard } from '../../app/router';
import { onBeforeLock } from '../../app/beforeLock';
import { ErrorBox } from '../../app/ui';
import { refresh, useUpdate, type CaseData } from '../cases/useCase';
import { IssueDialog } from './IssueDialog';
import { ShareDraftDialog } from '../voices/ShareDraft';
import {
  ASSESSMENT_TOPICS,
  emptyForm,
  formFromOptions,
  optionsFromForm,
  TRANSITION_FIELDS,
  type LetterForm,
} from './form';
import { PdfView } from './PdfView';
import { caseTextAt } from '../../../shared/letters/nynorskWords';
import { MEASURE_TEXT_FIELDS, optionFieldId, REASON_FOR, targetOf } from './targets';

type Preview = OpOutput<'letters.preview'>;
type Finding = Preview['findings'][number];

const PREVIEW_DELAY_MS = 450;

/**
 * The letter editor: the letter is assembled from the case; the caseworker fills in what the case
 * does not say, sees the PDF as it will be, and fixes what the checks find — each finding leads to
 * the field that fixes it. Drafts are saved in the case; issuing signs and records the letter.
 */
export function LetterEditor({
  caseId,
  data,
  kind,
  draft,
}: {
  caseId: string;
  data: CaseData;
  kind: LetterKind;
  draft: LetterDraft | null;
}) {
  const { t, lang: uiLang, error, issue } = useI18n();
  const qc = useQueryClient();
  const [lang, setLang] = useState<LetterLang>(draft?.lang ?? (uiLang === 'nn' ? 'nn' : 'nb'));
  const [form, setForm] = useState<LetterForm>(() => (draft ? formFromOptions(draft.options) : emptyForm()));
  const [draftId, setDraftId] = useState<string | null>(draft?.draftId ?? null);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.savedAt ?? null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<BroError | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const rules = KIND_RULES[kind];

  // Another draft of the same kind opened in place (back/forward): start from that draft.
  const shown = useRef(draft?.draftId ?? null);
  useEffect(() => {
    if (!draft || draft.draftId === shown.current) return;
    shown.current = draft.draftId;
    if (draft.draftId === draftId) return; // the one just saved here
    setForm(formFromOptions(draft.options));
    setLang(draft.lang);
    setDraftId(draft.draftId);
    setSavedAt(draft.savedAt);
    setDirty(false);
    setStatus(null);
  }, [draft, draftId]);
  const options = useMemo(() => optionsFromForm(form), [form]);
  const optionsKey = JSON.stringify(options);

  // Every change bumps the revision, so a save only marks as saved what it actually sent.
  const revision = useRef(0);
  const saving = useRef(false);
  const change = useCallback((fn: (f: LetterForm) => void) => {
    revision.current++;
    setForm((f) => {
      const next = structuredClone(f);
      fn(next);
      return next;
    });
    setDirty(true);
    setStatus(null);
  }, []);

  // The live preview: checks, LIX and the PDF, a moment after the last change (and when the case changes).
  const preview = useQuery({
    queryKey: ['letter-preview', caseId, kind, lang, optionsKey, data.summary.eventCount],
    queryFn: async ({ signal }) => {
      await new Promise((r) => setTimeout(r, PREVIEW_DELAY_MS));
      if (signal.aborted) throw new Error('stale');
      return api['letters.preview']({ caseId, kind, lang, options, pdf: true });
    },
    placeholderData: (prev) => prev,
    retry: false,
    gcTime: 0,
  });
  const current = preview.data;
  const previewError = preview.error instanceof BroError ? preview.error : null;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useCallback(async (): Promise<boolean> => {
    // One save at a time (two quick Ctrl+S must not make two drafts), and none while issuing.
    if (saving.current || issuing) return false;
    saving.current = true;
    const sent = revision.current;
    setSaveError(null);
    try {
      const r = await api['letters.saveDraft']({
        caseId,
        kind,
        lang,
        options,
        ...(draftId ? { draftId } : {}),
      });
      setDraftId(r.draftId);
      setSavedAt(r.savedAt);
      // What was typed while saving is still unsaved.
      if (revision.current === sent) setDirty(false);
      setStatus(t('editor.saved'));
      await refresh(qc, caseId);
      // The draft has an address of its own from now on.
      go({ name: 'case', caseId, tab: 'letters', sub: r.draftId });
      return true;
    } catch (e) {
      setSaveError(e instanceof BroError ? e : new BroError('INTERNAL', 'save failed'));
      return false;
    } finally {
      saving.current = false;
    }
  }, [caseId, kind, lang, options, draftId, qc, t, issuing]);

  // Locking (Alt+L, the button, the idle timer) saves unsaved changes first.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => onBeforeLock(() => (dirtyRef.current ? saveRef.current() : undefined)), []);

  // Leaving the editor any other way (a tab, the menu, Alt+1–5, Back, a dropped file) with unsaved
  // changes asks first; "no" puts the address back, so the editor and what was typed stay.
  const leaving = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    return setLeaveGuard(() => leaving.current || window.confirm(t('editor.leaveUnsaved')));
  }, [dirty, t]);

  // "Rett i saken" (a finding's link to the tab that fixes it) saves the draft first, then goes;
  // when the save fails, the editor stays with its error and nothing typed is lost.
  const leaveTo = useCallback(async (address: string) => {
    if (dirtyRef.current && !(await saveRef.current())) return;
    leaving.current = true;
    window.location.hash = address;
    // The guard lets this one navigation through; the editor is gone after it.
    window.setTimeout(() => (leaving.current = false), 0);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  // Blank advice rows are not sent, so the contract's row n is the n-th filled row of the form.
  const adviceRows = useMemo(
    () => form.waitingAdvice.flatMap((a, i) => (a.what.trim() !== '' || a.who.trim() !== '' ? [i] : [])),
    [form.waitingAdvice],
  );
  const formPath = useCallback(
    (path: Path): Path =>
      path[0] === 'options' && path[1] === 'waitingAdvice' && typeof path[2] === 'number'
        ? ['options', 'waitingAdvice', adviceRows[path[2]] ?? path[2], ...path.slice(3)]
        : path,
    [adviceRows],
  );

  const findingsAt = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of current?.findings ?? []) {
      const target = targetOf(formPath(f.path));
      if (target.kind === 'option') m.set(target.fieldId, [...(m.get(target.fieldId) ?? []), f]);
    }
    return m;
  }, [current, formPath]);

  /** What is wrong with an option field: malformed input (VALIDATION) first, then the findings there. */
  const issueText = (id: string): string | undefined => {
    const invalid =
      previewError?.code === 'VALIDATION'
        ? previewError.issues.find(
            (i) => i.path[0] === 'options' && optionFieldId(formPath(i.path).slice(1)) === id,
          )
        : undefined;
    if (invalid) return issue(invalid.code);
    return findingsAt
      .get(id)
      ?.map((f) => findingText(f))
      .join(' ');
  };

  const findingText = (f: Finding) =>
    t(`finding.${f.code}` as TextKey, {
      field: f.field
        ? f.code === 'SCHOOL_FACTORS_MISSING'
          ? f.field
              .split(',')
              .map((k) => t(`school.factor.${k}` as TextKey).toLowerCase())
              .join(', ')
          : t(
              (f.code === 'ASSESSMENT_TOPIC_MISSING'
                ? `opt.assessment.${f.field}`
                : f.code === 'ASSESSMENT_CONCLUSION_MISSING' || f.code === 'ASSESSMENT_DATE_PAST'
                  ? `concl.${f.field}`
                  : `field.${f.field}`) as TextKey,
            )
        : '',
      recipient:
        f.recipient === 'tjeneste' && f.recipientName
          ? f.recipientName
          : f.recipient
            ? t(`recipient.${f.recipient}` as TextKey)
            : '',
      phrase: f.phrase ?? '',
      suggestion: f.suggestion ?? '',
    });

  const keep = (f: Finding, reason: string) =>
    change((x) => {
      x.keep.push({ phrase: f.phrase ?? '', path: formatPath(f.path), reason });
    });

  const measures = data.doc.recommendations ?? [];
  const journal = [...(data.doc.notes ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const meetings = data.doc.meetings ?? [];
  const canSign = current?.canIssue === true;
  const errors = (current?.findings ?? []).filter((f) => f.severity === 'error');
  const warnings = (current?.findings ?? []).filter((f) => f.severity === 'warning');

  return (
    <section className="editor" aria-labelledby="editor-title">
      <a className="back" href={href({ name: 'case', caseId, tab: 'letters' })}>
        ← {t('editor.back')}
      </a>
      <div className="panel-head">
        <h2 id="editor-title" tabIndex={-1}>
          {t(`kind.${kind}` as TextKey)}
        </h2>
        <div className="editor-state" role="status">
          {dirty ? (
            <span className="badge warn">{t('editor.unsaved')}</span>
          ) : savedAt ? (
            <span className="muted">{t('editor.draftOf', { when: nbDateTime(savedAt) })}</span>
          ) : null}
          {status && <span className="saved">{status}</span>}
        </div>
      </div>
      <div className="editor-bar">
        <div className="field inline">
          <label htmlFor="letter-lang">{t('letters.lang')}</label>
          <select
            id="letter-lang"
            value={lang}
            onChange={(e) => {
              revision.current++;
              setLang(e.target.value as LetterLang);
              setDirty(true);
            }}
          >
            <option value="nb">{t('lang.nb')}</option>
            <option value="nn">{t('lang.nn')}</option>
          </select>
        </div>
        <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S">
          {t('editor.saveDraft')}
        </button>
        <button type="button" onClick={() => setSharing(true)}>
          {t('hearings.share')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!canSign || preview.isFetching}
          aria-describedby="issue-why"
          onClick={() => setIssuing(true)}
        >
          {t('editor.issue')}
        </button>
        <span id="issue-why" className="muted">
          {canSign
            ? ''
            : current && errors.length === 0
              ? t('editor.cannotIssueRecovery')
              : t('editor.cannotIssue')}
        </span>
      </div>
      {saveError && <ErrorBox>{error(saveError.code)}</ErrorBox>}

      <div className="editor-grid">
        <div className="editor-left">
          <Findings
            caseId={caseId}
            data={data}
            formPath={formPath}
            failed={previewError !== null && !current}
            preview={current ?? null}
            errors={errors}
            warnings={warnings}
            text={findingText}
            onKeep={keep}
            onLeave={leaveTo}
          />
          {form.keep.length > 0 && (
            <section className="panel" aria-labelledby="kept-title">
              <h3 id="kept-title">{t('editor.kept')}</h3>
              <ul className="kept">
                {form.keep.map((k, i) => (
                  <li key={`${k.phrase}-${k.path ?? ''}-${i}`}>
                    <span>{t('editor.keptItem', { phrase: k.phrase, reason: k.reason })}</span>
                    <button
                      type="button"
                      className="small"
                      onClick={() => change((x) => void x.keep.splice(i, 1))}
                      aria-label={`${t('editor.unkeep')}: ${k.phrase}`}
                    >
                      {t('editor.unkeep')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="panel" aria-labelledby="opts-title">
            <h3 id="opts-title">{t('editor.options')}</h3>
            {rules.replyPage && (
              <OptField
                id={optionFieldId(['replyBy'])}
                label={t('opt.replyBy')}
                hint={t('opt.replyByHint')}
                date
                value={form.replyBy}
                issue={issueText(optionFieldId(['replyBy']))}
                onChange={(v) => change((x) => void (x.replyBy = v))}
              />
            )}
            {(rules.measureBlocks || rules.measureList) && measures.length > 0 && (
              <fieldset className="opt-group">
                <legend>{t('opt.measures')}</legend>
                <p className="hint">{t('opt.measuresHint')}</p>
                {measures.map((m) => (
                  <label key={m.id} className="check-row">
                    <input
                      type="checkbox"
                      checked={form.measures ? form.measures.includes(m.id) : true}
                      onChange={(e) =>
                        change((x) => {
                          const all = measures.map((r) => r.id);
                          const set = new Set(x.measures ?? all);
                          if (e.target.checked) set.add(m.id);
                          else set.delete(m.id);
                          x.measures = set.size === all.length ? null : all.filter((id) => set.has(id));
                        })
                      }
                    />
                    {m.what}
                  </label>
                ))}
              </fieldset>
            )}
            <label className="check-row">
              <input
                id={optionFieldId(['pupilPage'])}
                type="checkbox"
                checked={form.pupilPage}
                onChange={(e) => change((x) => void (x.pupilPage = e.target.checked))}
              />
              {t('opt.pupilPage')}
            </label>
            {journal.length > 0 && (
              <fieldset className="opt-group">
                <legend>{t('letters.notes')}</legend>
                <p className="hint">{t('letters.notesHint')}</p>
                {journal.map((n) => {
                  const label = `${nbDate(n.date)} · ${optLabel(t, 'noteKind', n.kind)}`;
                  // The one rule (shared/notes): a confidential note is offered only once released.
                  const locked = !noteMayLeave(n);
                  return (
                    <label key={n.id} className="check-row">
                      <input
                        type="checkbox"
                        disabled={locked}
                        checked={!locked && form.notes.includes(n.id)}
                        onChange={(e) =>
                          change((x) => {
                            const set = new Set(x.notes);
                            if (e.target.checked) set.add(n.id);
                            else set.delete(n.id);
                            x.notes = journal.map((j) => j.id).filter((id) => set.has(id));
                          })
                        }
                      />
                      {locked ? t('letters.noteLocked', { label }) : label}
                    </label>
                  );
                })}
              </fieldset>
            )}
            {kind === 'motereferat' && meetings.length > 0 && (
              <div className="field">
                <label htmlFor={optionFieldId(['meeting'])}>{t('opt.meeting')}</label>
                <select
                  id={optionFieldId(['meeting'])}
                  value={form.meeting}
                  onChange={(e) => change((x) => void (x.meeting = e.target.value))}
                >
                  <option value="">{t('opt.meetingLatest')}</option>
                  {meetings.map((m, i) => (
                    <option key={`${m.date}-${i}`} value={m.date}>
                      {nbDate(m.date)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {kind === 'overgangsbrev' &&
              TRANSITION_FIELDS.map((k) => (
                <OptField
                  key={k}
                  id={optionFieldId(['transition', k])}
                  label={t(`opt.transition.${k}` as TextKey)}
                  hint={
                    k === 'receivingSchool' || k === 'start' || k === 'legalBasis' || k === 'whatWorks'
                      ? t(`opt.transition.${k}Hint` as TextKey)
                      : undefined
                  }
                  multiline={k !== 'receivingSchool' && k !== 'start' && k !== 'receivingContact'}
                  date={k === 'start'}
                  value={form.transition[k]}
                  issue={issueText(optionFieldId(['transition', k]))}
                  onChange={(v) => change((x) => void (x.transition[k] = v))}
                />
              ))}
            {kind === 'innkalling' && (
              <>
                <OptField
                  id={optionFieldId(['invitation', 'date'])}
                  label={t('opt.invitation.date')}
                  date
                  value={form.invitation.date}
                  issue={issueText(optionFieldId(['invitation', 'date']))}
                  onChange={(v) => change((x) => void (x.invitation.date = v))}
                />
                <OptField
                  id={optionFieldId(['invitation', 'time'])}
                  label={t('opt.invitation.time')}
                  value={form.invitation.time}
                  issue={issueText(optionFieldId(['invitation', 'time']))}
                  onChange={(v) => change((x) => void (x.invitation.time = v))}
                />
                <OptField
                  id={optionFieldId(['invitation', 'place'])}
                  label={t('opt.invitation.place')}
                  value={form.invitation.place}
                  issue={issueText(optionFieldId(['invitation', 'place']))}
                  onChange={(v) => change((x) => void (x.invitation.place = v))}
                />
                <OptField
                  id={optionFieldId(['invitation', 'roles'])}
                  label={t('opt.invitation.roles')}
                  hint={t('opt.invitation.rolesHint')}
                  multiline
                  value={form.invitation.roles}
                  issue={issueText(optionFieldId(['invitation', 'roles']))}
                  onChange={(v) => change((x) => void (x.invitation.roles = v))}
                />
                <OptField
                  id={optionFieldId(['invitation', 'agenda'])}
                  label={t('opt.invitation.agenda')}
                  hint={t('opt.invitation.agendaHint')}
                  multiline
                  value={form.invitation.agenda}
                  issue={issueText(optionFieldId(['invitation', 'agenda']))}
                  onChange={(v) => change((x) => void (x.invitation.agenda = v))}
                />
              </>
            )}
            {kind === 'avslutningsbrev' && (
              <>
                <OptField
                  id={optionFieldId(['closing', 'receivingService'])}
                  label={t('opt.closing.receivingService')}
                  hint={t('opt.closing.receivingServiceHint')}
                  value={form.closing.receivingService}
                  issue={issueText(optionFieldId(['closing', 'receivingService']))}
                  onChange={(v) => change((x) => void (x.closing.receivingService = v))}
                />
                <OptField
                  id={optionFieldId(['closing', 'receivingContact'])}
                  label={t('opt.closing.receivingContact')}
                  value={form.closing.receivingContact}
                  issue={issueText(optionFieldId(['closing', 'receivingContact']))}
                  onChange={(v) => change((x) => void (x.closing.receivingContact = v))}
                />
                <OptField
                  id={optionFieldId(['closing', 'responsibility'])}
                  label={t('opt.closing.responsibility')}
                  hint={t('opt.closing.responsibilityHint')}
                  multiline
                  value={form.closing.responsibility}
                  issue={issueText(optionFieldId(['closing', 'responsibility']))}
                  onChange={(v) => change((x) => void (x.closing.responsibility = v))}
                />
                <OptField
                  id={optionFieldId(['closing', 'reason'])}
                  label={t('opt.closing.reason')}
                  multiline
                  value={form.closing.reason}
                  issue={issueText(optionFieldId(['closing', 'reason']))}
                  onChange={(v) => change((x) => void (x.closing.reason = v))}
                />
              </>
            )}
            {kind === 'mottaksbrev' && (
              <>
                <OptField
                  id={optionFieldId(['expectedFirstContact'])}
                  label={t('opt.expectedFirstContact')}
                  hint={t('opt.expectedFirstContactHint')}
                  date
                  value={form.expectedFirstContact}
                  issue={issueText(optionFieldId(['expectedFirstContact']))}
                  onChange={(v) => change((x) => void (x.expectedFirstContact = v))}
                />
                <OptField
                  id={optionFieldId(['interimReason'])}
                  label={t('opt.interimReason')}
                  hint={t('opt.interimReasonHint')}
                  multiline
                  value={form.interimReason}
                  issue={issueText(optionFieldId(['interimReason']))}
                  onChange={(v) => change((x) => void (x.interimReason = v))}
                />
                <fieldset className="opt-group" id={optionFieldId(['waitingAdvice'])} tabIndex={-1}>
                  <legend>{t('opt.waitingAdvice')}</legend>
                  <p className="hint">{t('opt.waitingAdviceHint')}</p>
                  {form.waitingAdvice.map((a, i) => (
                    <div className="advice-row" key={i}>
                      <OptField
                        id={optionFieldId(['waitingAdvice', i, 'what'])}
                        label={`${t('opt.waitingAdvice.what')} ${i + 1}`}
                        multiline
                        value={a.what}
                        issue={issueText(optionFieldId(['waitingAdvice', i, 'what']))}
                        onChange={(v) => change((x) => void (x.waitingAdvice[i]!.what = v))}
                      />
                      <OptField
                        id={optionFieldId(['waitingAdvice', i, 'who'])}
                        label={`${t('opt.waitingAdvice.who')} ${i + 1}`}
                        value={a.who}
                        onChange={(v) => change((x) => void (x.waitingAdvice[i]!.who = v))}
                      />
                      <button
                        type="button"
                        className="small"
                        onClick={() => change((x) => void x.waitingAdvice.splice(i, 1))}
                      >
                        {t('opt.waitingAdvice.remove')}
                      </button>
                    </div>
                  ))}
                  <button
                    type="button"
                    onClick={() => change((x) => void x.waitingAdvice.push({ what: '', who: '' }))}
                  >
                    {t('opt.waitingAdvice.add')}
                  </button>
                </fieldset>
              </>
            )}
            {kind === 'sakkyndig-vurdering' && (
              <fieldset className="opt-group">
                <legend>{t('opt.assessment')}</legend>
                {/* The extent and how long it applies are in the conclusion (the case) below. */}
                {ASSESSMENT_TOPICS.filter((k) => k !== 'hours').map((k) => (
                  <OptField
                    key={k}
                    id={optionFieldId(['assessment', k])}
                    label={t(`opt.assessment.${k}` as TextKey)}
                    multiline
                    value={form.assessment[k]}
                    issue={issueText(optionFieldId(['assessment', k]))}
                    onChange={(v) => change((x) => void (x.assessment[k] = v))}
                  />
                ))}
              </fieldset>
            )}
            {kind === 'sakkyndig-vurdering' && (
              <ConclusionForm caseId={caseId} data={data} issueText={issueText} />
            )}
            {(rules.voices || rules.measureBlocks) && (
              <fieldset className="opt-group">
                <legend>{t('opt.reasons')}</legend>
                {rules.voices && (
                  <>
                    <OptField
                      id={optionFieldId(['reasons', 'pupilVoice'])}
                      label={t('opt.reasons.pupilVoice')}
                      multiline
                      value={form.reasons.pupilVoice}
                      onChange={(v) => change((x) => void (x.reasons.pupilVoice = v))}
                    />
                    <OptField
                      id={optionFieldId(['reasons', 'parentsView'])}
                      label={t('opt.reasons.parentsView')}
                      multiline
                      value={form.reasons.parentsView}
                      onChange={(v) => change((x) => void (x.reasons.parentsView = v))}
                    />
                  </>
                )}
                {rules.measureBlocks && (
                  <OptField
                    id={optionFieldId(['reasons', 'schoolEnvironment'])}
                    label={t('opt.reasons.schoolEnvironment')}
                    multiline
                    value={form.reasons.schoolEnvironment}
                    onChange={(v) => change((x) => void (x.reasons.schoolEnvironment = v))}
                  />
                )}
              </fieldset>
            )}
            <fieldset className="opt-group">
              <legend>{t('opt.recipients')}</legend>
              {(['rektor', 'kontaktlærer'] as const).map((r) => (
                <OptField
                  key={r}
                  id={optionFieldId(['recipients', r])}
                  label={t(`opt.recipients.${r}` as TextKey)}
                  value={form.recipients[r]}
                  issue={issueText(optionFieldId(['recipients', r]))}
                  onChange={(v) => change((x) => void (x.recipients[r] = v))}
                />
              ))}
            </fieldset>
            <fieldset className="opt-group">
              <legend>{t('opt.legalBasis')}</legend>
              {(['rektor', 'kontaktlærer', 'foresatte'] as const).map((r) => (
                <OptField
                  key={r}
                  id={optionFieldId(['legalBasis', r])}
                  label={t(`opt.legalBasis.${r}` as TextKey)}
                  value={form.legalBasis[r]}
                  issue={issueText(optionFieldId(['legalBasis', r]))}
                  onChange={(v) => change((x) => void (x.legalBasis[r] = v))}
                />
              ))}
            </fieldset>
            <fieldset className="opt-group">
              <legend>{t('opt.otherRecipients')}</legend>
              <p className="hint">{t('opt.otherRecipients.hint')}</p>
              {form.otherRecipients.map((r, i) => (
                <div key={i} className="opt-row">
                  <OptField
                    id={optionFieldId(['otherRecipients', i, 'name'])}
                    label={t('opt.otherRecipients.name', { n: i + 1 })}
                    value={r.name}
                    issue={issueText(optionFieldId(['otherRecipients', i, 'name']))}
                    onChange={(v) => change((x) => void (x.otherRecipients[i]!.name = v))}
                  />
                  <OptField
                    id={optionFieldId(['otherRecipients', i, 'legalBasis'])}
                    label={t('opt.otherRecipients.legalBasis', { n: i + 1 })}
                    value={r.legalBasis}
                    issue={issueText(optionFieldId(['otherRecipients', i, 'legalBasis']))}
                    onChange={(v) => change((x) => void (x.otherRecipients[i]!.legalBasis = v))}
                  />
                  <button
                    type="button"
                    className="link"
                    onClick={() => change((x) => void x.otherRecipients.splice(i, 1))}
                  >
                    {t('opt.otherRecipients.remove', { n: i + 1 })}
                  </button>
                </div>
              ))}
              {form.otherRecipients.length < 10 && (
                <button
                  type="button"
                  onClick={() => change((x) => void x.otherRecipients.push({ name: '', legalBasis: '' }))}
                >
                  {t('opt.otherRecipients.add')}
                </button>
              )}
            </fieldset>
          </section>
        </div>

        <section className="editor-right panel" aria-labelledby="preview-title" tabIndex={0}>
          <h3 id="preview-title">{t('editor.preview')}</h3>
          <p className="hint">{t('editor.previewNote')}</p>
          <p className="muted preview-state">{preview.isFetching ? t('editor.previewUpdating') : ''}</p>
          {previewError && previewError.code !== 'VALIDATION' && (
            <ErrorBox>
              <p>{error(previewError.code)}</p>
              {(previewError.code === 'LETTER_DATA_MISSING' || previewError.code === 'LETTER_OUTDATED') && (
                <ul>
                  {previewError.issues.map((i, n) => (
                    <li key={n}>{issue(i.code)}</li>
                  ))}
                </ul>
              )}
            </ErrorBox>
          )}
          {preview.error && !previewError && <ErrorBox>{t('editor.previewFailed')}</ErrorBox>}
          {current?.pdf && <PdfView base64={current.pdf} />}
        </section>
      </div>
      {sharing && (
        <ShareDraftDialog
          caseId={caseId}
          kind={kind}
          lang={lang}
          options={options}
          onClose={() => {
            setSharing(false);
            void refresh(qc, caseId);
          }}
        />
      )}
      {issuing && current && (
        <IssueDialog
          caseId={caseId}
          kind={kind}
          lang={lang}
          options={options}
          draftId={draftId}
          letter={current.letter}
          warnings={warnings.length}
          onClose={(issued) => {
            setIssuing(false);
            if (issued) {
              setDirty(false);
              void refresh(qc, caseId);
              go({ name: 'case', caseId, tab: 'letters' });
              // The button that opened the dialog is gone: focus lands on the list of issued letters.
              window.setTimeout(() => document.getElementById('letters-issued')?.focus(), 0);
            }
          }}
        />
      )}
    </section>
  );
}

function OptField({
  id,
  label,
  hint,
  value,
  onChange,
  issue,
  multiline,
  date,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (v: string) => void;
  issue?: string | undefined;
  multiline?: boolean;
  date?: boolean;
}) {
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const described = [hint ? hintId : null, issue ? errId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          className={date ? 'date' : undefined}
          inputMode={date ? 'numeric' : undefined}
          placeholder={date ? 'dd.mm.åååå' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {issue && (
        <p className="field-error" id={errId}>
          {issue}
        </p>
      )}
    </div>
  );
}

/** Focuses an element by id (and scrolls it into view): "Gå til feltet". */
function focusField(id: string) {
  // A finding inside a list item the form does not show (the default advice) goes to the list.
  let el = document.getElementById(id);
  for (let parts = id.split('-'); !el && parts.length > 2; parts = parts.slice(0, -1))
    el = document.getElementById(parts.slice(0, -1).join('-'));
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

function Findings({
  caseId,
  data,
  formPath,
  failed,
  preview,
  errors,
  warnings,
  text,
  onKeep,
  onLeave,
}: {
  caseId: string;
  data: CaseData;
  formPath: (p: Path) => Path;
  onLeave: (address: string) => Promise<void>;
  failed: boolean;
  preview: Preview | null;
  errors: Finding[];
  warnings: Finding[];
  text: (f: Finding) => string;
  onKeep: (f: Finding, reason: string) => void;
}) {
  const { t } = useI18n();
  if (!preview)
    return (
      <section className="panel" aria-labelledby="findings-title">
        <h3 id="findings-title" tabIndex={-1}>
          {t('editor.findings')}
        </h3>
        <p role="status">{failed ? t('editor.fixFields') : t('app.loading')}</p>
      </section>
    );
  const lix = preview.lix;
  return (
    <section className="panel findings" aria-labelledby="findings-title">
      {/* Announced when the checks settle, not on every keystroke. */}
      <p className="sr-only" role="status">
        {errors.length + warnings.length === 0
          ? t('editor.findingsNone')
          : `${t('editor.errors', { n: errors.length })}, ${t('editor.warnings', { n: warnings.length })}`}
      </p>
      <h3 id="findings-title" tabIndex={-1}>
        {t('editor.findings')}{' '}
        {errors.length > 0 && <span className="badge bad">{t('editor.errors', { n: errors.length })}</span>}{' '}
        {warnings.length > 0 && (
          <span className="badge warn">{t('editor.warnings', { n: warnings.length })}</span>
        )}
      </h3>
      <p className="lix">
        {t('editor.lix', { lix: Math.round(lix.lix), band: lixBand(lix.lix) })}{' '}
        <span className="muted">
          ({t('editor.lixDetail', { words: lix.words, sentences: lix.sentences, long: lix.longWords })})
        </span>
      </p>
      {errors.length + warnings.length === 0 ? (
        <p className="ok-line">{t('editor.findingsNone')}</p>
      ) : (
        <ol className="finding-list">
          {[...errors, ...warnings].map((f, i) => (
            <FindingItem
              key={`${f.code}-${formatPath(f.path)}-${f.phrase ?? ''}-${i}`}
              caseId={caseId}
              data={data}
              formPath={formPath}
              finding={f}
              text={text(f)}
              onKeep={onKeep}
              onLeave={onLeave}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The text at a case path, when it is one (for showing a flagged phrase in its sentence). */
function textAt(doc: unknown, path: Path): string | null {
  let v: unknown = doc;
  for (const p of path)
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return typeof v === 'string' ? v : null;
}

/** The text with every occurrence of the phrase marked (case-insensitive). */
function Highlight({ text, phrase }: { text: string; phrase: string }): ReactNode {
  const lower = text.toLocaleLowerCase('nb');
  const p = phrase.toLocaleLowerCase('nb');
  const out: ReactNode[] = [];
  let at = 0;
  for (let i = lower.indexOf(p); p && i >= 0; i = lower.indexOf(p, i + p.length)) {
    out.push(text.slice(at, i), <mark key={i}>{text.slice(i, i + p.length)}</mark>);
    at = i + p.length;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

function FindingItem({
  caseId,
  data,
  formPath,
  finding: f,
  text,
  onKeep,
  onLeave,
}: {
  caseId: string;
  data: CaseData;
  formPath: (p: Path) => Path;
  onLeave: (address: string) => Promise<void>;
  finding: Finding;
  text: string;
  onKeep: (f: Finding, reason: string) => void;
}) {
  const { t } = useI18n();
  const target = targetOf(formPath(f.path));
  const [mode, setMode] = useState<'rewrite' | 'keep' | null>(null);
  const rewriteButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const where =
    f.path[0] === 'recommendations' && typeof f.path[1] === 'number'
      ? `${t('finding.where.measure', { n: f.path[1] + 1 })}${
          typeof f.path[2] === 'string' && (MEASURE_TEXT_FIELDS as readonly string[]).includes(f.path[2])
            ? ` – ${t(`field.${f.path[2]}` as TextKey)}`
            : ''
        }`
      : null;
  const source = f.phrase ? (f.path[0] === 'options' ? null : textAt(data.doc, f.path)) : null;
  const reasonField = REASON_FOR[f.code];
  const fixAt =
    target.kind === 'tab' && target.tab === 'settings'
      ? href({ name: 'settings' })
      : href({ name: 'case', caseId, tab: target.kind === 'tab' ? target.tab : 'measures' });
  // Each action's accessible name says which finding it is for: "Gå til feltet" and the finding.
  const named = (action: string) => ({
    id: `${id}-${action}`,
    'aria-labelledby': `${id}-${action} ${id}-msg`,
  });
  return (
    <li className={`finding ${f.severity}`} aria-labelledby={`${id}-msg`}>
      <p id={`${id}-msg`}>
        <span className={`badge ${f.severity === 'error' ? 'bad-badge' : 'warn-badge'}`}>
          {t(f.severity === 'error' ? 'finding.error' : 'finding.warning')}
        </span>{' '}
        {where && <strong>{where}: </strong>}
        {text}
      </p>
      {source && f.phrase && (
        <blockquote className="phrase-context">
          <Highlight text={source} phrase={f.phrase} />
        </blockquote>
      )}
      <div className="finding-actions">
        {target.kind === 'option' && (
          <button
            type="button"
            className="link"
            {...named('field')}
            onClick={() => focusField(target.fieldId)}
          >
            {t('editor.goToField')}
          </button>
        )}
        {f.code === 'CONSENT_MISSING' && (
          // The other way out of a missing consent: record the consent itself (issue 14 item 8).
          <a
            href={href({ name: 'case', caseId, tab: 'consents' })}
            {...named('consents')}
            onClick={(e) => {
              e.preventDefault();
              void onLeave(href({ name: 'case', caseId, tab: 'consents' }));
            }}
          >
            {t('opt.consents')}
          </a>
        )}
        {reasonField && (
          <button type="button" className="link" {...named('reason')} onClick={() => focusField(reasonField)}>
            {t('opt.reasons')}
          </button>
        )}
        {target.kind === 'measureText' && (
          <button
            type="button"
            className="link"
            ref={rewriteButton}
            aria-expanded={mode === 'rewrite'}
            onClick={() => setMode(mode === 'rewrite' ? null : 'rewrite')}
          >
            {t('editor.rewrite')}
          </button>
        )}
        {(target.kind === 'tab' ||
          (target.kind === 'measureText' && f.code !== 'VAGUE_PHRASE' && f.code !== 'BLAME_FRAMING') ||
          (f.path[0] === 'recommendations' && target.kind !== 'measureText')) &&
          target.kind !== 'option' && (
            <a
              href={fixAt}
              {...named('tab')}
              onClick={(e) => {
                e.preventDefault();
                void onLeave(fixAt);
              }}
            >
              {t('editor.openTab', {
                tab: t(
                  (target.kind === 'tab' && target.tab === 'settings'
                    ? 'nav.settings'
                    : `case.tab.${target.kind === 'tab' ? target.tab : 'measures'}`) as TextKey,
                ),
              })}
            </a>
          )}
        {(f.code === 'VAGUE_PHRASE' || f.code === 'BLAME_FRAMING') && (
          <button
            type="button"
            className="link"
            aria-expanded={mode === 'keep'}
            onClick={() => setMode(mode === 'keep' ? null : 'keep')}
          >
            {t('editor.keep')}
          </button>
        )}
      </div>
      {mode === 'rewrite' && target.kind === 'measureText' && (
        <Rewrite
          caseId={caseId}
          data={data}
          target={target}
          phrase={f.phrase ?? null}
          onDone={(saved) => {
            setMode(null);
            // Saved: this finding goes away with the next check, so focus moves to the list's heading.
            if (saved) focusField('findings-title');
            else rewriteButton.current?.focus();
          }}
        />
      )}
      {target.kind === 'nynorsk' && <NynorskFix caseId={caseId} data={data} nynorskKey={target.key} />}
      {mode === 'keep' && (
        <KeepForm
          phrase={f.phrase ?? ''}
          onKeep={(reason) => {
            onKeep(f, reason);
            setMode(null);
            focusField('findings-title');
          }}
        />
      )}
    </li>
  );
}

/** "Skriv om": the measure's text in place, saved in the case (every later letter uses it). */
function Rewrite({
  caseId,
  data,
  target,
  phrase,
  onDone,
}: {
  caseId: string;
  data: CaseData;
  target: { index: number; field: string; nested?: 'evaluation' };
  phrase: string | null;
  onDone: (saved: boolean) => void;
}) {
  const { t, error, issue } = useI18n();
  const update = useUpdate(caseId);
  const rec = (data.doc.recommendations ?? [])[target.index] as Record<string, unknown> | undefined;
  const key = data.keys.recommendations?.[target.index];
  const evaluation = rec?.evaluation as Record<string, unknown> | null | undefined;
  const initial = String((target.nested ? evaluation?.[target.field] : rec?.[target.field]) ?? '');
  const [value, setValue] = useState(initial);
  // A rewrite corrects what is registered, so it needs a reason (the timeline shows both texts).
  const [reason, setReason] = useState(
    phrase ? t('editor.rewriteReasonDefault', { phrase }) : t('editor.rewriteReasonPlain'),
  );
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (phrase) {
      const i = initial.toLocaleLowerCase('nb').indexOf(phrase.toLocaleLowerCase('nb'));
      if (i >= 0) el.setSelectionRange(i, i + phrase.length);
    }
  }, [initial, phrase]);
  if (!rec || !key) return null;
  const submit = async () => {
    setBusy(true);
    setErr(null);
    try {
      const set = target.nested
        ? { evaluation: { ...evaluation, [target.field]: value.trim() } }
        : { [target.field]: value.trim() };
      await update([{ op: 'set', entity: 'recommendations', key, set, reason: reason.trim() }]);
      onDone(true);
    } catch (e) {
      setErr(
        e instanceof BroError
          ? [error(e.code), ...e.issues.map((i) => issue(i.code))].join(' ')
          : error('INTERNAL'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('editor.rewriteLabel')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('editor.rewriteHint')}
        </p>
        <textarea
          id={id}
          ref={ref}
          rows={4}
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone(false);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('common.reason')}</label>
        <input id={`${id}-reason`} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {err && <ErrorBox>{err}</ErrorBox>}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || value.trim() === '' || reason.trim() === ''}
        >
          {t('editor.rewriteSave')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function KeepForm({ phrase, onKeep }: { phrase: string; onKeep: (reason: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onKeep(reason.trim());
      }}
    >
      <div className="field">
        <label htmlFor={id}>
          {t('editor.keepReason')} («{phrase}»)
        </label>
        <input id={id} ref={ref} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={reason.trim() === ''}>
          {t('editor.keepSave')}
        </button>
      </div>
    </form>
  );
}

type ConclusionInput = NonNullable<CaseData['doc']['assessmentConclusion']>;
type Deviation = NonNullable<ConclusionInput['deviations']>[number];
const CONCLUSION_TEXTS = ['content', 'organisation', 'staffCompetence', 'viewsWeighed'] as const;

/**
 * The sakkyndig vurdering's conclusion, kept in the case (`assessmentConclusion`): every letter
 * and the interchange file see the same one. Saved with «Lagre konklusjonen i saken»; the
 * preview then shows it.
 */
function ConclusionForm({
  caseId,
  data,
  issueText,
}: {
  caseId: string;
  data: CaseData;
  issueText: (id: string) => string | undefined;
}) {
  const { t, error } = useI18n();
  const update = useUpdate(caseId);
  const stored = data.doc.assessmentConclusion ?? null;
  const fromStored = useCallback(
    () => ({
      needed: stored?.needed == null ? '' : stored.needed ? 'yes' : 'no',
      hours: stored?.hours == null ? '' : String(stored.hours).replace('.', ','),
      hoursPer: stored?.hoursPer ?? 'år',
      content: stored?.content ?? '',
      organisation: stored?.organisation ?? '',
      staffCompetence: stored?.staffCompetence ?? '',
      viewsWeighed: stored?.viewsWeighed ?? '',
      validUntil: stored?.validUntil ? nbDate(stored.validUntil) : '',
      reassessBy: stored?.reassessBy ? nbDate(stored.reassessBy) : '',
      deviations: (stored?.deviations ?? []).map((d) => ({ ...d })),
    }),
    [stored],
  );
  const [f, setF] = useState(fromStored);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!dirty) setF(fromStored());
  }, [fromStored, dirty]);
  const set = (fn: (x: ReturnType<typeof fromStored>) => void) => {
    setF((x) => {
      const next = structuredClone(x);
      fn(next);
      return next;
    });
    setDirty(true);
    setSaved(false);
  };
  const save = async () => {
    setBusy(true);
    setErr(null);
    const hours = f.hours.trim() === '' ? null : Number(f.hours.replace(',', '.'));
    const value: ConclusionInput = {
      needed: f.needed === '' ? null : f.needed === 'yes',
      hours: hours !== null && Number.isFinite(hours) ? hours : null,
      hoursPer: f.hoursPer as ConclusionInput['hoursPer'],
      content: f.content.trim() || null,
      organisation: f.organisation.trim() || null,
      staffCompetence: f.staffCompetence.trim() || null,
      viewsWeighed: f.viewsWeighed.trim() || null,
      validUntil: f.validUntil.trim() ? isoFromInput(f.validUntil) : null,
      reassessBy: f.reassessBy.trim() ? isoFromInput(f.reassessBy) : null,
      deviations: f.deviations
        .map((d) => ({ kind: d.kind, what: d.what.trim(), legalBasis: d.legalBasis.trim() }))
        .filter((d) => d.what !== '' || d.legalBasis !== ''),
    };
    try {
      await update([{ op: 'set', entity: 'case', set: { assessmentConclusion: value } }]);
      setDirty(false);
      setSaved(true);
    } catch (e) {
      setErr(e instanceof BroError ? error(e.code) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const id = (field: string) => `concl-${field}`;
  return (
    <fieldset className="opt-group">
      <legend>{t('concl.title')}</legend>
      <p className="hint">{t('concl.hint')}</p>
      <fieldset className="opt-group" id={id('needed')} tabIndex={-1}>
        <legend>{t('concl.needed')}</legend>
        {(['yes', 'no'] as const).map((v) => (
          <label key={v} className="check-row">
            <input
              type="radio"
              name="concl-needed"
              checked={f.needed === v}
              onChange={() => set((x) => void (x.needed = v))}
            />
            {t(v === 'yes' ? 'concl.yes' : 'concl.no')}
          </label>
        ))}
        {issueText(id('needed')) && <p className="field-error">{issueText(id('needed'))}</p>}
      </fieldset>
      {f.needed !== 'no' && (
        <div className="advice-row">
          <OptField
            id={id('hours')}
            label={t('concl.hours')}
            value={f.hours}
            issue={issueText(id('hours'))}
            onChange={(v) => set((x) => void (x.hours = v))}
          />
          <div className="field">
            <label htmlFor={id('hoursPer')}>{t('concl.hoursPer')}</label>
            <select
              id={id('hoursPer')}
              value={f.hoursPer}
              onChange={(e) => set((x) => void (x.hoursPer = e.target.value as 'år' | 'uke'))}
            >
              <option value="år">{t('concl.perYear')}</option>
              <option value="uke">{t('concl.perWeek')}</option>
            </select>
          </div>
        </div>
      )}
      {CONCLUSION_TEXTS.filter((k) => f.needed !== 'no' || k === 'viewsWeighed').map((k) => (
        <OptField
          key={k}
          id={id(k)}
          label={t(`concl.${k}` as TextKey)}
          multiline
          value={f[k]}
          issue={issueText(id(k))}
          onChange={(v) => set((x) => void (x[k] = v))}
        />
      ))}
      {(['validUntil', 'reassessBy'] as const).map((k) => (
        <OptField
          key={k}
          id={id(k)}
          label={t(`concl.${k}`)}
          date
          value={f[k]}
          issue={issueText(id(k))}
          onChange={(v) => set((x) => void (x[k] = v))}
        />
      ))}
      <fieldset className="opt-group">
        <legend>{t('concl.deviations')}</legend>
        <p className="hint">{t('concl.deviationsHint')}</p>
        {f.deviations.map((d: Deviation, i: number) => (
          <div className="advice-row" key={i}>
            <div className="field">
              <label htmlFor={id(`dev-${i}-kind`)}>{`${t('concl.deviationKind')} ${i + 1}`}</label>
              <select
                id={id(`dev-${i}-kind`)}
                value={d.kind}
                onChange={(e) =>
                  set((x) => void (x.deviations[i]!.kind = e.target.value as Deviation['kind']))
                }
              >
                <option value="reduksjon">{t('concl.reduksjon')}</option>
                <option value="fritak">{t('concl.fritak')}</option>
              </select>
            </div>
            <OptField
              id={id(`dev-${i}-what`)}
              label={`${t('concl.deviationWhat')} ${i + 1}`}
              value={d.what}
              onChange={(v) => set((x) => void (x.deviations[i]!.what = v))}
            />
            <OptField
              id={id(`dev-${i}-basis`)}
              label={`${t('concl.deviationBasis')} ${i + 1}`}
              value={d.legalBasis}
              onChange={(v) => set((x) => void (x.deviations[i]!.legalBasis = v))}
            />
            <button
              type="button"
              className="small"
              onClick={() => set((x) => void x.deviations.splice(i, 1))}
            >
              {t('concl.deviationRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set((x) => void x.deviations.push({ kind: 'reduksjon', what: '', legalBasis: '' }))}
        >
          {t('concl.deviationAdd')}
        </button>
      </fieldset>
      {err && <ErrorBox>{err}</ErrorBox>}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void save()}>
          {t('concl.save')}
        </button>
        <span role="status" className="saved">
          {saved ? t('concl.saved') : ''}
        </span>
      </div>
    </fieldset>
  );
}

/**
 * A nynorsk letter prints a case text that reads as bokmål: write it in nynorsk (saved in the case
 * beside the bokmål text, used by every nynorsk letter), or keep it as written with a reason.
 */
function NynorskFix({ caseId, data, nynorskKey }: { caseId: string; data: CaseData; nynorskKey: string }) {
  const { t, error } = useI18n();
  const update = useUpdate(caseId);
  const source = caseTextAt(data.doc, nynorskKey) ?? '';
  const [mode, setMode] = useState<'write' | 'keep' | null>(null);
  const [value, setValue] = useState(source);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const id = useId();
  const save = async (entry: { text?: string; keepReason?: string }) => {
    setBusy(true);
    setErr(null);
    try {
      const nynorsk = { ...(data.doc.nynorsk ?? {}), [nynorskKey]: entry };
      await update([{ op: 'set', entity: 'case', set: { nynorsk } }]);
      setMode(null);
      focusField('findings-title');
    } catch (e) {
      setErr(e instanceof BroError ? error(e.code) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="nynorsk-fix">
      {source && <blockquote className="phrase-context">{source}</blockquote>}
      <div className="finding-actions">
        <button
          type="button"
          className="link"
          aria-expanded={mode === 'write'}
          onClick={() => {
            setValue(source);
            setMode(mode === 'write' ? null : 'write');
          }}
        >
          {t('nynorsk.write')}
        </button>
        <button
          type="button"
          className="link"
          aria-expanded={mode === 'keep'}
          onClick={() => {
            setValue('');
            setMode(mode === 'keep' ? null : 'keep');
          }}
        >
          {t('nynorsk.keep')}
        </button>
      </div>
      {mode && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim())
              void save(mode === 'write' ? { text: value.trim() } : { keepReason: value.trim() });
          }}
        >
          <div className="field">
            <label htmlFor={id}>{t(mode === 'write' ? 'nynorsk.textLabel' : 'nynorsk.reasonLabel')}</label>
            {mode === 'write' ? (
              <textarea id={id} rows={4} value={value} onChange={(e) => setValue(e.target.value)} />
            ) : (
              <input id={id} type="text" value={value} onChange={(e) => setValue(e.target.value)} />
            )}
          </div>
          {err && <ErrorBox>{err}</ErrorBox>}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
              {t('nynorsk.save')}
            </button>
            <button type="button" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
