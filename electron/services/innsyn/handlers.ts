import path from 'node:path';
import type { z } from 'zod';
import { accessLog } from '../../../shared/audit/actions';
import type { innsynOps } from '../../../shared/contract/innsyn';
import type { Progress, Session } from '../session';
import { resolveCase } from '../letters/issue';
import { makeInnsyn } from './make';

type Ops = typeof innsynOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
export type InnsynHandlers = { [K in keyof Ops]: (input: In<K>, progress?: Progress) => Promise<Out<K>> };

/** The letterhead from the app's settings, when one is filled in. */
function appLetterhead(session: Session) {
  const lh = session.settings?.get().letterhead;
  if (!lh || !Object.values(lh).some((v) => typeof v === 'string' && v.trim() !== '')) return null;
  return { serviceName: lh.serviceName, address: lh.address, phone: lh.phone, email: lh.email };
}

/** The handlers of shared/contract/innsyn.ts; part of the one handler table (../handlers.ts). */
export function innsynHandlers(session: Session): InnsynHandlers {
  return {
    'innsyn.make': async (input, progress) =>
      makeInnsyn(
        session.requireVault(),
        {
          caseId: input.caseId,
          out: input.out === undefined ? null : path.resolve(input.out),
          lang: input.lang,
          requestKey: input.request,
          answer: input.answer,
          to: input.to,
          legalBasis: input.legalBasis,
        },
        {
          today: session.today(),
          now: new Date(session.opts.now?.() ?? Date.now()),
          appLetterhead: appLetterhead(session),
          progress,
        },
      ),
    'audit.list': async ({ caseId, kinds, limit }) => {
      const vault = session.requireVault();
      const id = caseId === undefined ? undefined : await resolveCase(vault, caseId);
      const names = new Map((await vault.members()).map((m) => [m.memberId, m.name] as const));
      const all = accessLog(await vault.readAudit(), names, { caseId: id, kinds });
      return { entries: limit === undefined ? all : all.slice(0, limit), total: all.length };
    },
  };
}
