import { readFile } from 'node:fs/promises';
import type { absenceOverTime, SnapshotKind } from '../../../shared/absence/monthly';
import type { Absence } from '../../../shared/domain/absence';
import { BroError } from '../../../shared/errors';
import { EXIT, nbDate, need, pad, type Command } from '../cli';

const SNAPSHOT_TEXT: Record<SnapshotKind, string> = {
  referral: 'Ved henvisning',
  firstContact: 'Ved første kontakt',
  evaluation: 'Ved evaluering',
};

const pct = (p: number | null) => (p === null ? '–' : `${p.toLocaleString('nb')} %`);

/**
 * `bro absence DIR --case ID [--json]`: the pupil's absence month by month (shared/absence/monthly.ts,
 * the one derivation the app shows too) and the rate at referral, first contact and each evaluation.
 */
export const absenceCommand: Command = {
  name: 'absence',
  help: [
    [
      'absence <mappe> --case ID --import FIL.csv',
      'Leser inn skolens fraværstall (CSV); en feil rad stopper alt',
    ],
    [
      'absence <mappe> --case ID',
      'Fraværet måned for måned (skoledager, fraværsdager, prosent) og ved milepælene',
    ],
  ],
  async run(cli, rest) {
    need(rest, 1, 'bro absence <dir> --case ID');
    const ref = cli.flags.case?.[0];
    if (!ref) throw new BroError('USAGE', '--case ID is required');
    await cli.unlock(rest[0]!);
    const list = await cli.call('cases.list', {});
    const hit = list.cases.find((c) => c.externalId === ref || c.caseId === ref);
    if (!hit) {
      await cli.session.vault?.close();
      throw new BroError('NOT_FOUND', 'No such case');
    }
    if (cli.flags.import !== undefined) {
      // The school's figures: all rows, or none (a bad row is named by its line number).
      let records: Absence[];
      try {
        // The same reading as the app's absence.import: UTF-8 or refused, then the one parser.
        const { absenceCsvText, absenceRows } = await import('../../services/absence/handlers');
        records = absenceRows(absenceCsvText(await readFile(cli.flags.import)));
      } catch (e) {
        await cli.session.vault?.close();
        throw e instanceof BroError ? e : new BroError('IO', 'The absence file cannot be read');
      }
      const r = await cli.call('cases.update', {
        caseId: hit.caseId,
        changes: records.map((a) => ({ op: 'set' as const, entity: 'absence' as const, set: { ...a } })),
      });
      await cli.session.vault?.close();
      cli.print(
        { case: hit.externalId, imported: records.length, events: r.events },
        `Leste inn ${records.length} fraværsperioder i sak ${hit.externalId}.`,
      );
      return EXIT.OK;
    }
    const c = await cli.call('cases.get', { caseId: hit.caseId });
    // The school holidays the service has entered leave the rate's school days (register schoolHolidays).
    const { schoolHolidays } = await cli.call('registers.get', {});
    await cli.session.vault?.close();
    const doc = c.doc as Parameters<typeof absenceOverTime>[0] & { absence?: Absence[] | null };
    const { absenceOverTime: overTime } = await import('../../../shared/absence/monthly');
    const r = overTime(doc, { holidays: schoolHolidays });
    const json = { case: hit.externalId, ...r };
    const human = [
      `Fravær i sak ${hit.externalId}: ${r.months.length} måneder med tall (delvise dager teller som en halv dag${schoolHolidays.length ? '; skoleferiene i registeret er trukket fra' : ''}).`,
      ...(r.months.length
        ? [
            `${pad('Måned', 8)} ${pad('Skoledager', 11)} ${pad('Fraværsdager', 13)} Prosent`,
            ...r.months.map(
              (m) =>
                `${pad(m.month, 8)} ${pad(String(m.schoolDays), 11)} ${pad(m.absentDays.toLocaleString('nb'), 13)} ${pct(m.percent)}`,
            ),
          ]
        : []),
      ...r.snapshots.map(
        (s) =>
          `${SNAPSHOT_TEXT[s.kind]} ${nbDate(s.date)}: ${pct(s.percent)}${s.month ? ` (${s.month})` : ''}`,
      ),
    ].join('\n');
    cli.print(json, human);
    return EXIT.OK;
  },
};
