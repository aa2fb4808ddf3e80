import { nbDate } from '../calendar/days';
import type { AccessRequest } from '../domain/accessRequest';
import type { CaseDoc } from '../domain/caseDoc';
import { HEALTH_NOTICE, healthData, healthLookup } from '../privacy/health';
import { actionText, actorText, logTime, type AccessLogEntry } from '../audit/actions';
import type { Block, Layout } from '../letters/layout';
import type { LetterKind } from '../letters/kinds';
import { citeRef, confidentialityRefs } from '../letters/legalRefs';
import { noteMayLeave } from '../notes/visibility';
import { INNSYN_TEXTS, type InnsynTexts } from './texts';

/**
 * THE innsyn file (issue 14 item 5): the whole case for a party, in date order, as one document.
 * Pure: it takes the folded case, the issued letters, the access log (names already resolved) and
 * the request it answers, and gives the layout the letter renderer draws (PDF/A-3b, tagged), the
 * letters to attach and what is withheld with its legal basis. What leaves the service is decided
 * here and only here; the notes' rule is shared/notes `noteMayLeave`.
 */

export interface InnsynLetter {
  letterId: string;
  kind: LetterKind;
  date: string;
  code: string;
  recipients: readonly { role: string; names: readonly string[] }[];
}

export interface InnsynInput {
  /** The case's own (interchange) id: the reference the family sees. */
  caseRef: string;
  doc: CaseDoc;
  /** Letters issued in the case, oldest first. */
  letters: readonly InnsynLetter[];
  /** Received documents attached to the case (shared/attachments), oldest first. */
  documents?: readonly InnsynDocument[];
  /** The access log of this case (shared/audit accessLog), any order. */
  access: readonly AccessLogEntry[];
  /** The request this file answers, when one is registered. */
  request: AccessRequest | null;
  /** When each item was first recorded (from the case history), for items without their own date. */
  recordedOn?: (collection: string, index: number) => string | null;
  /** Who wrote each note (a member's name), when the note does not say. */
  noteAuthor?: (index: number) => string | null;
  today: string;
  lang: 'nb' | 'nn';
  /** The service's name (letterhead) and how to reach it. */
  letterhead: string[];
  /** The member who makes the file. */
  maker: string | null;
}

export interface WithheldItem {
  date: string | null;
  what: string;
  basis: string;
  /** Where it is in the case (collection and index): for tests and the app, never printed. */
  path: (string | number)[];
}

export interface InnsynDocument {
  attachmentId: string;
  title: string;
  received: string;
  /** The file extension it is saved under (shared/attachments DOCUMENT_TYPES). */
  ext: string;
}

/** A received document attached to the innsyn file. */
export interface InnsynDocumentFile {
  attachmentId: string;
  /** The file name inside the PDF: no title (it may name the pupil), only the date. */
  name: string;
  description: string;
}

export interface InnsynAttachment {
  letterId: string;
  /** The file name inside the PDF: no names, only the kind and the date. */
  name: string;
  description: string;
}

export interface InnsynContent {
  layout: Layout;
  withheld: WithheldItem[];
  attachments: InnsynAttachment[];
  /** Received documents, attached after the letters. */
  documents: InnsynDocumentFile[];
  /** How many dated entries the chronology holds. */
  entries: number;
}

interface Entry {
  date: string;
  /** Sorts entries of one day: the order things happen in a case. */
  order: number;
  title: string;
  rows: [string, string][];
  /** Health data (shared/privacy/health.ts): printed with the special-category notice. */
  health?: boolean;
}

const KNOWN = new Set([
  'id',
  'service',
  'pupil',
  'guardians',
  'referrals',
  'assignments',
  'recommendations',
  'pupilVoice',
  'parentsView',
  'expectations',
  'meetings',
  'consents',
  'absence',
  'concernReports',
  'accessRequests',
  'notes',
]);

const MILESTONE_ORDER = [
  'sent',
  'received',
  'decided',
  'firstContact',
  'assessmentStarted',
  'concluded',
  'firstMeasure',
  'closed',
] as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/u;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const roleName = (p: { role: string; name?: string | null | undefined } | null | undefined): string | null =>
  p ? (p.name ? `${p.name} (${p.role})` : p.role) : null;

/** A value of an item we do not know the shape of (a newer collection) as one line of text. */
function plain(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : ISO.test(v) ? nbDate(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(plain).filter((x): x is string => x !== null);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => {
        const p = plain(x);
        return p === null ? null : `${k}: ${p}`;
      })
      .filter((x): x is string => x !== null);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

/** The first date an item of an unknown collection carries (`date`, then any ISO date field). */
function dateOf(item: Record<string, unknown>): string | null {
  if (typeof item.date === 'string' && ISO.test(item.date)) return item.date;
  for (const v of Object.values(item)) if (typeof v === 'string' && ISO.test(v)) return v;
  return null;
}

/** Is `requestedBy` one guardian by name (then the others' contact details are a third person's)? */
function requesterGuardian(doc: CaseDoc, request: AccessRequest | null): string | null {
  if (!request) return null;
  const by = request.requestedBy.trim().toLocaleLowerCase('nb');
  const hit = (doc.guardians ?? []).find((g) => g.name.trim().toLocaleLowerCase('nb') === by);
  return hit ? hit.name : null;
}

function chronology(t: InnsynTexts, input: InnsynInput, withheld: WithheldItem[]): Entry[] {
  const { doc } = input;
  const out: Entry[] = [];
  const isHealth = healthLookup(healthData(doc));
  const push = (
    date: string | null | undefined,
    order: number,
    title: string,
    rows: [string, string | null][],
    src?: [string, number],
  ) => {
    if (!date) return;
    out.push({
      date,
      order,
      title,
      rows: rows.filter((r): r is [string, string] => r[1] !== null),
      ...(src && isHealth(src[0], src[1]) ? { health: true } : {}),
    });
  };

  (doc.referrals ?? []).forEach((r, ri) => {
    MILESTONE_ORDER.forEach((m, i) => {
      const date = r[m];
      if (!date) return;
      const rows: [string, string | null][] = [];
      if (m === 'received' || (m === 'sent' && !r.received)) {
        rows.push([t.field.referredBy!, r.referredBy ?? null], [t.field.reason!, str(r.reason)]);
        rows.push([t.field.note!, str(r.note)]);
      }
      if (m === 'decided' && r.decision) rows.push([t.field.decision!, t.ev.decision[r.decision]]);
      if (m === 'concluded' && r.outcome) rows.push([t.field.outcome!, t.ev.outcome[r.outcome]]);
      push(date, 10 + i, `${t.ev.referral[m]}${r.service ? ` (${r.service})` : ''}`, rows, ['referrals', ri]);
    });
  });

  (doc.assignments ?? []).forEach((a) => {
    const h = a.handoverNote;
    push(a.from, 20, t.ev.assignmentFrom(a.role ? `${a.caseworker} (${a.role})` : a.caseworker), [
      [t.field.reason!, str(a.reason)],
    ]);
    if (a.to)
      push(a.to, 19, t.ev.assignmentTo(a.caseworker), [
        [
          t.field.handover!,
          h
            ? [h.status, h.openPromises, h.nextDeadlines, h.familyWishes]
                .filter((x): x is string => !!x)
                .join(' ')
            : null,
        ],
      ]);
  });

  (doc.recommendations ?? []).forEach((m, i) => {
    const start = m.start ?? input.recordedOn?.('recommendations', i) ?? null;
    push(
      start,
      30,
      t.ev.measure(m.what),
      [
        [t.field.responsible!, roleName(m.responsible)],
        [t.field.goal!, str(m.goal)],
        [t.field.start!, m.start ? nbDate(m.start) : null],
      ],
      ['recommendations', i],
    );
    if (m.schoolAnswer)
      push(m.schoolAnswer.date, 31, t.ev.schoolAnswer(m.what), [
        [t.field.answer!, m.schoolAnswer.answer],
        [t.field.by!, m.schoolAnswer.by],
        [t.field.why!, str(m.schoolAnswer.reason)],
        [t.field.alternative!, str(m.schoolAnswer.alternative)],
      ]);
    for (const r of m.implementation ?? [])
      push(r.date, 32, t.ev.implementation(m.what), [
        [t.field.by!, r.by],
        [t.field.status!, r.inPlace ? t.yes : t.no],
        [t.field.note!, str(r.note)],
      ]);
    for (const e of m.evaluations ?? [])
      push(e.date, 33, t.ev.evaluation(m.what), [
        [t.field.outcome!, e.outcome],
        [t.field.decision!, e.decision],
        [t.field.pupilView!, str(e.pupilView)],
        [t.field.parentsView!, str(e.parentsView)],
        [t.field.decidedBy!, e.decidedBy],
        [t.field.why!, str(e.why)],
      ]);
  });

  (doc.meetings ?? []).forEach((m, mi) =>
    push(
      m.date,
      40,
      t.ev.meeting,
      [
        [t.field.participants!, m.participants.map((p) => roleName(p)).join(', ') || null],
        [t.field.decisions!, (m.decisions ?? []).join(' · ') || null],
        [
          t.field.agreements!,
          (m.agreements ?? [])
            .map((a) => `${a.what} (${a.owner}${a.deadline ? `, ${nbDate(a.deadline)}` : ''}; ${a.status})`)
            .join(' · ') || null,
        ],
        [t.field.dissent!, (m.dissent ?? []).map((d) => `${d.by}: ${d.text}`).join(' · ') || null],
        [t.field.note!, str(m.note)],
      ],
      ['meetings', mi],
    ),
  );

  (doc.consents ?? []).forEach((c, ci) => {
    push(
      c.date,
      50,
      t.ev.consentGiven(c.recipient),
      [
        [t.field.givenBy!, c.givenBy],
        [t.field.information!, c.information],
        [t.field.purpose!, c.purpose],
        [t.field.expires!, c.expires ? nbDate(c.expires) : null],
      ],
      ['consents', ci],
    );
    if (c.withdrawn)
      push(c.withdrawn, 51, t.ev.consentWithdrawn(c.recipient), [[t.field.givenBy!, c.givenBy]]);
  });

  (doc.concernReports ?? []).forEach((r, ri) =>
    push(
      r.date,
      60,
      t.ev.concernReport,
      [
        [t.field.legalBasis!, r.legalBasis],
        [t.field.parentsTold!, r.parentsTold ? t.yes : t.no],
        [t.field.note!, str(r.note)],
      ],
      ['concernReports', ri],
    ),
  );

  for (const a of doc.accessRequests ?? []) {
    push(a.received, 70, t.ev.accessRequest, [
      [t.field.requestedBy!, a.requestedBy],
      [t.field.scope!, str(a.scope)],
    ]);
    if (a.answered) push(a.answered, 71, t.ev.accessAnswered, [[t.field.requestedBy!, a.requestedBy]]);
  }

  (doc.notes ?? []).forEach((n, i) => {
    const kind = t.noteKind[n.kind] ?? n.kind;
    if (!noteMayLeave(n)) {
      withheld.push({
        date: n.date,
        what: t.withheldNote(kind),
        basis: t.basis.confidentialNote,
        path: ['notes', i],
      });
      return;
    }
    push(
      n.date,
      80,
      t.ev.note(kind),
      [
        [t.field.author!, str(n.author) ?? input.noteAuthor?.(i) ?? null],
        [t.field.note!, n.text],
      ],
      ['notes', i],
    );
  });

  input.letters.forEach((l, i) => {
    push(l.date, 90, t.ev.letter(t.letterKind[l.kind] ?? l.kind), [
      [
        t.field.recipients!,
        l.recipients.map((r) => (r.names.length ? `${r.role} ${r.names.join(', ')}` : r.role)).join('; ') ||
          null,
      ],
      [t.field.code!, l.code],
      [t.field.file!, letterFileName(i, l)],
    ]);
  });

  (input.documents ?? []).forEach((d, i) => {
    push(d.received, 91, t.ev.document(d.title), [[t.field.file!, documentFileName(i, d)]]);
  });

  // Collections this version does not know by name (added later, e.g. proposals or dated voices):
  // every item goes in, field by field, at its own date.
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (KNOWN.has(key) || !Array.isArray(value)) continue;
    value.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      const rec = item as Record<string, unknown>;
      const rows = Object.entries(rec)
        .filter(([k]) => k !== 'id')
        .map(([k, v]): [string, string | null] => [k, plain(v)]);
      push(dateOf(rec) ?? input.recordedOn?.(key, i) ?? null, 85, t.ev.other(key), rows, [key, i]);
    });
  }

  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order - b.order));
}

/** The name of a letter inside the innsyn file: its place, kind and date; never a person's name. */
export function letterFileName(index: number, l: Pick<InnsynLetter, 'kind' | 'date'>): string {
  return `brev-${String(index + 1).padStart(2, '0')}-${l.kind}-${l.date}.pdf`;
}

/** A received document's name inside the innsyn file: its place and the day it came, no title. */
export function documentFileName(index: number, d: Pick<InnsynDocument, 'received' | 'ext'>): string {
  return `dokument-${String(index + 1).padStart(2, '0')}-${d.received}.${d.ext}`;
}

/** The innsyn file's content: layout, attachments and what is withheld. Pure. */
export function buildInnsyn(input: InnsynInput): InnsynContent {
  const t = INNSYN_TEXTS[input.lang];
  const { doc } = input;
  const withheld: WithheldItem[] = [];
  const blocks: Block[] = [];

  blocks.push({
    t: 'p',
    text: t.intro(input.request ? nbDate(input.request.received) : null),
    style: 'lead',
  });
  blocks.push({ t: 'p', text: t.howToRead });
  // Health data (personvernforordningen art. 9): the whole case, or each item that is, is marked.
  const health = healthData(doc);
  if (health.whole)
    blocks.push({ t: 'p', text: `${HEALTH_NOTICE[input.lang]}: ${t.healthWhole}`, style: 'lead' });

  // Parties and caseworkers.
  blocks.push({ t: 'h2', text: t.h.parties });
  const requester = requesterGuardian(doc, input.request);
  const partyRows: [string, string][] = [[t.field.pupil!, doc.pupil.name]];
  if (doc.pupil.birthDate) partyRows.push([t.field.birthDate!, nbDate(doc.pupil.birthDate)]);
  if (doc.pupil.school) partyRows.push([t.field.school!, doc.pupil.school]);
  if (doc.pupil.grade != null) partyRows.push([t.field.grade!, String(doc.pupil.grade)]);
  (doc.guardians ?? []).forEach((g, i) => {
    let contact = g.contact ?? null;
    if (contact && requester && g.name !== requester) {
      // SECURITY: a guardian's contact details go to that guardian, not to another one who asked.
      withheld.push({
        date: null,
        what: t.withheldContact(g.name),
        basis: t.basis.thirdPerson,
        path: ['guardians', i, 'contact'],
      });
      contact = null;
    }
    partyRows.push([
      t.field.guardian!,
      [g.name, g.relation ? `(${g.relation})` : null, contact].filter(Boolean).join(' '),
    ]);
  });
  for (const a of doc.assignments ?? [])
    partyRows.push([
      t.field.caseworker!,
      `${a.caseworker}${a.role ? ` (${a.role})` : ''}, ${nbDate(a.from)}–${a.to ? nbDate(a.to) : ''}`,
    ]);
  blocks.push({ t: 'fields', rows: partyRows });

  if (doc.expectations) {
    const e = doc.expectations;
    const rows = (
      [
        [t.field.canOffer!, str(e.canOffer)],
        [t.field.cannotOffer!, str(e.cannotOffer)],
        [t.field.timeline!, str(e.timeline)],
        [t.field.commitments!, str(e.commitments)],
      ] as [string, string | null][]
    ).filter((r): r is [string, string] => r[1] !== null);
    if (rows.length) {
      blocks.push({ t: 'h2', text: t.h.expectations });
      for (const [k, v] of rows) blocks.push({ t: 'p', text: `${k}: ${v}` });
    }
  }

  if (str(doc.pupilVoice) || str(doc.parentsView)) {
    blocks.push({ t: 'h2', text: t.h.voices });
    if (str(doc.pupilVoice)) blocks.push({ t: 'p', text: `${t.field.pupilView}: ${doc.pupilVoice}` });
    if (str(doc.parentsView)) blocks.push({ t: 'p', text: `${t.field.parentsView}: ${doc.parentsView}` });
  }

  // The case in date order: a heading per entry, then its fields as paragraphs (they may be long
  // and must flow over pages; a table row never splits).
  const entries = chronology(t, input, withheld);
  blocks.push({ t: 'h2', text: t.h.chronology });
  if (!entries.length) blocks.push({ t: 'p', text: t.none });
  for (const e of entries) {
    blocks.push({ t: 'h3', text: `${nbDate(e.date)} · ${e.title}` });
    if (e.health && !health.whole) blocks.push({ t: 'p', text: `${HEALTH_NOTICE[input.lang]}.` });
    for (const [k, v] of e.rows) blocks.push({ t: 'p', text: `${k}: ${v}` });
  }

  if ((doc.absence ?? []).length) {
    blocks.push({ t: 'h2', text: t.h.absence });
    blocks.push({
      t: 'table',
      head: [t.field.period!, t.field.days!, t.field.type!],
      rows: [...(doc.absence ?? [])]
        .sort((a, b) => (a.from < b.from ? -1 : 1))
        .map((a) => [`${nbDate(a.from)}–${nbDate(a.to)}`, `${a.wholeDays} / ${a.partialDays}`, a.type]),
      widths: [0.4, 0.3, 0.3],
    });
  }

  // The letters, attached.
  const attachments: InnsynAttachment[] = input.letters.map((l, i) => ({
    letterId: l.letterId,
    name: letterFileName(i, l),
    description: t.attachmentDescription(t.letterKind[l.kind] ?? l.kind, nbDate(l.date)),
  }));
  const documentFiles: InnsynDocumentFile[] = (input.documents ?? []).map((d, i) => ({
    attachmentId: d.attachmentId,
    name: documentFileName(i, d),
    description: `${d.title}, ${nbDate(d.received)}`,
  }));
  blocks.push({ t: 'h2', text: t.h.letters });
  if (!attachments.length) blocks.push({ t: 'p', text: t.noLetters });
  else {
    blocks.push({ t: 'p', text: t.lettersIntro });
    blocks.push({ t: 'list', items: attachments.map((a) => `${a.name}: ${a.description}`) });
  }
  if (documentFiles.length) {
    blocks.push({ t: 'h2', text: t.h.documents });
    blocks.push({ t: 'p', text: t.documentsIntro });
    blocks.push({ t: 'list', items: documentFiles.map((a) => `${a.name}: ${a.description}`) });
  }

  blocks.push({ t: 'h2', text: t.h.withheld });
  if (!withheld.length) blocks.push({ t: 'p', text: t.noWithheld });
  else {
    blocks.push({ t: 'p', text: t.withheldIntro });
    blocks.push({
      t: 'table',
      head: t.withheldHead,
      rows: withheld.map((w) => [w.date ? nbDate(w.date) : '–', w.what, w.basis]),
      widths: [0.16, 0.3, 0.54],
    });
  }

  blocks.push({ t: 'h2', text: t.h.accessLog });
  blocks.push({ t: 'p', text: t.accessIntro });
  const log = [...input.access].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (!log.length) blocks.push({ t: 'p', text: t.none });
  else
    blocks.push({
      t: 'table',
      head: t.accessHead,
      rows: log.map((e) => [logTime(e.at), actorText(e, input.lang), actionText(e, input.lang)]),
      widths: [0.26, 0.34, 0.4],
    });

  const layout: Layout = {
    lang: input.lang,
    docTitle: t.docTitle,
    title: t.title(input.caseRef),
    letterhead: input.letterhead,
    marking: [
      t.marking,
      confidentialityRefs(doc.service)
        .map((r) => citeRef(r, input.lang))
        .join(', '),
    ],
    meta: [
      [t.date, nbDate(input.today)],
      [t.ourRef, input.caseRef],
      ...(input.request ? ([[t.request, nbDate(input.request.received)]] as [string, string][]) : []),
    ],
    to: [t.to(input.request?.requestedBy ?? null)],
    copies: t.copies,
    blocks,
    reply: null,
    signature: {
      closing: t.closing,
      name: input.maker,
      role: null,
      service: input.letterhead[0] ?? '',
      note: t.signatureNote,
    },
    labels: {
      page: t.page,
      code: t.codeLabel,
      draft: t.draftMark,
      draftNote: t.draftNote,
      running: t.running,
      attachmentDescription: '',
    },
  };
  return { layout, withheld, attachments, documents: documentFiles, entries: entries.length };
}

/** The request a file answers: the one named, else the oldest one still open, else none. */
export function requestToAnswer(
  requests: readonly AccessRequest[],
  index?: number,
): { request: AccessRequest; index: number } | null {
  if (index !== undefined) {
    const r = requests[index];
    return r ? { request: r, index } : null;
  }
  let best: { request: AccessRequest; index: number } | null = null;
  requests.forEach((r, i) => {
    if (r.answered) return;
    if (!best || r.received < best.request.received) best = { request: r, index: i };
  });
  return best;
}
