import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { archiveReceipt, archiveStatus, type ArchiveReceipt } from '../../../shared/archive/status';
import type { dispatchOps } from '../../../shared/contract/dispatch';
import {
  buildForsendelse,
  DISPATCH_CODES,
  dispatchRecorded,
  dispatchStatus,
  dispatchStatusOf,
  dispatchText,
  FINAL_STATUSES,
  type DispatchRecorded,
  type DispatchStatus,
  type Forsendelse,
} from '../../../shared/dispatch/svarut';
import { BroError } from '../../../shared/errors';
import { letterPdf, type IssuedLetter } from '../../../shared/letters/events';
import { storedLetterPdfs } from '../letters/stored-pdf';
import { sameName } from '../../../shared/registers/schema';
import type { Settings } from '../../../shared/settings/schema';
import { zip } from '../archive/zip';
import { resolveCase } from '../letters/issue';
import { lookupRegisters, schoolByName } from '../registers/registers';
import type { Progress, Session } from '../session';
import { writeAtomic } from '../vault/atomic';
import { cmsEncrypt, fetchPublicKey, fetchToken, sendForsendelse, statusSok } from './client';

type Ops = typeof dispatchOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
type Vault = ReturnType<Session['requireVault']>;

const invalid = (code: string, at: string, message: string) =>
  new BroError('VALIDATION', message, { issues: [{ path: [at], code }] });

/** «Vår referanse» exactly as the letter prints it (shared/letters/layout.ts): `<case id> / <kind>-<version>`. */
export const letterRef = (caseRef: string, l: Pick<IssuedLetter, 'kind' | 'version'>) =>
  `${caseRef} / ${l.kind}-${l.version}`;
const squash = (s: string) =>
  s
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/\s*\/\s*/gu, ' / ');

/** What the case's events say about its letters beyond the fold: PDFs, receipts, dispatches. */
async function caseExtras(vault: Vault, caseId: string) {
  // Which letters have their PDF kept; the bytes (a blob since format 3) are read only for the
  // letter being dispatched (pdfOf), so listing a case's letters reads no PDF.
  const stored = new Set<string>();
  const receipts: ArchiveReceipt[] = [];
  const dispatches: DispatchRecorded[] = [];
  const statuses: DispatchStatus[] = [];
  const events = await vault.readCase(caseId);
  for (const e of events) {
    if (e.type === 'letters.pdf') {
      const p = letterPdf.safeParse(e.data);
      if (p.success) stored.add(p.data.letterId);
    } else if (e.type === 'archive.receipt') {
      const p = archiveReceipt.safeParse(e.data);
      if (p.success) receipts.push(p.data);
    } else if (e.type === 'dispatch.recorded') {
      const p = dispatchRecorded.safeParse(e.data);
      if (p.success) dispatches.push(p.data);
    } else if (e.type === 'dispatch.status') {
      const p = dispatchStatus.safeParse(e.data);
      if (p.success) statuses.push(p.data);
    }
  }
  const pdfOf = async (letterId: string): Promise<Buffer | undefined> =>
    (await storedLetterPdfs(vault, caseId, events, letterId)).get(letterId);
  return { stored, pdfOf, receipts, dispatches, statuses };
}

/** The account when it is complete; null when nothing is set; refused when half set. */
function accountOf(
  s: Settings['svarut'],
): { endpoint: string; kontoId: string; integrationId: string; tokenUrl: string | null } | null {
  const { endpoint, kontoId, integrationId } = s ?? {};
  if (!endpoint && !kontoId && !integrationId) return null;
  if (!endpoint || !kontoId || !integrationId)
    throw invalid(DISPATCH_CODES.accountIncomplete, 'svarut', 'The SvarUt account is incomplete');
  return { endpoint, kontoId, integrationId, tokenUrl: s?.tokenUrl ?? null };
}

async function credentials(session: Session, account: NonNullable<ReturnType<typeof accountOf>>) {
  const password = await session.dispatchSecret.get();
  if (password === null)
    throw invalid(DISPATCH_CODES.secretMissing, 'svarut', 'No SvarUt integration password');
  const envToken = (session.opts.env ?? process.env).BRO_MASKINPORTEN_TOKEN;
  const token = account.tokenUrl
    ? await fetchToken(account.tokenUrl)
    : envToken !== undefined && envToken !== ''
      ? envToken
      : null;
  if (token === null) throw invalid(DISPATCH_CODES.tokenMissing, 'svarut', 'No Maskinporten token source');
  return { ...account, password, token };
}

/** The package's LES-MEG.txt: how to upload it by hand. No personal data. */
function readme(f: Forsendelse, ref: string): string {
  const where =
    f.endpoint === 'organisasjon'
      ? 'til en organisasjon (organisasjonsnummeret står i forsendelse.json)'
      : f.endpoint === 'person'
        ? 'til en person'
        : 'til utskrift og post (postadressen står i forsendelse.json)';
  return [
    `Forsendelse for KS SvarUt laget av Bro: brev ${ref}.`,
    '',
    `Sendes ${where}.`,
    'forsendelse.json er metadata etter SvarUt «Send forsendelse API» v3; PDF-en er brevet slik det ble sendt fra Bro.',
    '',
    'Slik laster du den opp:',
    '1. Logg inn i SvarUt (svarut.ks.no) og velg «Ny forsendelse».',
    '2. Bruk tittelen, mottakeren og eksternReferanse fra forsendelse.json.',
    '3. Krev innlogging på nivå 4 (sikkerhetsnivå «HOYESTE») når brevet går digitalt: det handler om et barn.',
    '4. Legg ved PDF-en. Den er ikke passordbeskyttet.',
    '',
    'Fødselsnummer skrives aldri til denne pakken. Skal brevet til foresattes digitale postkasse,',
    'skriver du fødselsnummeret inn i SvarUt.',
    '',
  ].join('\n');
}

export type DispatchHandlers = { [K in keyof Ops]: (input: In<K>, progress?: Progress) => Promise<Out<K>> };

/** The handlers of shared/contract/dispatch.ts; part of the one handler table (../handlers.ts). */
export function dispatchHandlers(session: Session): DispatchHandlers {
  const listFor = async (ref: string) => {
    const vault = session.requireVault();
    const caseId = await resolveCase(vault, ref);
    const state = await vault.fold(caseId);
    if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
    const extras = await caseExtras(vault, caseId);
    const ids = state.letters.map((l) => l.letterId);
    const archive = archiveStatus(extras.receipts, ids);
    const dispatch = dispatchStatusOf(extras.dispatches, extras.statuses, ids);
    const caseRef = String(state.doc.id ?? '');
    const letters = state.letters.map((l, i) => ({
      letterId: l.letterId,
      ref: letterRef(caseRef, l),
      kind: l.kind,
      date: l.date,
      issuedAt: l.issuedAt,
      stored: extras.stored.has(l.letterId),
      recipients: l.recipients.map((r) => ({ role: r.role, names: [...r.names] })),
      archive: { archived: archive.letters[i]!.archived, reference: archive.letters[i]!.reference },
      dispatch: { ...dispatch[i]!, text: dispatchText(dispatch[i]!) },
      issued: l,
    }));
    return { vault, caseId, state, extras, letters };
  };

  return {
    'letters.list': async ({ caseId }) => {
      const r = await listFor(caseId);
      return { caseId: r.caseId, letters: r.letters.map(({ issued: _issued, ...l }) => l) };
    },

    'dispatch.make': async (input) => {
      const { vault, caseId, state, extras, letters } = await listFor(input.caseId);
      const want = squash(input.letter);
      const hit =
        letters.find((l) => l.letterId === want || squash(l.ref) === want) ??
        // The short form within the case: «anbefaling-2».
        letters.find((l) => `${l.kind}-${l.issued.version}` === want);
      const pdf = hit ? await extras.pdfOf(hit.letterId) : undefined;
      if (!hit || !pdf)
        throw invalid(DISPATCH_CODES.letterUnknown, 'letter', 'No issued letter with that reference');

      const roles = new Set(hit.recipients.map((r) => r.role));
      if (
        input.to === 'skole' &&
        !['rektor', 'kontaktlærer', 'mottakerskole'].some((r) => roles.has(r as never))
      )
        throw invalid(DISPATCH_CODES.notARecipient, 'to', 'The letter is not to the school');
      if (input.to === 'foresatte' && !roles.has('foresatte'))
        throw invalid(DISPATCH_CODES.notARecipient, 'to', 'The letter is not to the family');

      const account = input.send === false ? null : accountOf(session.settings.get().svarut);
      const nationalId = input.nationalId?.trim() ? input.nationalId : null;
      // SECURITY: a national identity number is used for one sending only; never written to a file.
      if (!account && nationalId !== null)
        throw invalid(
          DISPATCH_CODES.nationalIdInPackage,
          'nationalId',
          'A package never holds a national id',
        );

      const guardians = (state.doc.guardians ?? []) as {
        name: string;
        parentalResponsibility?: boolean | null;
      }[];
      const guardian =
        input.to === 'foresatte'
          ? input.guardian
            ? (guardians.find((g) => sameName(g.name, input.guardian)) ?? null)
            : (guardians.find((g) => g.parentalResponsibility) ?? null)
          : null;
      if (input.to === 'foresatte' && input.guardian && !guardian)
        throw invalid(DISPATCH_CODES.guardianMissing, 'guardian', 'No such guardian in the case');
      const registers = input.to === 'skole' ? await lookupRegisters(vault) : null;
      const entry = registers ? schoolByName(registers, String(state.doc.pupil?.school ?? '')) : null;
      const f = (s: unknown) => (typeof s === 'string' && s.trim() ? s : null);
      const built = buildForsendelse({
        letterId: hit.letterId,
        kind: hit.kind,
        date: hit.date,
        service: String(state.doc.service ?? 'PPT'),
        pdf,
        to: input.to,
        school: entry
          ? {
              name: String(entry.fields.name),
              orgNumber: f(entry.fields.orgNumber),
              address: f(entry.fields.address),
              postcode: f(entry.fields.postcode),
              place: f(entry.fields.place),
            }
          : null,
        guardian: guardian?.name ?? null,
        nationalId,
        address: input.address ?? null,
        encrypted: account !== null,
      });
      if (!built.ok)
        throw new BroError('VALIDATION', 'The forsendelse cannot be built', { issues: built.issues });
      const fs = built.forsendelse;
      const at = new Date(session.opts.now?.() ?? Date.now()).toISOString();

      if (account) {
        const a = await credentials(session, account);
        const document = cmsEncrypt(fs.file.bytes, await fetchPublicKey(a.endpoint));
        const forsendelseId = await sendForsendelse(a, fs, document);
        await vault.append(caseId, [
          {
            type: 'dispatch.recorded',
            data: {
              letterId: hit.letterId,
              channel: 'svarut',
              to: input.to,
              endpoint: fs.endpoint,
              forsendelseId,
              eksternReferanse: fs.eksternReferanse,
              at,
            } satisfies DispatchRecorded,
          },
        ]);
        await vault.audit('dispatch.send', caseId);
        return {
          caseId,
          letterId: hit.letterId,
          ref: hit.ref,
          channel: 'svarut' as const,
          endpoint: fs.endpoint,
          forsendelseId,
          eksternReferanse: fs.eksternReferanse,
          folder: null,
          files: [],
        };
      }

      const files = [
        { name: 'forsendelse.json', bytes: Buffer.from(JSON.stringify(fs.json, null, 2) + '\n', 'utf8') },
        { name: fs.file.filnavn, bytes: Buffer.from(fs.file.bytes) },
        { name: 'LES-MEG.txt', bytes: Buffer.from(readme(fs, hit.ref), 'utf8') },
      ];
      let folder: string | null = null;
      let packed: string | undefined;
      try {
        if (input.out === undefined) packed = zip(files).toString('base64');
        else {
          folder = path.resolve(input.out);
          const there = await stat(folder).then(
            (s) => s,
            () => null,
          );
          if (there && !there.isDirectory())
            throw new BroError('VALIDATION', 'The package folder is a file', {
              issues: [{ path: ['out'], code: 'NOT_A_FOLDER' }],
            });
          await mkdir(folder, { recursive: true, mode: 0o700 });
          // SECURITY: the letter leaves the vault only here, by the user's choice; atomic, mode 0600.
          for (const file of files) await writeAtomic(path.join(folder, file.name), file.bytes);
        }
      } catch (e) {
        if (e instanceof BroError) throw e;
        throw new BroError('IO', 'Could not write the dispatch package', { detail: { reason: 'WRITE' } });
      }
      await vault.append(caseId, [
        {
          type: 'dispatch.recorded',
          data: {
            letterId: hit.letterId,
            channel: 'package',
            to: input.to,
            endpoint: fs.endpoint,
            forsendelseId: null,
            eksternReferanse: fs.eksternReferanse,
            at,
          } satisfies DispatchRecorded,
        },
      ]);
      await vault.audit('dispatch.package', caseId);
      return {
        caseId,
        letterId: hit.letterId,
        ref: hit.ref,
        channel: 'package' as const,
        endpoint: fs.endpoint,
        forsendelseId: null,
        eksternReferanse: fs.eksternReferanse,
        folder,
        files: files.map((x) => x.name),
        ...(packed !== undefined ? { zip: packed } : {}),
      };
    },

    'dispatch.status': async ({ caseId: ref }) => {
      let r = await listFor(ref);
      const account = accountOf(session.settings.get().svarut);
      let changed = 0;
      if (account) {
        // Ask only about forsendelser whose latest status may still change.
        const open = r.letters
          .filter((l) => l.dispatch.state === 'sent' && l.dispatch.forsendelseId)
          .filter((l) => !l.dispatch.status || !FINAL_STATUSES.has(l.dispatch.status))
          .map((l) => l.dispatch.forsendelseId!);
        if (open.length) {
          const answers = await statusSok(await credentials(session, account), open);
          const fresh = answers.filter((a) => {
            const known = r.letters.find((l) => l.dispatch.forsendelseId === a.id);
            return known !== undefined && known.dispatch.status !== a.status;
          });
          if (fresh.length) {
            await r.vault.append(
              r.caseId,
              fresh.map((a) => ({
                type: 'dispatch.status',
                data: { forsendelseId: a.id, status: a.status, changed: a.changed } satisfies DispatchStatus,
              })),
            );
            changed = fresh.length;
            r = await listFor(r.caseId);
          }
        }
      }
      return {
        caseId: r.caseId,
        asked: account !== null,
        changed,
        letters: r.letters.map((l) => ({ ...l.dispatch, letterId: l.letterId, ref: l.ref })),
      };
    },

    'dispatch.secret': async ({ password }) => {
      const stored = await session.dispatchSecret.set(password);
      if (password !== null && !stored)
        throw invalid('DISPATCH_NO_KEYCHAIN', 'password', 'No OS keychain here: nothing stored');
      return { stored };
    },
  };
}
