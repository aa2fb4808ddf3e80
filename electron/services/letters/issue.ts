import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { BroError, type Issue } from '../../../shared/errors';
import {
  canonicalJson,
  hasErrors,
  letterSettings,
  prepareLetter,
  verificationCode,
  type Finding,
  type LetterKind,
  type LetterLang,
  type LetterOptions,
  type LetterSettings,
  type PreparedLetter,
} from '../../../shared/letters';
import type { LetterIssued } from '../../../shared/letters/events';
import type { Letterhead } from '../../../shared/letters/settings';
import { signDetached } from '../signing/jws';
import type { loadP12 } from '../signing/p12';
import { sealPdf } from '../signing/seal';
import { LETTER_JSON, LETTER_JWS } from '../signing/verify';
import { writeAtomic } from '../vault/atomic';
import { randomId } from '../vault/crypto';
import type { Vault } from '../vault/vault';
import type { CaseState } from '../../../shared/events/fold';
import { describeCertificate } from '../signing/cms';
import { caseObligations, caseworkerOn } from '../../../shared/cases/obligations';
import { DEFAULT_SETTINGS, type WaitingSettings } from '../../../shared/waiting/settings';
import type { BuildInput } from '../../../shared/letters';
import { caseworkerDirectory, lookupRegisters, schoolByName, schoolHolidaysOf } from '../registers/registers';

export interface LetterRequest {
  caseId: string;
  kind: LetterKind;
  lang: LetterLang;
  options: LetterOptions;
  /** Letter settings as given (validated); the app's letterhead fills what they leave out. */
  settings: Partial<LetterSettings> | undefined;
}

/** Resolves a case by its vault id or its own (interchange) id. */
export async function resolveCase(vault: Vault, ref: string): Promise<string> {
  if (/^[a-z2-7]{26}$/u.test(ref)) {
    const s = await vault.fold(ref).catch(() => null);
    if (s?.opened) return ref;
  }
  const { cases } = await vault.listCases();
  const hit = cases.find((c) => c.externalId === ref || c.caseId === ref);
  if (!hit)
    throw new BroError('NOT_FOUND', 'No such case', { issues: [{ path: ['caseId'], code: 'NOT_FOUND' }] });
  return hit.caseId;
}

export function effectiveSettings(
  given: Partial<LetterSettings> | undefined,
  appLetterhead: Letterhead | null,
) {
  const base = letterSettings.parse(given ?? {});
  if (!given?.letterhead && appLetterhead) base.letterhead = { ...appLetterhead };
  return base;
}

type Signer = { name: string | null; memberId: string; kid: string } | null;

/** The member who would sign: their key id and the name in their member record. */
async function signerOf(vault: Vault, key: ReturnType<Vault['memberSigningKey']>): Promise<Signer> {
  return key ? { name: await memberName(vault, key.memberId), memberId: key.memberId, kid: key.kid } : null;
}

async function caseState(vault: Vault, caseId: string) {
  const state = await vault.fold(caseId);
  if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
  // A voided case (a duplicate, opened in error) gets no letters; its history stays readable.
  if (state.voided)
    throw new BroError('VALIDATION', 'The case is voided', {
      issues: [{ path: ['caseId'], code: 'CASE_VOIDED' }],
    });
  return state;
}

type Extra = Pick<BuildInput, 'registers' | 'obligations' | 'proposalAnswerWorkingDays'>;

/**
 * What a letter takes from outside the case: the pupil's school and the contact person from the
 * vault's registers, and the case's open obligations on the letter's date (the same derivation as
 * Oppgaver and the case list).
 */
async function letterContext(
  vault: Vault,
  state: CaseState,
  today: string,
  waiting: WaitingSettings = DEFAULT_SETTINGS,
): Promise<Extra> {
  const registers = await lookupRegisters(vault);
  const school = schoolByName(registers, state.doc.pupil?.school ?? '');
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const owner = caseworkerOn(state.doc, today);
  const contact = owner?.id
    ? (await caseworkerDirectory(vault, registers)).find((c) => c.id === owner.id)
    : null;
  return {
    registers: {
      school: school
        ? {
            address: str(school.fields.address),
            postcode: str(school.fields.postcode),
            place: str(school.fields.place),
            rektor: str(school.fields.rektor),
          }
        : null,
      contact: contact ? { phone: contact.phone, email: contact.email } : null,
      schoolHolidays: schoolHolidaysOf(registers),
    },
    obligations: caseObligations(state, today, waiting).obligations,
    proposalAnswerWorkingDays: waiting.tasks.proposalAnswerWorkingDays,
  };
}

function prepare(
  state: CaseState,
  req: LetterRequest,
  ctx: { today: string; draft: boolean; appLetterhead: Letterhead | null; letterId: string; extra: Extra },
  signer: Signer,
): PreparedLetter & { settings: LetterSettings } {
  const settings = effectiveSettings(req.settings, ctx.appLetterhead);
  const version = state.letters.filter((l) => l.kind === req.kind).length + 1;
  const prepared = prepareLetter({
    doc: state.doc,
    kind: req.kind,
    lang: req.lang,
    options: req.options,
    settings,
    today: ctx.today,
    letterId: ctx.letterId,
    version,
    draft: ctx.draft,
    signer,
    ...ctx.extra,
    earlier: state.letters.map((l) => ({ kind: l.kind, lang: l.lang, date: l.date })),
  });
  return { ...prepared, settings };
}

const findingIssue = (f: Finding): Issue => ({ path: f.path, code: f.code, message: f.severity });

/**
 * Findings, readability and the model, without writing anything (the editor's live preview); with
 * `pdf`, also the letter rendered exactly as it would be issued but marked UTKAST, unsigned, with no
 * verification code, and nothing written or recorded.
 */
export async function previewLetter(
  vault: Vault,
  req: LetterRequest,
  ctx: {
    today: string;
    now: Date;
    appLetterhead: Letterhead | null;
    pdf: boolean;
    fontsDir?: string;
    waiting?: WaitingSettings;
  },
) {
  const signer = await signerOf(vault, vault.memberSigningKey());
  const state = await caseState(vault, req.caseId);
  const extra = await letterContext(vault, state, ctx.today, ctx.waiting);
  const p = prepare(state, req, { ...ctx, draft: false, letterId: randomId(), extra }, signer);
  const pdf = ctx.pdf
    ? (
        await buildPdf(prepare(state, req, { ...ctx, draft: true, letterId: randomId(), extra }, signer), {
          draft: true,
          key: null,
          pades: null,
          now: ctx.now,
          fontsDir: ctx.fontsDir,
        })
      ).pdf
    : null;
  return {
    findings: p.findings,
    lix: p.lix,
    canIssue: !hasErrors(p.findings) && signer !== null,
    model: p.model,
    pdf,
  };
}

async function memberName(vault: Vault, memberId: string): Promise<string | null> {
  const rec = (await vault.memberRecords()).find((r) => r.memberId === memberId);
  const name = rec?.name.trim() ?? '';
  return name === '' ? null : name;
}

export interface IssueResult {
  file: string | null;
  pdf?: string;
  letterId: string;
  kind: LetterKind;
  lang: LetterLang;
  version: number;
  draft: boolean;
  contentHash: string;
  code: string | null;
  kid: string | null;
  pades: { subject: string } | null;
  pages: number;
  bytes: number;
  findings: Finding[];
  lix: number;
}

/** What is needed to render: the prepared letter, signer key and certificate (both optional). */
interface Built {
  pdf: Buffer;
  pages: number;
  prepared: PreparedLetter & { settings: LetterSettings };
  contentHash: string;
  code: string | null;
}

async function buildPdf(
  prepared: PreparedLetter & { settings: LetterSettings },
  opts: {
    draft: boolean;
    key: ReturnType<Vault['memberSigningKey']>;
    pades: ReturnType<typeof loadP12> | null;
    now: Date;
    fontsDir?: string | undefined;
  },
): Promise<Built> {
  const p = prepared;
  const { key, pades } = opts;
  const json = Buffer.from(canonicalJson(p.model), 'utf8');
  const contentHash = createHash('sha256').update(json).digest('hex');
  const code = opts.draft ? null : verificationCode(contentHash);
  const attachments = [
    {
      name: LETTER_JSON,
      bytes: json,
      mime: 'application/json',
      description: p.layout.labels.attachmentDescription,
      relationship: 'Data' as const,
    },
  ];
  if (key)
    attachments.push({
      name: LETTER_JWS,
      bytes: Buffer.from(await signDetached(json, key), 'ascii'),
      mime: 'application/jose',
      description: 'JWS (RFC 7515, EdDSA) over bro-letter.json',
      relationship: 'Data' as const,
    });
  const service = p.model.letterhead.serviceName;
  // pdfkit, the fonts and the signing code load with the first letter, not with every `bro`.
  const { renderLetter } = await import('./render');
  const rendered = await renderLetter({
    layout: p.layout,
    code,
    draft: opts.draft,
    attachments,
    seal: !opts.draft,
    pades: pades
      ? {
          name: describeCertificate(pades.certDer).commonName ?? service,
          reason: p.layout.docTitle,
          location: p.model.pupil.school ?? service,
          contactInfo: [p.model.letterhead.phone, p.model.letterhead.email].filter(Boolean).join(', '),
        }
      : null,
    time: opts.now,
    ...(opts.fontsDir ? { fontsDir: opts.fontsDir } : {}),
  });
  let pdf = rendered.pdf;
  if (key) pdf = await sealPdf(pdf, key, contentHash);
  if (pades) pdf = await (await import('../signing/pades')).signPades(pdf, pades);
  return { pdf, pages: rendered.pages, prepared, contentHash, code };
}

/**
 * Issues a letter (or renders a draft): checks, canonical JSON, JWS, PDF/A rendering, the seal,
 * PAdES when a P12 is given, an atomic write (or the bytes back, when there is no `out`), and a
 * `letters.issued` event. Either all of it happens or none: a refused letter, a wrong P12
 * password or a missing font writes nothing, and a failed event removes the file just written.
 */
export async function issueLetter(
  vault: Vault,
  req: LetterRequest & {
    out: string | null;
    draft: boolean;
    /** A P12 file to read, or its bytes (the browser host's upload). */
    p12: (({ file: string } | { bytes: Buffer }) & { password: string }) | null;
    draftId?: string | undefined;
  },
  ctx: {
    today: string;
    now: Date;
    appLetterhead: Letterhead | null;
    fontsDir?: string;
    waiting?: WaitingSettings;
  },
): Promise<IssueResult> {
  const key = req.draft ? null : vault.memberSigningKey();
  if (!req.draft && !key)
    throw new BroError('SIGNING_KEY_MISSING', 'Opened with the recovery key: nothing to sign with');
  const signer = await signerOf(vault, key);
  const letterId = randomId();
  const state = await caseState(vault, req.caseId);
  const extra = await letterContext(vault, state, ctx.today, ctx.waiting);
  const p = prepare(
    state,
    req,
    { today: ctx.today, draft: req.draft, appLetterhead: ctx.appLetterhead, letterId, extra },
    signer,
  );
  if (!req.draft && hasErrors(p.findings))
    throw new BroError('LETTER_INCOMPLETE', 'The letter fails its clarity checks', {
      issues: p.findings.map(findingIssue),
      detail: { errors: p.findings.filter((f) => f.severity === 'error').length },
    });
  if (req.draftId && !req.draft) {
    // Only an open draft of this very kind: issuing closes it.
    if (!state.drafts.some((d) => d.draftId === req.draftId && d.kind === req.kind))
      throw new BroError('NOT_FOUND', 'No such draft', {
        issues: [{ path: ['draftId'], code: 'NOT_FOUND' }],
      });
  }

  // The certificate is opened before anything is rendered, so a wrong password costs nothing.
  let pades: ReturnType<typeof loadP12> | null = null;
  if (req.p12 && !req.draft) {
    let bytes: Buffer;
    if ('bytes' in req.p12) bytes = req.p12.bytes;
    else
      try {
        bytes = await readFile(req.p12.file);
      } catch {
        throw new BroError('IO', 'Could not read the P12 file', { detail: { reason: 'READ_P12' } });
      }
    pades = (await import('../signing/p12')).loadP12(bytes, req.p12.password);
  }

  const { pdf, pages, contentHash, code } = await buildPdf(p, {
    draft: req.draft,
    key,
    pades,
    now: ctx.now,
    fontsDir: ctx.fontsDir,
  });

  if (req.out !== null) {
    try {
      // SECURITY: plaintext leaves the vault only here, by the user's choice; written atomically, mode 0600.
      await writeAtomic(req.out, pdf);
    } catch {
      throw new BroError('IO', 'Could not write the letter', { detail: { reason: 'WRITE' } });
    }
  }
  if (!req.draft && key) {
    const event: LetterIssued = {
      letterId,
      kind: req.kind,
      lang: req.lang,
      version: p.model.version,
      date: p.model.date,
      issuedAt: ctx.now.toISOString(),
      recipients: [p.model.addressee, ...p.model.copies].map((r) => ({ role: r.recipient, names: r.names })),
      contentHash,
      code: code!,
      kid: key.kid,
      pades: pades ? describeCertificate(pades.certDer).fingerprint : null,
      options: req.options,
      warnings: p.findings.map((f) => f.code),
      note: null,
    };
    try {
      // The PDF itself, kept in the case as a blob (docs/VAULT-FORMAT.md §9.7), written first: a
      // crash before the events leaves only a stray blob, never a letter without its PDF.
      const blob = await vault.putBlob(req.caseId, pdf);
      // One pack: the record, the PDF's reference and the draft it closes land together or not at all.
      await vault.append(req.caseId, [
        { type: 'letters.issued', data: event },
        { type: 'letters.pdf', data: { letterId, blob } },
        ...(req.draftId ? [{ type: 'letters.draftClosed', data: { draftId: req.draftId, letterId } }] : []),
      ]);
    } catch (e) {
      if (req.out !== null) await unlink(req.out).catch(() => {});
      throw e;
    }
  }
  await vault.audit(req.draft ? 'letter.draft' : 'letter.issue', req.caseId);
  return {
    file: req.out,
    ...(req.out === null ? { pdf: pdf.toString('base64') } : {}),
    letterId,
    kind: req.kind,
    lang: req.lang,
    version: p.model.version,
    draft: req.draft,
    contentHash,
    code,
    kid: key?.kid ?? null,
    pades: pades ? { subject: pades.subject } : null,
    pages,
    bytes: pdf.length,
    findings: p.findings,
    lix: p.lix.lix,
  };
}
