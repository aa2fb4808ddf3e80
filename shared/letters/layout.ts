import { calendarDays } from '../calendar/days';
import { citeOn, citeRef, legalRef } from './legalRefs';
import { measureTitle, type LetterMeasure, type LetterModel, type Person, type Recipient } from './model';
import type { ResponsibilityRow } from './responsibilities';
import { TEXTS, type LetterTexts } from './texts';
import { MONTHS } from './datesIn';
import { FAMILY_TEXTS, hearingOpen } from './family';
import { CLOSING_TEXTS } from './closing';
import { TRANSITION_TEXTS } from './transition';
import { INVITATION_TEXTS } from './invitation';
import {
  REPLY_ANSWER_KEYS,
  REPLY_CATEGORY_KEYS,
  REPLY_CLOSING_KEYS,
  followItems,
  REPLY_FOLLOW_KEYS,
  REPLY_FOLLOW_LINE_KEYS,
  REPLY_LINE_KEYS,
} from './replyForm';

/**
 * The letter as text, in reading order: what the PDF shows, without any drawing. The renderer
 * (electron/services/letters) draws these blocks with tags (H1–H3, P, L, Table); LIX is computed
 * from the prose blocks. Pure, so tests can read a letter without a PDF.
 */
export type Block =
  | { t: 'h2'; text: string }
  | { t: 'h3'; text: string; chip?: string }
  | { t: 'p'; text: string; style?: 'lead' | 'quote' | 'small' }
  | { t: 'list'; items: string[] }
  | { t: 'summary'; title: string; items: string[] }
  /** Label–value rows; `labelWidth` (share of the line, default 0.24) for long labels. */
  | { t: 'fields'; rows: [string, string][]; labelWidth?: number }
  | { t: 'table'; head: string[]; rows: string[][]; widths: number[] }
  /** The next block starts a new page (the pupil's page, issue 16 item 6). */
  | { t: 'pagebreak' };

export interface ReplyItem {
  title: string;
  choices: string[];
  lines: string[];
  /**
   * The fillable form (issue 19 item 3, shared/letters/replyForm.ts): the export value of each
   * choice, the field key of each line, and the reason categories (label and export value).
   */
  choiceKeys: string[];
  lineKeys: string[];
  categories?: { label: string; choices: string[]; keys: string[] };
}

export interface ReplyPage {
  title: string;
  intro: string[];
  items: ReplyItem[];
  closing: string[];
  /** The field key of each closing line (date, name and role). */
  closingKeys: string[];
}

export interface Layout {
  lang: 'nb' | 'nn';
  /** For the PDF's metadata: the kind only, no names. */
  docTitle: string;
  title: string;
  letterhead: string[];
  marking: string[];
  meta: [string, string][];
  to: string[];
  copies: string;
  blocks: Block[];
  /**
   * Blocks drawn after the signature, before the reply slip: the pupil's page (options.pupilPage),
   * which opens with a page break so the pupil's text starts on its own page. Absent without it.
   */
  after?: Block[];
  reply: ReplyPage | null;
  signature: { closing: string; name: string | null; role: string | null; service: string; note: string };
  labels: {
    page: (n: number, of: number) => string;
    code: string;
    draft: string;
    draftNote: string;
    running: string;
    attachmentDescription: string;
  };
}

/** 11.05.2026 */
export function shortDate(iso: string | null): string {
  if (!iso) return '–';
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** 11. mai 2026 */
export function longDate(iso: string): string {
  return `${Number(iso.slice(8, 10))}. ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

const norm = (s: string) => s.trim().toLowerCase();
const capFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
/** A role in the letter's language; empty when it is not known (optional in interchange). */
const roleOf = (t: LetterTexts, role: string | null): string => (role ? t.role(role) : '');
/** "Name (rolle)", or the name alone when the role is not known. */
const withRole = (t: LetterTexts, name: string, role: string | null, open: string, close: string): string =>
  role ? `${name}${open}${t.role(role)}${close}` : name;

function who(t: LetterTexts, p: Person | null): string {
  if (!p) return t.missing;
  const role = t.role(p.role);
  return p.name ? `${p.name} (${role})` : role;
}

function recipientLine(t: LetterTexts, r: Recipient): string {
  if (r.recipient === 'kommune' || r.recipient === 'tjeneste' || r.recipient === 'mottakerskole')
    return r.names.length ? r.names.join(t.and) : t.recipient[r.recipient];
  const role = r.recipient === 'foresatte' && r.names.length === 1 ? t.foresattOne : t.recipient[r.recipient];
  return r.names.length ? `${role} ${r.names.join(t.and)}` : role;
}

function measureFields(t: LetterTexts, m: LetterMeasure, date: string): [string, string][] {
  // A date before the letter's is said as passed (issue 16: nothing past is presented as to come).
  const ev = m.evaluation
    ? (m.evaluation.date < date ? t.evaluationLinePast : t.evaluationLine)(
        longDate(m.evaluation.date),
        m.evaluation.method,
        t.role(m.evaluation.convenedBy),
      )
    : t.missing;
  const rows: [string, string][] = [
    [t.field.what, m.what],
    [t.field.responsible, who(t, m.responsible)],
    [t.field.leader, who(t, m.leader)],
    [t.field.start, m.start ? longDate(m.start) : t.missing],
    [t.field.frequency, m.frequency ?? t.missing],
    [t.field.trialPeriod, m.trialPeriod ?? t.missing],
    [t.field.goal, m.goal ?? t.missing],
    [t.field.evaluation, ev],
    [t.field.resources, m.resources ?? t.missing],
    [t.field.target, t.target[m.target]],
  ];
  if (m.legal) {
    const ref = m.legal.id ? legalRef(m.legal.id) : null;
    rows.push([t.field.legal, ref ? `${citeRef(ref, t.lang)} (${ref.title[t.lang]})` : m.legal.text]);
  }
  return rows;
}

function chip(t: LetterTexts, m: LetterMeasure): string {
  return t.label[m.label];
}

function commonHead(t: LetterTexts, model: LetterModel) {
  const lh = model.letterhead;
  const letterhead = [
    lh.serviceName,
    lh.address,
    lh.phone ? `${t.phone} ${lh.phone}` : null,
    lh.email,
    lh.orgNumber ? `${t.orgNumber} ${lh.orgNumber.replace(/^(\d{3})(\d{3})(\d{3})$/u, '$1 $2 $3')}` : null,
  ].filter((x): x is string => !!x);
  const marking = [
    t.marking,
    model.confidentiality.map((id) => citeOn(id, model.date, t.lang)).join(t.andRef),
  ];
  const meta: [string, string][] = [
    [t.date, longDate(model.date)],
    [t.ourRef, `${model.caseId} / ${model.kind}-${model.version}`],
  ];
  const postal = model.schoolAddress;
  const toSchool = model.addressee.recipient === 'rektor';
  const to = [
    capFirst(recipientLine(t, model.addressee)),
    ...(model.addressee.recipient === 'kommune' && model.addresseeAddress ? [model.addresseeAddress] : []),
    ...(toSchool && model.pupil.school ? [model.pupil.school] : []),
    ...(toSchool && postal
      ? [postal.address, [postal.postcode, postal.place].filter(Boolean).join(' ') || null].filter(
          (x): x is string => !!x,
        )
      : []),
  ];
  const copies = `${t.copyPrefix} ${model.copies.map((c) => recipientLine(t, c)).join(t.and)}`;
  return { letterhead, marking, meta, to, copies };
}

/** A voice in one level of quotation marks, whether or not the case text already has them. */
export function quoted(text: string): string {
  // Already a quotation followed by its source («…» (Samtale …)): one level of quotes, as written.
  if (/^«[^«»]*»\s*\S/u.test(text.trim())) return text.trim();
  return `«${text
    .trim()
    .replace(/^[«"“”]+/u, '')
    .replace(/[»"”“]+$/u, '')
    .trim()}»`;
}

function voices(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  if (model.pupilVoice) {
    blocks.push({ t: 'h2', text: t.h.pupilVoice });
    const f = FAMILY_TEXTS[t.lang];
    // Dated entries, newest first: each with what the pupil said and how it was gathered.
    for (const e of model.pupilVoice.entries ?? []) {
      const rows: [string, string][] = [];
      if (e.said) rows.push([f.voiceSaid, quoted(e.said)]);
      if (e.wishes) rows.push([f.voiceWishes, quoted(e.wishes)]);
      if (e.helps) rows.push([f.voiceHelps, quoted(e.helps)]);
      if (e.hurts) rows.push([f.voiceHurts, quoted(e.hurts)]);
      blocks.push({ t: 'fields', rows });
      blocks.push({
        t: 'p',
        text: f.voiceSource(longDate(e.date), e.how, e.by && owner(t, e.by)),
        style: 'small',
      });
    }
    // With entries, the one text from before is not repeated.
    if (!model.pupilVoice.entries?.length) {
      if (model.pupilVoice.text) blocks.push({ t: 'p', text: quoted(model.pupilVoice.text), style: 'quote' });
      else blocks.push({ t: 'p', text: t.voiceAbsent(model.pupilVoice.absentReason ?? t.missing) });
    }
  }
  if (model.parentsView) {
    blocks.push({ t: 'h2', text: t.h.parentsView });
    if (model.parentsView.text) blocks.push({ t: 'p', text: quoted(model.parentsView.text), style: 'quote' });
    else blocks.push({ t: 'p', text: t.voiceAbsent(model.parentsView.absentReason ?? t.missing) });
  }
  // Side by side: neither account is the background the other is read against.
  const u = model.understandings;
  if (u) {
    blocks.push({ t: 'h2', text: t.h.understandings });
    blocks.push({
      t: 'table',
      head: [...t.understandingsHead],
      widths: [0.5, 0.5],
      rows: [[u.school ?? t.understandingNone, u.parents ?? t.understandingNone]],
    });
  }
}

/** «Fravær siden henvisningen»: the month-by-month rate since the referral (issue 15). */
function absenceSection(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const a = model.absenceTable;
  if (!a?.months.length) return;
  const num = (x: number) => String(x).replace('.', ',');
  blocks.push({ t: 'h2', text: t.absenceTable.heading });
  blocks.push({ t: 'p', text: t.absenceTable.lead(longDate(a.since), a.holidays) });
  blocks.push({
    t: 'table',
    head: [...t.absenceTable.head],
    widths: [0.34, 0.22, 0.22, 0.22],
    rows: a.months.map((m) => [
      `${MONTHS[Number(m.month.slice(5, 7)) - 1]} ${m.month.slice(0, 4)}`,
      String(m.schoolDays),
      num(m.absentDays),
      m.percent === null ? '–' : `${num(m.percent)} %`,
    ]),
  });
}

function background(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const r = model.referral;
  if (!r) return;
  blocks.push({ t: 'h2', text: t.h.background });
  const parts = [
    t.referralLine(r.referredBy ? t.referrer(r.referredBy) : null, longDate(r.received), r.reason),
  ];
  if (r.firstContact) parts.push(t.firstContactLine(longDate(r.firstContact), r.daysWaited));
  else parts.push(t.waitingSoFar(r.daysWaited));
  if (r.absenceAtReferral !== null) parts.push(t.absenceAtReferral(r.absenceAtReferral));
  blocks.push({ t: 'p', text: parts.join(' ') });
}

function measureSection(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  blocks.push({ t: 'h2', text: t.h.measures });
  // "Anbefaling betyr … at skolen bestemmer" is not true of an expert assessment.
  if (model.kind !== 'sakkyndig-vurdering') blocks.push({ t: 'p', text: t.labelsExplained });
  model.measures.forEach((m, i) => {
    blocks.push({ t: 'h3', text: t.measureHeading(i + 1, m.title), chip: chip(t, m) });
    blocks.push({ t: 'fields', rows: measureFields(t, m, model.date) });
  });
  // A resource line only when there is something to set aside ("ingen ekstra ressurser" is not).
  const withResources = model.measures.filter((m) => m.resources && !NO_RESOURCES.test(m.resources));
  if (withResources.length) {
    blocks.push({ t: 'h2', text: t.h.resources });
    blocks.push({
      t: 'list',
      items: withResources.map((m) =>
        t.resourceLine(m.title, m.resources!, m.leader ? who(t, m.leader) : t.missing),
      ),
    });
  }
}

const NO_RESOURCES = /^\s*(ingen|inga|ikke|ikkje)\b/iu;

function expectations(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const e = model.expectations;
  if (!e) return;
  blocks.push({ t: 'h2', text: t.h.expectations });
  const rows: [string, string][] = [];
  if (e.canOffer) rows.push([t.exp.canOffer, e.canOffer]);
  if (e.cannotOffer) rows.push([t.exp.cannotOffer, e.cannotOffer]);
  if (e.timeline) rows.push([t.exp.timeline, e.timeline]);
  if (e.commitments) rows.push([t.exp.commitments, e.commitments]);
  const f = FAMILY_TEXTS[t.lang];
  if (e.parentsAskedTo) rows.push([f.exp.parentsAskedTo, e.parentsAskedTo]);
  if (e.contactFrequency) rows.push([f.exp.contactFrequency, e.contactFrequency]);
  if (e.disagreement) rows.push([f.exp.disagreement, e.disagreement]);
  blocks.push({ t: 'fields', rows });
  blocks.push({ t: 'p', text: f.expectationsRevisit });
}

/**
 * The family's sections (issue 14), put before «Kontaktpersoner» (or at the end): the
 * forventningsavklaring in a first letter of a kind that does not carry it itself, «Slik er
 * foresattes innspill fulgt opp», and the parents' comment on the høringsutkast.
 */
function familySections(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const f = FAMILY_TEXTS[t.lang];
  const out: Block[] = [];
  if (model.kind !== 'anbefaling' && model.kind !== 'sakkyndig-vurdering') expectations(t, model, out);
  if (model.proposals?.length) {
    out.push({ t: 'h2', text: f.proposalsHeading });
    out.push({ t: 'p', text: f.proposalsIntro });
    for (const p of model.proposals) {
      const answer = p.response
        ? f.answerLine(
            f.response[p.response],
            p.reason,
            p.answeredBy && owner(t, p.answeredBy),
            p.answered ? longDate(p.answered) : null,
          )
        : (p.answerBy ?? model.date) < model.date
          ? f.unansweredLate(longDate(p.answerBy!))
          : f.unanswered(longDate(p.answerBy ?? model.date));
      out.push({
        t: 'p',
        text: `${f.proposalLine(longDate(p.date), p.proposedBy && owner(t, p.proposedBy), p.what)} ${answer}`,
      });
    }
  }
  const h = model.hearing;
  if (h) {
    out.push({ t: 'h2', text: f.hearingHeading });
    out.push({ t: 'p', text: f.hearingShared(h.sharedWith, longDate(h.shared), longDate(h.commentBy)) });
    if (h.comment) {
      if (h.commentReceived) out.push({ t: 'p', text: f.hearingComment(longDate(h.commentReceived)) });
      out.push({ t: 'p', text: quoted(h.comment), style: 'quote' });
    } else if (hearingOpen(h, model.date)) out.push({ t: 'p', text: f.hearingOpen(longDate(h.commentBy)) });
    else out.push({ t: 'p', text: f.hearingNone(longDate(h.commentBy)) });
  }
  if (!out.length) return;
  const at = blocks.findIndex((b) => b.t === 'h2' && b.text === t.h.contacts);
  blocks.splice(at < 0 ? blocks.length : at, 0, ...out);
}

/** "Trygg voksen (ledelsesansvar, kaller inn til evaluering)": one line per measure. */
function groupTasks(t: LetterTexts, tasks: ResponsibilityRow['tasks']): string {
  const byMeasure = new Map<number, { title: string; as: string[] }>();
  for (const x of tasks) {
    const e = byMeasure.get(x.measureIndex) ?? { title: x.title, as: [] };
    e.as.push(t.taskAs[x.as]);
    byMeasure.set(x.measureIndex, e);
  }
  return [...byMeasure.values()].map((e) => `${e.title} (${e.as.join(', ')})`).join('\n');
}

/** An agreement's status on the letter's date: an open one past its deadline says so. */
function statusOn(t: LetterTexts, status: string, deadline: string | null | undefined, date: string): string {
  return status === 'åpen' && deadline && deadline < date ? t.agreementOverdue : t.agreementStatus(status);
}

/** An agreement's owner as the case has it («kontaktlærer», «Siri Nygård (kontaktlærer)»), the role in the letter's language. */
function owner(t: LetterTexts, o: string): string {
  const m = /^(.*) \(([^()]+)\)$/u.exec(o);
  return m ? `${m[1]} (${t.role(m[2]!)})` : t.role(o);
}

/**
 * A role the measures name without a person («rektor kaller inn»), when the letter itself names
 * that person as a recipient: the table names them too, never «[mangler]» beside a known name.
 */
function recipientName(model: LetterModel, role: string): string | null {
  const r = norm(role);
  const as = r === 'rektor' ? 'rektor' : r.startsWith('kontaktlær') ? 'kontaktlærer' : null;
  if (!as) return null;
  const found = [model.addressee, ...model.copies].find((x) => x.recipient === as && x.names.length > 0);
  return found ? found.names.join(', ') : null;
}

function responsibilityTable(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  if (!model.responsibilities.length) return;
  blocks.push({ t: 'h2', text: t.h.responsibilities });
  blocks.push({ t: 'p', text: t.responsibilitiesIntro });
  blocks.push({
    t: 'table',
    head: t.respHead,
    widths: [0.17, 0.2, 0.35, 0.14, 0.14],
    rows: model.responsibilities.map((r) => [
      capFirst(t.role(r.role)),
      r.names.join(', ') ||
        (norm(r.role) === norm(model.service) && model.serviceContact
          ? model.serviceContact.name
          : (recipientName(model, r.role) ?? t.missing)),
      groupTasks(t, r.tasks),
      shortDate(r.from),
      r.evaluated && r.evaluated < model.date
        ? `${shortDate(r.evaluated)} ${t.passed}`
        : shortDate(r.evaluated),
    ]),
  });
}

/** How to reach the caseworker: their direct phone and e-mail, else the service's. */
function reachOf(t: LetterTexts, model: LetterModel): string {
  const c = model.serviceContact;
  const lh = model.letterhead;
  const phone = c?.phone ?? lh.phone;
  const email = c?.email ?? lh.email;
  return [phone ? `${t.phone} ${phone}` : null, email ? `${t.email} ${email}` : null]
    .filter(Boolean)
    .join(', ');
}

/** «Dette kan dere gjøre»: whom to call, innsyn, how to disagree, and klage where it applies. */
function rights(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const c = model.serviceContact;
  const reach = reachOf(t, model);
  const whom = c
    ? `${c.name}, ${model.letterhead.serviceName}${reach ? `, ${reach}` : ''}`
    : `${model.letterhead.serviceName}${reach ? `, ${reach}` : ''}`;
  const health = model.service === 'BUP';
  blocks.push({
    t: 'summary',
    title: t.rights.title,
    items: [
      t.rights.call(whom),
      health ? t.rights.innsynHealth : t.rights.innsyn(citeOn('fvl-18', model.date, t.lang)),
      t.rights.disagree,
      health
        ? t.rights.klageHealth
        : model.kind === 'sakkyndig-vurdering'
          ? t.rights.klageVedtak
          : t.rights.klageSchool,
    ],
  });
}

function contacts(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  blocks.push({ t: 'h2', text: t.h.contacts });
  const items: string[] = [];
  items.push(
    model.coordinator?.name
      ? t.coordinatorLine(who(t, model.coordinator), model.pupil.school)
      : t.coordinatorMissing,
  );
  const c = model.serviceContact;
  const reach = reachOf(t, model);
  items.push(
    c
      ? t.serviceContactLine(withRole(t, c.name, c.role, ' (', ')'), model.letterhead.serviceName, reach)
      : t.serviceContactMissing,
  );
  blocks.push({ t: 'list', items });
}

function distribution(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  rights(t, model, blocks);
  blocks.push({ t: 'h2', text: t.h.distribution });
  blocks.push({
    t: 'p',
    text:
      model.addressee.recipient === 'kommune'
        ? t.sakkyndig.sentTo(recipientLine(t, model.addressee))
        : model.addressee.recipient === 'foresatte'
          ? t.distributionIntroFamily
          : model.addressee.recipient === 'mottakerskole'
            ? TRANSITION_TEXTS[t.lang].distributionIntro
            : t.distributionIntro,
  });
  blocks.push({
    t: 'list',
    items: [model.addressee, ...model.copies].map((r) => {
      const b = r.basis;
      const basis =
        b === null
          ? t.basisMissing
          : b.kind === 'consent'
            ? t.basisConsent(shortDate(b.date), b.expires ? shortDate(b.expires) : null)
            : b.kind === 'legal'
              ? t.basisLegal(b.text)
              : t.basisParty;
      return `${capFirst(recipientLine(t, r))}: ${basis}`;
    }),
  });
}

function replyRequest(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  if (!model.replyBy) return;
  blocks.push({ t: 'h2', text: t.h.reply });
  blocks.push({ t: 'p', text: t.replyRequest(longDate(model.replyBy)) });
}

function measureReplyPage(t: LetterTexts, model: LetterModel): ReplyPage {
  return {
    title: t.reply.title,
    intro: [
      t.reply.sendTo(
        model.serviceContact ? model.serviceContact.name : model.letterhead.serviceName,
        model.letterhead.serviceName,
        longDate(model.replyBy!),
      ),
      ...(model.returnAddress?.length ? [t.reply.returnAddress(model.returnAddress.join(', '))] : []),
      t.reply.about(
        model.pupil.name,
        model.pupil.grade,
        model.pupil.school,
        t.kindTitle[model.kind],
        longDate(model.date),
      ),
      t.reply.formNote,
    ],
    items: model.measures.map((m, i) => {
      // A duty under the law is not the school's to decline.
      const n = m.label === 'Lovkrav' ? 2 : 3;
      return {
        title: t.measureHeading(i + 1, m.title),
        choices: t.reply.choices.slice(0, n),
        choiceKeys: REPLY_ANSWER_KEYS.slice(0, n),
        lines: t.reply.lines,
        lineKeys: [...REPLY_LINE_KEYS],
        categories: {
          label: t.reply.categoryLabel,
          choices: t.reply.categories,
          keys: [...REPLY_CATEGORY_KEYS],
        },
      };
    }),
    closing: t.reply.closing,
    closingKeys: [...REPLY_CLOSING_KEYS],
  };
}

function summaryOfMeasures(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  blocks.push({
    t: 'summary',
    title: t.h.summary,
    items: model.measures.map((m) =>
      (m.evaluation && m.evaluation.date < model.date ? t.summaryLinePast : t.summaryLine)(
        m.title,
        who(t, m.responsible),
        m.start ? longDate(m.start) : t.missing,
        m.evaluation ? longDate(m.evaluation.date) : t.missing,
      ),
    ),
  });
}

function anbefaling(t: LetterTexts, model: LetterModel): Block[] {
  const blocks: Block[] = [];
  blocks.push({
    t: 'p',
    style: 'lead',
    text: t.anbefaling.lead(
      model.letterhead.serviceName,
      model.measures.length,
      model.pupil.name,
      model.pupil.grade,
      // A measure that started before the letter is not «set in motion»: the school continues it.
      model.measures.filter((m) => m.start != null && m.start < model.date).length,
    ),
  });
  summaryOfMeasures(t, model, blocks);
  if (model.replyBy) blocks.push({ t: 'p', text: t.replyShort(longDate(model.replyBy)) });
  background(t, model, blocks);
  voices(t, model, blocks);
  measureSection(t, model, blocks);
  expectations(t, model, blocks);
  responsibilityTable(t, model, blocks);
  contacts(t, model, blocks);
  replyRequest(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

function sakkyndig(t: LetterTexts, model: LetterModel): Block[] {
  const a = model.assessment!;
  const blocks: Block[] = [];
  const ref = legalRef(a.legalRefId);
  blocks.push({
    t: 'p',
    style: 'lead',
    text: t.sakkyndig.lead(
      model.letterhead.serviceName,
      model.pupil.name,
      model.pupil.grade,
      citeRef(ref, t.lang),
    ),
  });
  conclusion(t, model, blocks);
  summaryOfMeasures(t, model, blocks);
  background(t, model, blocks);
  blocks.push({ t: 'h2', text: t.sakkyndig.h.sources });
  blocks.push({ t: 'p', text: a.sources ?? t.missing });
  voices(t, model, blocks);
  blocks.push({ t: 'h2', text: t.sakkyndig.views });
  blocks.push({ t: 'p', text: a.conclusion?.viewsWeighed?.trim() || t.missing });
  const topics: [string, string | null | undefined][] = [
    [t.sakkyndig.h.benefit, a.benefit],
    [t.sakkyndig.h.difficulties, a.difficulties],
    [t.sakkyndig.h.goals, a.goals],
    [t.sakkyndig.h.ordinaryTeaching, a.ordinaryTeaching],
    [t.sakkyndig.h.soundOffer, a.soundOffer],
  ];
  topics.forEach(([h, v], i) => {
    blocks.push({ t: 'h2', text: `${i + 1}. ${h}` });
    blocks.push({ t: 'p', text: v ?? t.missing });
  });
  // Letters drafted before the conclusion was part of the case gave the extent as options.
  if (!a.conclusion && (a.hours || a.validUntil)) {
    blocks.push({ t: 'h2', text: t.sakkyndig.h.extent });
    blocks.push({
      t: 'fields',
      rows: [
        [t.sakkyndig.hours, a.hours ?? t.missing],
        [t.sakkyndig.validUntil, a.validUntil ? longDate(a.validUntil) : t.missing],
      ],
    });
  }
  measureSection(t, model, blocks);
  expectations(t, model, blocks);
  responsibilityTable(t, model, blocks);
  blocks.push({ t: 'h2', text: t.sakkyndig.h.next });
  blocks.push({ t: 'p', text: t.sakkyndig.next });
  contacts(t, model, blocks);
  replyRequest(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

/**
 * The sakkyndig vurdering's conclusion, first: individually adapted education yes/no; extent,
 * content, organisation, staff competence, how long and when to reassess; reductions and
 * exemptions with their legal basis.
 */
function conclusion(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const c = model.assessment?.conclusion ?? null;
  const k = t.sakkyndig.conclusion;
  const d = t.sakkyndig.deviations;
  const text = (s: string | null | undefined) => s?.trim() || t.missing;
  const date = (s: string | null | undefined) => (s ? longDate(s) : t.missing);
  blocks.push({ t: 'h2', text: k.title });
  const rows: [string, string][] = [[k.needed, c?.needed == null ? t.missing : c.needed ? k.yes : k.no]];
  if (c?.needed !== false)
    rows.push(
      [t.sakkyndig.hours, c?.hours != null && c.hoursPer ? k.hours(c.hours, c.hoursPer) : t.missing],
      [k.content, text(c?.content)],
      [k.organisation, text(c?.organisation)],
      [k.staffCompetence, text(c?.staffCompetence)],
    );
  // A «nei» needs no dates, but prints them when the assessment gives them.
  if (c?.needed !== false || c.validUntil) rows.push([k.validUntil, date(c?.validUntil)]);
  if (c?.needed !== false || c.reassessBy) rows.push([k.reassessBy, date(c?.reassessBy)]);
  // The law's question is the first label: wide enough to read on two lines, not four.
  blocks.push({ t: 'fields', rows, labelWidth: 0.36 });
  if (c?.needed === false)
    blocks.push({ t: 'p', text: k.noText(citeRef(legalRef('oppl-2023-11-1'), t.lang)) });
  blocks.push({ t: 'h2', text: d.title });
  const devs = c?.deviations ?? [];
  if (devs.length === 0) blocks.push({ t: 'p', text: d.none });
  else {
    blocks.push({
      t: 'list',
      items: devs.map(
        (x) => `${d.kind[x.kind]}: ${x.what.trim().replace(/[.]$/u, '')}. ${d.basis(x.legalBasis)}.`,
      ),
    });
    blocks.push({ t: 'p', text: d.why });
  }
}

/** For the pupil: what will happen and who the safe adults are, in plain words for the grade. */
function pupilPage(t: LetterTexts, model: LetterModel, blocks: Block[]) {
  const first = model.pupil.name.split(/\s+/u)[0] ?? model.pupil.name;
  blocks.push({ t: 'h2', text: t.pupil.title(first) });
  blocks.push({ t: 'p', text: t.pupil.intro(first, model.pupil.grade) });
  const measures = model.measures.filter((m) => !m.status?.endedOn);
  if (measures.length > 0) {
    blocks.push({ t: 'h2', text: t.pupil.happens });
    blocks.push({
      t: 'list',
      items: measures.map((m) =>
        t.pupil.measure(
          m.title,
          m.responsible?.name ?? null,
          m.start && m.start >= model.date ? longDate(m.start) : null,
        ),
      ),
    });
  }
  const adults = new Map<string, string>();
  const add = (p: { name: string | null; role: string | null } | null | undefined) => {
    if (p?.name && !adults.has(p.name)) adults.set(p.name, t.pupil.adult(p.name, t.role(p.role ?? '')));
  };
  add(model.coordinator);
  for (const m of measures) add(m.responsible);
  const teacher = [model.addressee, ...model.copies].find((r) => r.recipient === 'kontaktlærer');
  if (teacher?.names[0]) add({ name: teacher.names[0], role: 'kontaktlærer' });
  if (model.serviceContact) add({ name: model.serviceContact.name, role: model.serviceContact.role });
  if (adults.size > 0) {
    blocks.push({ t: 'h2', text: t.pupil.adults });
    blocks.push({ t: 'list', items: [...adults.values()] });
  }
  blocks.push({ t: 'p', text: t.pupil.close });
}

function mottaksbrev(t: LetterTexts, model: LetterModel): Block[] {
  const r = model.referral!;
  const w = model.waiting!;
  const blocks: Block[] = [];
  const referrer = r.referredBy ? t.referrer(r.referredBy) : null;
  blocks.push({
    t: 'p',
    style: 'lead',
    text: w.firstContactHad
      ? t.mottak.interimLead(longDate(r.received), model.pupil.name, referrer)
      : t.mottak.lead(model.letterhead.serviceName, longDate(r.received), model.pupil.name, referrer),
  });
  blocks.push({ t: 'h2', text: t.mottak.h.next });
  if (w.missedFirstContact)
    blocks.push({
      t: 'p',
      text: t.mottak.missed(longDate(w.missedFirstContact), calendarDays(w.missedFirstContact, model.date)),
    });
  blocks.push({
    t: 'p',
    text: w.firstContactHad
      ? [
          t.mottak.had(longDate(w.firstContactHad)),
          ...(w.expectedFirstContact ? [t.mottak.answerBy(longDate(w.expectedFirstContact))] : []),
        ].join(' ')
      : w.expectedFirstContact
        ? t.mottak.expected(longDate(w.expectedFirstContact))
        : t.mottak.expectedMissing,
  });
  if (w.interimReply) {
    blocks.push({ t: 'p', text: t.mottak.interim(citeOn('fvl-11a', model.date, t.lang)) });
    if (w.interimReason) blocks.push({ t: 'p', text: t.mottak.interimWhy(w.interimReason) });
  }
  if (model.service === 'BUP')
    blocks.push({
      t: 'p',
      text: w.healthAnswerMissed
        ? t.mottak.healthMissed(citeRef(legalRef('pbrl-2-2'), t.lang), longDate(w.healthAnswerMissed))
        : t.mottak.health(citeRef(legalRef('pbrl-2-2'), t.lang)),
    });
  blocks.push({ t: 'h2', text: t.mottak.h.advice });
  blocks.push({ t: 'p', text: t.mottak.adviceIntro });
  blocks.push({
    t: 'table',
    head: t.mottak.adviceHead,
    widths: [0.7, 0.3],
    rows: w.advice.map((a) => [a.what, owner(t, a.who)]),
  });
  blocks.push({ t: 'p', text: t.mottak.worse });
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

function nyKontaktperson(t: LetterTexts, model: LetterModel): Block[] {
  const c = model.change!;
  const blocks: Block[] = [];
  blocks.push({
    t: 'p',
    style: 'lead',
    text: t.ny.lead(
      withRole(t, c.current.name, c.current.role, ' (', ')'),
      longDate(c.current.from),
      model.pupil.name,
    ),
  });
  const rows: [string, string][] = [
    [t.ny.newContact, withRole(t, c.current.name, c.current.role, ', ', '')],
    [t.ny.from, longDate(c.current.from)],
  ];
  if (c.previous) rows.push([t.ny.previous, t.ny.previousLine(c.previous.name, longDate(c.previous.to))]);
  blocks.push({ t: 'fields', rows });
  if (c.daysWithout > 0) blocks.push({ t: 'p', text: t.ny.gap(c.daysWithout) });
  // A handover only when there was someone to hand over from.
  if (c.previous) {
    blocks.push({ t: 'h2', text: t.ny.h.continues });
    const items: string[] = [];
    if (c.openPromises) items.push(`${t.ny.promises}: ${c.openPromises}`);
    // The next deadlines come from the case itself (the same list as Oppgaver); the note's own
    // words on them follow.
    const due = (c.deadlines ?? []).map(
      (d) => `${longDate(d.due)} ${t.obligation[d.kind]}${d.label ? ` (${measureTitle(d.label)})` : ''}`,
    );
    if (due.length) items.push(`${t.ny.deadlines}: ${due.join('; ')}`);
    const over = (c.overdueDeadlines ?? []).map((d) =>
      t.ny.overdueLine(
        longDate(d.due),
        `${t.obligation[d.kind]}${d.label ? ` (${measureTitle(d.label)})` : ''}`,
        d.daysOver,
      ),
    );
    if (over.length) items.push(`${t.ny.overdue}: ${over.join('; ')}`);
    if (c.nextDeadlines) items.push(`${t.ny.fromNote}: ${c.nextDeadlines}`);
    blocks.push({ t: 'p', text: items.length ? `${t.ny.handedOver} ${t.ny.continues}` : t.ny.handedOver });
    if (items.length) blocks.push({ t: 'list', items });
  }
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

function motereferat(t: LetterTexts, model: LetterModel): Block[] {
  const m = model.meeting!;
  const blocks: Block[] = [];
  blocks.push({ t: 'p', style: 'lead', text: t.mote.lead(longDate(m.date), model.pupil.name) });
  blocks.push({ t: 'h2', text: t.mote.h.participants });
  blocks.push({ t: 'list', items: m.participants.map((p) => who(t, p)) });
  if (!m.leaderPresent) blocks.push({ t: 'p', text: t.mote.noLeader });
  blocks.push({ t: 'h2', text: t.mote.h.carried });
  if (m.carriedOver.length)
    blocks.push({
      t: 'table',
      head: t.mote.carriedHead,
      widths: [0.46, 0.24, 0.15, 0.15],
      rows: m.carriedOver.map((a) => [
        a.what,
        owner(t, a.owner),
        shortDate(a.deadline),
        statusOn(t, a.status, a.deadline, model.date),
      ]),
    });
  else blocks.push({ t: 'p', text: t.mote.noneCarried });
  if (m.note) {
    blocks.push({ t: 'h2', text: t.mote.h.about });
    blocks.push({ t: 'p', text: m.note });
  }
  blocks.push({ t: 'h2', text: t.mote.h.decisions });
  if (m.decisions.length) blocks.push({ t: 'list', items: m.decisions });
  else blocks.push({ t: 'p', text: t.mote.noDecisions });
  blocks.push({ t: 'h2', text: t.mote.h.agreements });
  if (m.agreements.length)
    blocks.push({
      t: 'table',
      head: t.mote.agreementsHead,
      widths: [0.42, 0.24, 0.14, 0.2],
      rows: m.agreements.map((a) => [
        a.promisedToPupil ? `${a.what} (${t.mote.promised})` : a.what,
        owner(t, a.owner),
        a.deadline ? shortDate(a.deadline) : t.missing,
        statusOn(t, a.status, a.deadline, model.date),
      ]),
    });
  else blocks.push({ t: 'p', text: t.mote.noAgreements });
  blocks.push({ t: 'h2', text: t.mote.h.dissent });
  if (m.dissent.length)
    blocks.push({ t: 'list', items: m.dissent.map((d) => `${owner(t, d.by)}: ${d.text}`) });
  else blocks.push({ t: 'p', text: t.mote.noDissent });
  if (model.replyBy) blocks.push({ t: 'p', text: t.mote.comments(longDate(model.replyBy)) });
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

function tiltaksoversikt(t: LetterTexts, model: LetterModel): Block[] {
  const blocks: Block[] = [];
  blocks.push({ t: 'p', style: 'lead', text: t.oversikt.lead(model.pupil.name, longDate(model.date)) });
  blocks.push({
    t: 'table',
    head: t.oversikt.head,
    widths: [0.3, 0.26, 0.14, 0.3],
    rows: model.measures.map((m) => [
      m.title,
      who(t, m.responsible),
      shortDate(m.start),
      t.measureState(m.status!.state, m.status!.endedOn ? shortDate(m.status!.endedOn) : null),
    ]),
  });
  model.measures.forEach((m, i) => {
    const s = m.status!;
    blocks.push({ t: 'h3', text: t.measureHeading(i + 1, m.title), chip: t.measureState(s.state, null) });
    const rows: [string, string][] = [
      [t.field.what, m.what],
      [t.field.responsible, who(t, m.responsible)],
      [t.field.leader, who(t, m.leader)],
      [t.field.start, m.start ? longDate(m.start) : t.missing],
    ];
    rows.push([
      t.oversikt.schoolAnswer,
      s.schoolAnswer
        ? t.oversikt.answerLine(
            t.schoolAnswer(s.schoolAnswer.answer),
            shortDate(s.schoolAnswer.date),
            s.schoolAnswer.by,
            s.schoolAnswer.reason,
            s.schoolAnswer.alternative,
          )
        : t.oversikt.noAnswer,
    ]);
    rows.push([
      t.oversikt.implemented,
      t.oversikt.implementedLine(
        s.reportedBySchool
          ? t.oversikt.report(s.reportedBySchool.inPlace, shortDate(s.reportedBySchool.date))
          : null,
        s.confirmedByParents
          ? t.oversikt.report(s.confirmedByParents.inPlace, shortDate(s.confirmedByParents.date))
          : null,
      ),
    ]);
    if (s.discrepancy) rows.push([t.oversikt.note, t.oversikt.discrepancy]);
    blocks.push({ t: 'fields', rows });
    if (s.evaluations.length)
      blocks.push({
        t: 'table',
        head: t.oversikt.evalHead,
        widths: [0.14, 0.18, 0.18, 0.5],
        rows: s.evaluations.map((e) => [
          shortDate(e.date),
          t.outcome(e.outcome),
          t.decision(e.decision),
          [e.why, e.decidedBy ? `(${e.decidedBy})` : null].filter(Boolean).join(' '),
        ]),
      });
    else
      blocks.push({
        t: 'p',
        text: !m.evaluation
          ? t.oversikt.noEval
          : m.evaluation.date < model.date
            ? t.oversikt.evalOverdue(longDate(m.evaluation.date), calendarDays(m.evaluation.date, model.date))
            : t.oversikt.evalPlanned(longDate(m.evaluation.date)),
      });
  });
  if (model.agreements?.length) {
    blocks.push({ t: 'h2', text: t.oversikt.agreementsHeading });
    blocks.push({
      t: 'table',
      head: t.mote.agreementsHead,
      widths: [0.46, 0.24, 0.14, 0.16],
      rows: model.agreements.map((a) => [
        a.promisedToPupil ? `${a.what} (${t.mote.promised})` : a.what,
        owner(t, a.owner),
        shortDate(a.deadline),
        statusOn(t, a.status, a.deadline, model.date),
      ]),
    });
  }
  absenceSection(t, model, blocks);
  voices(t, model, blocks);
  responsibilityTable(t, model, blocks);
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

function oppfolging(t: LetterTexts, model: LetterModel): Block[] {
  const all = model.overdue!;
  // What the school is asked to answer for, and the service's own lapses, apart.
  const items = all.filter((i) => !i.own);
  const own = all.filter((i) => i.own);
  const blocks: Block[] = [];
  blocks.push({
    t: 'p',
    style: 'lead',
    text: items.length
      ? t.oppfolging.lead(model.pupil.name, items.length)
      : t.oppfolging.leadOwnOnly(model.pupil.name),
  });
  if (items.length)
    blocks.push({
      t: 'table',
      head: t.oppfolging.head,
      widths: [0.4, 0.22, 0.14, 0.24],
      rows: items.map((i) => [
        `${t.oppfolging.kind[i.kind]}: ${i.what}${i.promisedToPupil ? ` (${t.mote.promised})` : ''}`,
        owner(t, i.who),
        shortDate(i.deadline),
        t.oppfolging.daysOver(i.daysOver),
      ]),
    });
  if (items.some((i) => i.promisedToPupil)) blocks.push({ t: 'p', text: t.oppfolging.promised });
  if (own.length) {
    blocks.push({ t: 'h2', text: t.oppfolging.h.own });
    blocks.push({ t: 'p', text: t.oppfolging.ownIntro });
    blocks.push({
      t: 'list',
      items: own.map((i) =>
        t.oppfolging.ownLine(t.oppfolging.kind[i.kind], i.what, longDate(i.deadline), i.daysOver),
      ),
    });
  }
  if (items.length) {
    blocks.push({ t: 'h2', text: t.oppfolging.h.ask });
    blocks.push({ t: 'p', text: t.oppfolging.ask(longDate(model.replyBy!)) });
  }
  absenceSection(t, model, blocks);
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

export function layoutLetter(model: LetterModel): Layout {
  const t = TEXTS[model.lang];
  const head = commonHead(t, model);
  const blocks =
    model.kind === 'innkalling'
      ? innkalling(t, model)
      : model.kind === 'avslutningsbrev'
        ? avslutningsbrev(t, model)
        : model.kind === 'overgangsbrev'
          ? overgangsbrev(t, model)
          : model.kind === 'anbefaling'
            ? anbefaling(t, model)
            : model.kind === 'sakkyndig-vurdering'
              ? sakkyndig(t, model)
              : model.kind === 'mottaksbrev'
                ? mottaksbrev(t, model)
                : model.kind === 'ny-kontaktperson'
                  ? nyKontaktperson(t, model)
                  : model.kind === 'motereferat'
                    ? motereferat(t, model)
                    : model.kind === 'tiltaksoversikt'
                      ? tiltaksoversikt(t, model)
                      : oppfolging(t, model);
  familySections(t, model, blocks);
  if (model.notes?.length) {
    blocks.push({ t: 'h2', text: t.journal.heading });
    for (const n of model.notes)
      blocks.push({ t: 'p', text: `${t.journal.kind[n.kind]} ${longDate(n.date)}: ${n.text}` });
  }
  const after: Block[] = [];
  if (model.pupilPage) {
    after.push({ t: 'pagebreak' });
    pupilPage(t, model, after);
  }
  let reply: ReplyPage | null = null;
  if (model.replyBy && (model.kind === 'anbefaling' || model.kind === 'sakkyndig-vurdering'))
    reply = measureReplyPage(t, model);
  const schoolItems = followItems(model);
  if (model.kind === 'oppfolgingsbrev' && model.replyBy && schoolItems.length) {
    const page = measureReplyPage(t, model);
    reply = {
      ...page,
      intro: page.intro.map((line) => (line === t.reply.formNote ? t.reply.followFormNote : line)),
      items: schoolItems.map((i) => ({
        title: t.reply.followTitle(t.oppfolging.kind[i.kind], i.what, shortDate(i.deadline)),
        // A duty under the law is not the school's to decline.
        choices: t.reply.followChoices.slice(0, i.lovkrav ? 2 : 3),
        choiceKeys: REPLY_FOLLOW_KEYS.slice(0, i.lovkrav ? 2 : 3),
        lines: t.reply.followLines,
        lineKeys: [...REPLY_FOLLOW_LINE_KEYS],
      })),
    };
  }
  // A mottaksbrev after first contact is a foreløpig svar only: it is titled as one.
  const interimOnly = model.kind === 'mottaksbrev' && model.waiting?.firstContactHad != null;
  const kindTitle = interimOnly ? t.mottak.interimKind : t.kindTitle[model.kind];
  return {
    lang: model.lang,
    docTitle: kindTitle,
    title: interimOnly ? t.mottak.interimTitle(model.pupil.name) : t.title(model.kind, model.pupil.name),
    ...head,
    blocks,
    ...(after.length > 0 ? { after } : {}),
    reply,
    signature: {
      closing: t.closing,
      name: model.signer?.name ?? null,
      role: model.signerTitle
        ? capFirst(t.role(model.signerTitle))
        : model.signer && model.serviceContact?.name === model.signer.name
          ? capFirst(roleOf(t, model.serviceContact.role))
          : null,
      service: model.letterhead.serviceName,
      note: model.draft ? t.draftSignature : t.signedNote,
    },
    labels: {
      page: t.page,
      code: t.codeLabel,
      draft: t.draftMark,
      draftNote: t.draftNote,
      running: `${kindTitle} – ${model.pupil.name}`,
      attachmentDescription: t.attachmentDescription,
    },
  };
}

/** The prose of a letter (paragraphs, lists, summary lines): what LIX is computed over. */
export function proseOf(layout: Layout): string[] {
  const out: string[] = [];
  for (const b of [...layout.blocks, ...(layout.after ?? [])]) {
    if (b.t === 'p' && b.style !== 'quote') out.push(b.text);
    else if (b.t === 'list' || b.t === 'summary') out.push(...b.items);
  }
  return out;
}

/** All visible text, in reading order (for tests and the preview). */
export function textOf(layout: Layout): string {
  const lines: string[] = [
    ...layout.letterhead,
    ...layout.marking,
    ...layout.meta.map((m) => m.join(' ')),
    ...layout.to,
  ];
  lines.push(layout.copies, layout.title);
  const blocks = [...layout.blocks, ...(layout.after ?? [])];
  for (const b of blocks) {
    if (b.t === 'h2' || b.t === 'p') lines.push(b.text);
    else if (b.t === 'h3') lines.push(b.chip ? `${b.text} [${b.chip}]` : b.text);
    else if (b.t === 'list') lines.push(...b.items);
    else if (b.t === 'summary') lines.push(b.title, ...b.items);
    else if (b.t === 'fields') lines.push(...b.rows.map(([k, v]) => `${k}: ${v}`));
    else if (b.t === 'table') lines.push(b.head.join(' | '), ...b.rows.map((r) => r.join(' | ')));
  }
  if (layout.reply)
    lines.push(layout.reply.title, ...layout.reply.intro, ...layout.reply.items.map((i) => i.title));
  return lines.join('\n');
}

/** Avslutningsbrev (issue 15 item 5): the referral ends, and the letter says who is responsible now. */
function avslutningsbrev(t: LetterTexts, model: LetterModel): Block[] {
  const c = model.closing!;
  const ct = CLOSING_TEXTS[t.lang];
  const blocks: Block[] = [];
  const status =
    c.decision === 'rejected'
      ? ct.rejected
      : c.decision === 'forwarded'
        ? ct.forwarded(c.receivingService ?? ct.missing)
        : ct.closed;
  blocks.push({
    t: 'p',
    style: 'lead',
    text: `${ct.lead(model.letterhead.serviceName, longDate(c.received), model.pupil.name)} ${status}`,
  });
  blocks.push({ t: 'h2', text: ct.h.responsible });
  blocks.push({ t: 'p', text: c.responsibility ?? ct.missing });
  blocks.push({
    t: 'fields',
    rows: [
      [ct.responsibleService, c.receivingService ?? ct.missing],
      ...(c.receivingContact ? [[ct.contact, c.receivingContact] as [string, string]] : []),
    ],
  });
  if (c.reason) {
    blocks.push({ t: 'h2', text: ct.h.why });
    blocks.push({ t: 'p', text: c.reason });
  }
  if (c.outcome) {
    blocks.push({ t: 'h2', text: ct.h.outcome });
    blocks.push({ t: 'p', text: ct.outcome[c.outcome] });
  }
  blocks.push({ t: 'p', text: ct.again });
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

/** Overgangsbrev (issue 15 item 3): to the receiving school, what it needs from the first day. */
function overgangsbrev(t: LetterTexts, model: LetterModel): Block[] {
  const c = model.transition!;
  const tt = TRANSITION_TEXTS[t.lang];
  const blocks: Block[] = [];
  const past = c.start !== null && c.start < model.date;
  blocks.push({
    t: 'p',
    style: 'lead',
    text: tt.lead(
      model.pupil.name,
      c.receivingSchool ?? tt.missing,
      c.start ? longDate(c.start) : null,
      past,
      model.letterhead.serviceName,
    ),
  });
  const rows: [string, string][] = [];
  if (c.change) rows.push([tt.changeLabel, tt.change[c.change]]);
  if (c.change === 'overgang' && c.fromStage && c.toStage)
    blocks.push({ t: 'p', text: tt.stageLine(tt.stage[c.fromStage], tt.stage[c.toStage]) });
  if (rows.length) blocks.push({ t: 'fields', rows });
  blocks.push({ t: 'h2', text: tt.h.works });
  if (c.measuresThatWork.length) {
    blocks.push({ t: 'p', text: tt.worksLead });
    blocks.push({ t: 'list', items: c.measuresThatWork.map((m) => m.what) });
  }
  if (c.whatWorks || !c.measuresThatWork.length) blocks.push({ t: 'p', text: c.whatWorks ?? tt.missing });
  blocks.push({ t: 'h2', text: tt.h.adults });
  blocks.push({ t: 'p', text: c.safeAdults ?? tt.missing });
  blocks.push({ t: 'h2', text: tt.h.visits });
  blocks.push({ t: 'p', text: c.visits ?? tt.missing });
  blocks.push({ t: 'h2', text: tt.h.parents });
  blocks.push({ t: 'p', text: c.parentsExpected ?? tt.missing });
  blocks.push({ t: 'h2', text: tt.h.call });
  if (c.whomToCall) blocks.push({ t: 'p', text: c.whomToCall });
  if (c.receivingContact) blocks.push({ t: 'fields', rows: [[tt.receivingContact, c.receivingContact]] });
  if (!c.whomToCall && !c.receivingContact) blocks.push({ t: 'p', text: tt.missing });
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}

/** Innkalling (issue 15 item 4): when and where, who must attend, and the agenda, open agreements first. */
function innkalling(t: LetterTexts, model: LetterModel): Block[] {
  const p = model.invitation!;
  const it = INVITATION_TEXTS[t.lang];
  const blocks: Block[] = [];
  blocks.push({ t: 'p', style: 'lead', text: it.lead(model.letterhead.serviceName, model.pupil.name) });
  blocks.push({ t: 'h2', text: it.h.when });
  blocks.push({
    t: 'fields',
    rows: [
      [it.date, p.date ? longDate(p.date) : t.missing],
      [it.time, p.time ? it.clock(p.time) : t.missing],
      [it.place, p.place ?? t.missing],
    ],
  });
  blocks.push({ t: 'h2', text: it.h.who });
  blocks.push({ t: 'p', text: it.mustAttend });
  blocks.push({
    t: 'list',
    items: p.roles.length ? p.roles.map((r) => who(t, { role: r.role, name: r.name })) : [t.missing],
  });
  if (p.leaderInvited) blocks.push({ t: 'p', text: it.leaderNote });
  blocks.push({ t: 'h2', text: it.h.agenda });
  // Numbered as one list: the open agreements from the last meeting are item 1 (with the table),
  // or a plain line says this is the first meeting and the agenda starts at 1.
  const first = p.lastMeeting ? 2 : 1;
  if (p.lastMeeting) {
    const date = shortDate(p.lastMeeting.date);
    if (p.carriedOver.length) {
      blocks.push({ t: 'p', text: `1. ${it.carriedFrom(date)}` });
      blocks.push({
        t: 'table',
        head: t.mote.carriedHead,
        widths: [0.46, 0.24, 0.15, 0.15],
        rows: p.carriedOver.map((a) => [
          a.what,
          owner(t, a.owner),
          shortDate(a.deadline),
          statusOn(t, a.status, a.deadline, model.date),
        ]),
      });
    } else blocks.push({ t: 'p', text: `1. ${it.noneCarried(date)}` });
  } else blocks.push({ t: 'p', text: it.noPrevious });
  p.agenda.forEach((a, i) => blocks.push({ t: 'p', text: `${i + first}. ${a}` }));
  blocks.push({ t: 'p', text: it.cannotCome });
  blocks.push({ t: 'p', text: it.minutes });
  contacts(t, model, blocks);
  distribution(t, model, blocks);
  return blocks;
}
