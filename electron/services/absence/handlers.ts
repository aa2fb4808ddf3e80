import type { z } from 'zod';
import { parseAbsenceCsv } from '../../../shared/absence/csv';
import type { absenceOps } from '../../../shared/contract/absence';
import { BroError } from '../../../shared/errors';
import { updateCase } from '../cases/update';
import type { Progress, Session } from '../session';

type Ops = typeof absenceOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
export type AbsenceHandlers = { [K in keyof Ops]: (input: In<K>, progress?: Progress) => Promise<Out<K>> };

/** One import is one change set of the contract (cases.update takes at most 200 changes). */
export const ABSENCE_IMPORT_MAX_ROWS = 200;

/**
 * The CSV's text: UTF-8 (a byte-order mark is the parser's to drop). Bytes that are not UTF-8 (a
 * file saved as Windows-1252) are refused, not read with replacement characters.
 */
export function absenceCsvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new BroError('VALIDATION', 'The absence file is not UTF-8 text', {
      issues: [{ path: ['line', 1], code: 'CSV_ENCODING' }],
    });
  }
}

/** Parses and checks the rows, nothing written: what `bro absence --import` and the app both take. */
export function absenceRows(text: string) {
  const records = parseAbsenceCsv(text);
  if (records.length > ABSENCE_IMPORT_MAX_ROWS)
    throw new BroError('VALIDATION', 'Too many rows', {
      issues: [{ path: ['line', ABSENCE_IMPORT_MAX_ROWS + 2], code: 'CSV_TOO_MANY' }],
    });
  return records;
}

/** The handlers of shared/contract/absence.ts; part of the one handler table (../handlers.ts). */
export function absenceHandlers(session: Session): AbsenceHandlers {
  return {
    'absence.import': async ({ caseId, csv }) => {
      const vault = session.requireVault();
      const records = absenceRows(absenceCsvText(Buffer.from(csv, 'base64')));
      // All rows in one change set: the case's own rules judge them, and all or none are written.
      const r = await updateCase(
        vault,
        caseId,
        records.map((a) => ({ op: 'set' as const, entity: 'absence' as const, set: { ...a } })),
        session.today(),
      );
      return { imported: records.length, events: r.events };
    },
  };
}
