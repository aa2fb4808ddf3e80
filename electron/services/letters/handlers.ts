import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { letterOps } from '../../../shared/contract/letters';
import { BroError } from '../../../shared/errors';
import { storedLetterPdfs } from './stored-pdf';
import type { Letterhead } from '../../../shared/letters/settings';
import type { Session } from '../session';
import { verifyLetterPdf } from '../signing/verify';
import { writeAtomic } from '../vault/atomic';
import { issueLetter, previewLetter, resolveCase } from './issue';
import { randomId } from '../vault/crypto';

type Ops = typeof letterOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
export type LetterHandlers = { [K in keyof Ops]: (input: In<K>) => Promise<Out<K>> };

/** The letterhead from the app's settings, when one is filled in. */
export function appLetterhead(session: Session): Letterhead | null {
  const lh = session.settings?.get().letterhead;
  if (!lh || !Object.values(lh).some((v) => typeof v === 'string' && v.trim() !== '')) return null;
  return {
    serviceName: lh.serviceName,
    address: lh.address,
    phone: lh.phone,
    email: lh.email,
    orgNumber: lh.orgNumber,
    municipality: lh.municipality,
    municipalityAddress: lh.municipalityAddress,
  };
}

const now = (session: Session) => new Date(session.opts.now?.() ?? Date.now());

/** The certificate for a PAdES signature: a path (the CLI), bytes (the host), or the one in the settings. */
function certificateOf(
  session: Session,
  p12: In<'letters.issue'>['p12'],
): (({ file: string } | { bytes: Buffer }) & { password: string }) | null {
  if (!p12) return null;
  if ('bytes' in p12) return { bytes: Buffer.from(p12.bytes, 'base64'), password: p12.password };
  if ('file' in p12) return { file: p12.file, password: p12.password };
  // Chosen in Innstillinger (a main-process dialog in the app, or the CLI): never a path from a renderer.
  const file = session.settings.get().signing.p12File;
  if (!file)
    throw new BroError('VALIDATION', 'No certificate in the settings', {
      issues: [{ path: ['p12'], code: 'NOT_CONFIGURED' }],
    });
  return { file, password: p12.password };
}

/** The handlers of shared/contract/letters.ts; part of the one handler table (../handlers.ts). */
export function letterHandlers(session: Session): LetterHandlers {
  return {
    'letters.preview': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      const req = {
        caseId,
        kind: input.kind,
        lang: input.lang,
        options: input.options,
        settings: input.settings,
      };
      const r = await previewLetter(vault, req, {
        today: session.today(),
        now: now(session),
        appLetterhead: appLetterhead(session),
        pdf: input.pdf === true,
        waiting: session.waitingSettings(),
      });
      return {
        findings: r.findings,
        lix: r.lix,
        canIssue: r.canIssue,
        letter: r.model,
        ...(r.pdf ? { pdf: r.pdf.toString('base64') } : {}),
      };
    },
    'letters.issue': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      return issueLetter(
        vault,
        {
          caseId,
          kind: input.kind,
          lang: input.lang,
          options: input.options,
          settings: input.settings,
          out: input.out === undefined ? null : path.resolve(input.out),
          draft: input.draft,
          p12: certificateOf(session, input.p12),
          draftId: input.draftId,
        },
        {
          today: session.today(),
          now: now(session),
          appLetterhead: appLetterhead(session),
          waiting: session.waitingSettings(),
        },
      );
    },
    'letters.verify': async (input) => {
      let bytes: Buffer;
      if ('pdf' in input) {
        // The app's way in: bytes from a chosen or dropped file, base64 checked by the contract.
        bytes = Buffer.from(input.pdf, 'base64');
      } else {
        try {
          bytes = await readFile(input.file);
        } catch {
          throw new BroError('IO', 'Could not read the file', { detail: { reason: 'READ' } });
        }
      }
      return verifyLetterPdf(bytes, input.jwks ? input.jwks.keys : null);
    },
    'letters.pdf': async ({ caseId: ref, letterId }) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, ref);
      const letter = (await vault.fold(caseId)).letters.find((l) => l.letterId === letterId);
      const pdf = letter
        ? (await storedLetterPdfs(vault, caseId, await vault.readCase(caseId), letterId)).get(letterId)
        : undefined;
      if (!letter || !pdf)
        throw new BroError('NOT_FOUND', 'No such letter in the case', {
          issues: [{ path: ['letterId'], code: 'NOT_FOUND' }],
        });
      await vault.audit('letter.read', caseId);
      return {
        pdf: pdf.toString('base64'),
        kind: letter.kind,
        date: letter.date,
        code: letter.code,
        letterId,
      };
    },
    'letters.saveDraft': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      if (input.draftId) {
        const state = await vault.fold(caseId);
        if (!state.drafts.some((d) => d.draftId === input.draftId && d.kind === input.kind))
          throw new BroError('NOT_FOUND', 'No such draft', {
            issues: [{ path: ['draftId'], code: 'NOT_FOUND' }],
          });
      }
      const draftId = input.draftId ?? randomId();
      const savedAt = now(session).toISOString();
      await vault.append(caseId, [
        {
          type: 'letters.drafted',
          data: { draftId, kind: input.kind, lang: input.lang, options: input.options, savedAt },
        },
      ]);
      return { draftId, savedAt };
    },
    'letters.discardDraft': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      const state = await vault.fold(caseId);
      if (!state.drafts.some((d) => d.draftId === input.draftId))
        throw new BroError('NOT_FOUND', 'No such draft', {
          issues: [{ path: ['draftId'], code: 'NOT_FOUND' }],
        });
      await vault.append(caseId, [
        {
          type: 'letters.draftDiscarded',
          data: { draftId: input.draftId, reason: input.reason ?? null },
        },
      ]);
      return {};
    },
    'keys.jwks': async () => {
      const vault = session.requireVault();
      const members = await vault.memberRecords();
      return {
        keys: members.map((m) => ({
          kty: m.publicJwk.kty,
          crv: m.publicJwk.crv,
          x: m.publicJwk.x,
          kid: m.publicJwk.kid,
          use: 'sig',
          alg: 'EdDSA',
          name: m.name,
        })),
      };
    },
    'cert.test': async (input) => {
      const out = path.resolve(input.out);
      // A P12 may hold a real key: never replace one.
      if (existsSync(out))
        throw new BroError('VALIDATION', 'The file exists', {
          issues: [{ path: ['out'], code: 'FILE_EXISTS' }],
        });
      const { createTestP12 } = await import('../signing/p12');
      const cert = createTestP12({
        name: input.name,
        ...(input.organisation ? { organisation: input.organisation } : {}),
        password: input.password,
        now: now(session),
        days: input.days,
      });
      try {
        await writeAtomic(out, cert.p12);
      } catch {
        throw new BroError('IO', 'Could not write the certificate', { detail: { reason: 'WRITE' } });
      }
      return { file: out, subject: cert.subject, fingerprint: cert.fingerprint, notAfter: cert.notAfter };
    },
  };
}
