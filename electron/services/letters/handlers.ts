import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { letterOps } from '../../../shared/contract/letters';
import { BroError } from '../../../shared/errors';
import type { Letterhead } from '../../../shared/letters/settings';
import type { Session } from '../session';
import { createTestP12 } from '../signing/p12';
import { verifyLetterPdf } from '../signing/verify';
import { writeAtomic } from '../vault/atomic';
import { issueLetter, previewLetter, resolveCase } from './issue';

type Ops = typeof letterOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
export type LetterHandlers = { [K in keyof Ops]: (input: In<K>) => Promise<Out<K>> };

/** The letterhead from the app's settings, when one is filled in. */
function appLetterhead(session: Session): Letterhead | null {
  const lh = session.settings?.get().letterhead;
  if (!lh || !Object.values(lh).some((v) => typeof v === 'string' && v.trim() !== '')) return null;
  return { serviceName: lh.serviceName, address: lh.address, phone: lh.phone, email: lh.email };
}

const now = (session: Session) => new Date(session.opts.now?.() ?? Date.now());

/** The handlers of shared/contract/letters.ts; part of the one handler table (../handlers.ts). */
export function letterHandlers(session: Session): LetterHandlers {
  return {
    'letters.preview': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      const r = await previewLetter(
        vault,
        { caseId, kind: input.kind, lang: input.lang, options: input.options, settings: input.settings },
        { today: session.today(), appLetterhead: appLetterhead(session) },
      );
      return { findings: r.findings, lix: r.lix, canIssue: r.canIssue, letter: r.model };
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
          out: path.resolve(input.out),
          draft: input.draft,
          p12: input.p12 ?? null,
        },
        { today: session.today(), now: now(session), appLetterhead: appLetterhead(session) },
      );
    },
    'letters.verify': async ({ file, jwks }) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        throw new BroError('IO', 'Could not read the file', { detail: { reason: 'READ' } });
      }
      return verifyLetterPdf(bytes, jwks ? jwks.keys : null);
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
