import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { VERIFY_MAX_BYTES } from '../../../shared/contract/letters';
import { BroError } from '../../../shared/errors';
import { LETTER_KINDS, type LetterKind } from '../../../shared/letters/kinds';
import { TEXTS } from '../../../shared/letters/texts';
import { api } from '../../api';
import { fileToBase64 } from '../../app/files';
import { nbDate } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox, FileDrop } from '../../app/ui';
import { refresh } from '../cases/useCase';

type Verified = OpOutput<'letters.verify'>;
type Letter = NonNullable<Verified['letter']>;
type Person = Letter['recommendations'][number]['responsible'];

/**
 * A file dropped anywhere on the window, waiting for the verify screen to take it. Module-level so
 * the Shell's window handler and the screen (mounted after the route changes) can meet; the file
 * is let go as soon as the screen takes it.
 */
const dropped: { file: File | null; seq: number } = { file: null, seq: 0 };
const listeners = new Set<() => void>();
function offer(file: File): void {
  dropped.file = file;
  dropped.seq += 1;
  for (const l of listeners) l();
}
function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * For the Shell: a file dropped anywhere on the window opens «Kontroller brev» with that file. A
 * drop that something else on the page already handled (called preventDefault) is left alone.
 */
export function useDropToVerify(): void {
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (e.defaultPrevented || !hasFiles(e)) return;
      // SECURITY: never let the browser open a dropped file: that would navigate away from the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (e.defaultPrevented || !hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      offer(file);
      if (window.location.hash !== '#/verify') window.location.hash = '#/verify';
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}

type State =
  | { status: 'idle' }
  | { status: 'checking'; file: string }
  | { status: 'done'; file: string; result: Verified; foreign: boolean; pdf: string }
  | { status: 'failed'; file: string; message: string };

/** Reasons whose only meaning is "signed by a key that is not one of this service's members". */
const FOREIGN_ONLY = new Set(['JWS_UNKNOWN_KEY', 'SEAL_UNKNOWN_KEY']);

/** The vault's member keys, when it is open (names only where a member has one). */
async function memberKeys(): Promise<OpOutput<'keys.jwks'> | null> {
  try {
    const set = await api['keys.jwks']({});
    return {
      keys: set.keys.map(({ name, ...k }) => (typeof name === 'string' ? { ...k, name } : k)),
    };
  } catch {
    // Locked (or the session ended): the letter is still checked, with the key it carries.
    return null;
  }
}

/** Verify a letter PDF: drop it on the window or choose it. */
export function VerifyScreen() {
  const { t, error } = useI18n();
  const [state, setState] = useState<State>({ status: 'idle' });
  const run = useRef(0);
  const offered = useSyncExternalStore(subscribe, () => dropped.seq);

  useEffect(() => {
    document.getElementById('verify-title')?.focus();
  }, []);

  const check = useCallback(
    async (file: File) => {
      const mine = ++run.current;
      const name = file.name;
      const fail = (message: string) => {
        if (run.current === mine) setState({ status: 'failed', file: name, message });
      };
      if (file.size > VERIFY_MAX_BYTES) {
        const mb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(file.size / 2 ** 20);
        return fail(t('verify.error.TOO_LARGE', { size: `${mb} MB` }));
      }
      setState({ status: 'checking', file: name });
      let pdf: string;
      try {
        pdf = await fileToBase64(file);
      } catch {
        return fail(t('verify.error.READ'));
      }
      try {
        const jwks = await memberKeys();
        let result = await api['letters.verify']({ pdf, ...(jwks ? { jwks } : {}) });
        let foreign = false;
        if (jwks && !result.valid && result.reasons.every((r) => FOREIGN_ONLY.has(r))) {
          // Intact, but not signed by a member here: say so, rather than only "not valid".
          const own = await api['letters.verify']({ pdf });
          foreign = own.valid;
          if (!result.letter) result = { ...result, letter: own.letter };
        }
        if (run.current === mine) setState({ status: 'done', file: name, result, foreign, pdf });
      } catch (e) {
        const b = e instanceof BroError ? e : null;
        const reason = b?.detail?.reason;
        if (b?.code === 'NOT_A_LETTER' && (reason === 'NOT_PDF' || reason === 'NOT_BRO'))
          return fail(t(`verify.error.${reason}`));
        if (b?.code === 'VALIDATION' && b.issues.some((i) => i.code === 'TOO_LARGE'))
          return fail(t('verify.error.TOO_LARGE', { size: '> 40 MB' }));
        if (b?.code === 'IO') return fail(t('verify.error.READ'));
        return fail(t('verify.error.other', { message: error(b?.code ?? 'INTERNAL') }));
      }
    },
    [t, error],
  );

  // A file dropped on the window (here or on another screen) is taken as soon as it is offered.
  useEffect(() => {
    const file = dropped.file;
    if (!file) return;
    dropped.file = null;
    void check(file);
  }, [offered, check]);

  useEffect(() => {
    if (state.status === 'done' || state.status === 'failed')
      document.getElementById('verify-verdict')?.focus();
  }, [state]);

  return (
    <section aria-labelledby="verify-title" className="verify">
      <div className="page-head">
        <h1 id="verify-title" tabIndex={-1}>
          {t('verify.title')}
        </h1>
      </div>
      <p className="lead">{t('verify.lead')}</p>
      {/* The window's drop handler (useDropToVerify) takes a file dropped here; the zone shows where. */}
      <FileDrop
        testId="verify-drop"
        choose={t('verify.choose')}
        accept="application/pdf,.pdf"
        primary
        windowTakesDrop
        onFile={(file) => void check(file)}
      >
        <p>{t('verify.drop')}</p>
      </FileDrop>
      <div aria-live="polite">
        {state.status === 'checking' && (
          <p role="status" className="busy">
            {t('verify.checking', { file: state.file })}
          </p>
        )}
        {state.status === 'failed' && (
          <ErrorBox>
            <h2 id="verify-verdict" tabIndex={-1}>
              {t('verify.cannot')}
            </h2>
            <p className="verify-file">{t('verify.file', { file: state.file })}</p>
            <p>{state.message}</p>
          </ErrorBox>
        )}
        {state.status === 'done' && (
          <>
            <Result file={state.file} r={state.result} foreign={state.foreign} />
            <ReplyImport r={state.result} pdf={state.pdf} />
          </>
        )}
      </div>
    </section>
  );
}

/** A reason code from verify.ts as a sentence: its own text, else its group's (SEAL_, JWS_, PADES_). */
function reasonText(t: ReturnType<typeof useI18n>['t'], code: string): string {
  const own = `verify.reason.${code}` as TextKey;
  if (t(own) !== own) return t(own);
  const group = /^(SEAL|JWS|PADES)_/u.exec(code)?.[1];
  const key = `verify.reason.${group}` as TextKey;
  return group && t(key) !== key ? t(key) : t('verify.reason.unknown', { code });
}

function Result({ file, r, foreign }: { file: string; r: Verified; foreign: boolean }) {
  const { t } = useI18n();
  const reasons = [...new Set(r.reasons.map((c) => reasonText(t, c)))];
  const signer = r.jws.signer ?? t('verify.signerUnknown');
  const status = (present: boolean, valid: boolean) =>
    !present ? (
      <span className="badge bad">{t('verify.missing')}</span>
    ) : valid ? (
      <span className="badge ok">{t('verify.ok')}</span>
    ) : (
      <span className="badge bad">{t('verify.bad')}</span>
    );
  return (
    <>
      <div className={`panel verdict ${r.valid ? 'is-valid' : 'is-invalid'}`} data-testid="verify-verdict">
        <h2 id="verify-verdict" tabIndex={-1}>
          {r.valid ? t('verify.valid') : t('verify.invalid')}
        </h2>
        <p className="verify-file">{t('verify.checked', { file })}</p>
        {r.valid ? (
          <>
            <p>{t('verify.validText')}</p>
            <p>{r.jws.trusted ? t('verify.trustedText', { name: signer }) : t('verify.untrustedText')}</p>
          </>
        ) : (
          <>
            <p>{t('verify.invalidText')}</p>
            <ul className="verify-reasons">
              {reasons.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            {foreign && <p>{t('verify.foreignText')}</p>}
          </>
        )}
      </div>

      <section className="panel" aria-labelledby="verify-checks">
        <h2 id="verify-checks">{t('verify.checks')}</h2>
        <dl className="facts-grid">
          <dt>{t('verify.seal')}</dt>
          <dd>{status(r.seal.present, r.seal.valid)}</dd>
          <dt>{t('verify.jws')}</dt>
          <dd>
            {status(!r.reasons.includes('NO_JWS'), r.jws.valid)}{' '}
            {r.jws.valid && (
              <>
                {t('verify.signer', { name: signer })} ·{' '}
                {r.jws.trusted ? t('verify.trusted') : t('verify.notTrusted')}
              </>
            )}
          </dd>
          <dt>{t('verify.pades')}</dt>
          <dd>
            {r.pades.present ? status(true, r.pades.valid) : t('verify.none')}
            {r.pades.subject && <> {t('verify.subject', { subject: r.pades.subject })}</>}
          </dd>
        </dl>
      </section>

      {r.update && r.update.changes.length > 0 && <Changes changes={r.update.changes} />}

      {r.letter ? (
        <LetterFacts letter={r.letter} code={r.code} valid={r.valid} />
      ) : (
        <p className="warn">{t('verify.noLetter')}</p>
      )}
    </>
  );
}

type Change = NonNullable<Verified['update']>['changes'][number];

/** What was appended after signing (issue 19 item 3), each change with the page it touches. */
function Changes({ changes }: { changes: Change[] }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="verify-changes" data-testid="verify-changes">
      <h2 id="verify-changes">{t('verify.changes')}</h2>
      <p>{t('verify.changesLead')}</p>
      <ul>
        {changes.map((c, i) => {
          const key = `verify.change.${c.kind}` as TextKey;
          const what = t(key) === key ? t('verify.change.object') : t(key, { field: c.field ?? '' });
          return (
            <li key={i}>
              <strong>
                {c.page !== null ? t('verify.change.page', { page: c.page }) : t('verify.change.document')}:
              </strong>{' '}
              {what}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A letter whose reply slip the school filled in (and nothing else changed): «Les inn svaret i
 * saken» records the answers through `reply.import`, which checks again that this vault issued it.
 */
function ReplyImport({ r, pdf }: { r: Verified; pdf: string }) {
  const { t, error, issue } = useI18n();
  const qc = useQueryClient();
  const [state, setState] = useState<
    | { s: 'idle' }
    | { s: 'busy' }
    | { s: 'done'; out: OpOutput<'reply.import'> }
    | { s: 'failed'; message: string }
  >({ s: 'idle' });
  const filled = (r.update?.changes ?? []).some((c) => c.kind === 'form-field');
  if (!filled || !r.letter?.replyBy) return null;
  const go = async () => {
    setState({ s: 'busy' });
    try {
      const out = await api['reply.import']({ pdf });
      // The case changed: no folder held in memory may be shown again as it was (a form opened on
      // it next would save back what it held before). `out.caseId` is the letter's case reference,
      // not the vault's key, so every folder no screen shows is dropped (opened again, it is
      // fetched fresh) rather than fetched now: each fetch is a read of that case in the access
      // log, and no one read them. A folder on screen is fetched again.
      qc.removeQueries({ queryKey: ['case'], type: 'inactive' });
      await refresh(qc);
      setState({ s: 'done', out });
    } catch (e) {
      const b = e instanceof BroError ? e : null;
      const reply = b?.issues.find((i) => i.code.startsWith('REPLY_'));
      setState({
        s: 'failed',
        message:
          b?.code === 'VAULT_LOCKED'
            ? t('verify.replyLocked')
            : t('verify.replyRefused', { reason: reply ? issue(reply.code) : error(b?.code ?? 'INTERNAL') }),
      });
    }
  };
  return (
    <section className="panel" aria-labelledby="verify-reply" data-testid="verify-reply">
      <h2 id="verify-reply">{t('verify.replyImport')}</h2>
      {r.valid && <p>{t('verify.filled')}</p>}
      <button type="button" className="primary" disabled={state.s === 'busy'} onClick={() => void go()}>
        {t('verify.replyImport')}
      </button>
      <div aria-live="polite">
        {state.s === 'busy' && <p role="status">{t('verify.replyImporting')}</p>}
        {state.s === 'done' && !state.out.followUp && (
          <p role="status">
            {state.out.recorded.length
              ? t('verify.replyDone', { n: state.out.recorded.length })
              : t('verify.replySame')}
          </p>
        )}
        {state.s === 'done' && state.out.followUp && <FollowUpDone out={state.out} />}
        {state.s === 'failed' && <ErrorBox>{state.message}</ErrorBox>}
      </div>
    </section>
  );
}

/** An oppfølgingsbrev's answer read in: each item, what it did in the case, and the journal note. */
function FollowUpDone({ out }: { out: OpOutput<'reply.import'> }) {
  const { t } = useI18n();
  const items = out.followUp ?? [];
  const nothingNew = !out.noteAdded && items.every((x) => x.unchanged);
  return (
    <div role="status" data-testid="verify-follow-done">
      <p>{nothingNew ? t('verify.replySame') : t('verify.followDone')}</p>
      <ul>
        {items.map((x) => (
          <li key={x.n} className={x.effect === 'note' ? 'warn' : undefined}>
            {t('verify.followItem', {
              n: x.n,
              what: x.what,
              // «Utført» may carry the day it was done; «ny frist» always carries its date.
              answer: t(
                `verify.followAnswer.${x.answer}${x.answer === 'utført' && x.date ? '.dated' : ''}` as TextKey,
                { date: x.date ? nbDate(x.date) : '' },
              ),
            })}
            {' – '}
            {x.unchanged && x.effect !== 'note'
              ? t('verify.followEffect.same')
              : t(`verify.followEffect.${x.effect}` as TextKey)}
          </li>
        ))}
      </ul>
      <p>{out.noteAdded ? t('verify.followNote') : t('verify.followNoteSame')}</p>
    </div>
  );
}

const kindTitle = (letter: Letter) => {
  const lang = letter.lang === 'nn' ? 'nn' : 'nb';
  return (LETTER_KINDS as readonly string[]).includes(letter.kind)
    ? TEXTS[lang].kindTitle[letter.kind as LetterKind]
    : letter.kind;
};

const personText = (p: Person) => (p ? (p.name ? `${p.name} (${p.role})` : p.role) : '–');

function LetterFacts({ letter, code, valid }: { letter: Letter; code: string | null; valid: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <section className="panel" aria-labelledby="verify-letter">
        <h2 id="verify-letter">{t('verify.letter')}</h2>
        {!valid && <p className="warn">{t('verify.untrustedContent')}</p>}
        <dl className="facts-grid" data-testid="verify-letter">
          <dt>{t('verify.kind')}</dt>
          <dd>{kindTitle(letter)}</dd>
          <dt>{t('verify.date')}</dt>
          <dd>{nbDate(letter.date)}</dd>
          <dt>{t('verify.version')}</dt>
          <dd>{letter.version}</dd>
          <dt>{t('verify.draft')}</dt>
          <dd>{letter.draft ? t('verify.draftYes') : t('verify.draftNo')}</dd>
          <dt>{t('verify.code')}</dt>
          <dd>
            {code ? <span className="mono">{code}</span> : '–'}{' '}
            <span className="muted">({t('verify.codeHint')})</span>
          </dd>
          <dt>{t('verify.replyBy')}</dt>
          <dd>{letter.replyBy ? nbDate(letter.replyBy) : t('verify.noReply')}</dd>
          <dt>{t('verify.caseRef')}</dt>
          <dd className="mono">{`${letter.caseId} / ${letter.kind}-${letter.version}`}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="verify-asks">
        <h2 id="verify-asks">{t('verify.asks')}</h2>
        <h3 id="verify-recs">{t('verify.recommendations')}</h3>
        {letter.recommendations.length === 0 ? (
          <p className="muted">{t('verify.noRecommendations')}</p>
        ) : (
          <div className="verify-scroll">
            <table
              className="data verify-table"
              aria-labelledby="verify-recs"
              data-testid="verify-recommendations"
            >
              <thead>
                <tr>
                  <th scope="col">{t('verify.col.what')}</th>
                  <th scope="col">{t('verify.col.responsible')}</th>
                  <th scope="col">{t('verify.col.leader')}</th>
                  <th scope="col">{t('verify.col.start')}</th>
                  <th scope="col">{t('verify.col.evaluation')}</th>
                  <th scope="col">{t('verify.col.method')}</th>
                  <th scope="col">{t('verify.col.convenedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {letter.recommendations.map((m, i) => (
                  <tr key={i}>
                    <td>{m.what}</td>
                    <td>{personText(m.responsible)}</td>
                    <td>{personText(m.leader)}</td>
                    <td className="date">{nbDate(m.start)}</td>
                    <td className="date">{nbDate(m.evaluation?.date)}</td>
                    <td>{m.evaluation?.method ?? '–'}</td>
                    <td>{m.evaluation?.convenedBy ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 id="verify-all-asks">{t('verify.otherAsks')}</h3>
        {letter.asks.length === 0 ? (
          <p className="muted">{t('verify.noAsks')}</p>
        ) : (
          <table className="data verify-table" aria-labelledby="verify-all-asks" data-testid="verify-asks">
            <thead>
              <tr>
                <th scope="col">{t('verify.col.what')}</th>
                <th scope="col">{t('verify.col.who')}</th>
                <th scope="col">{t('verify.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {letter.asks.map((a, i) => (
                <tr key={i}>
                  <td>{a.what}</td>
                  <td>{a.who ?? '–'}</td>
                  <td className="date">{nbDate(a.by)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
