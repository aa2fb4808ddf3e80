import { BroError } from '../../../shared/errors';
import { localDayOf } from '../../../shared/calendar/days';
import { EXIT, nbDate, need, pad, readJsonFile, type Cli, type Command } from '../cli';
import { askSecret } from '../prompt';

/** Norwegian names of the recipient roles on a letter. */
const ROLE_NB: Record<string, string> = {
  rektor: 'rektor',
  kontaktlærer: 'kontaktlærer',
  foresatte: 'foresatte',
  kommune: 'kommunen',
  tjeneste: 'tjeneste',
  mottakerskole: 'mottakerskolen',
};

function caseFlag(cli: Cli, usage: string): string {
  const caseId = cli.flags.case?.[0];
  if (!caseId || cli.flags.case!.length > 1) throw new BroError('USAGE', usage);
  return caseId;
}

/** `bro letters DIR --case ID`: a case's issued letters with archive and dispatch status (issue 19 item 2). */
export const lettersCommand: Command = {
  name: 'letters',
  help: [
    [
      'letters <mappe> --case ID',
      'Sakens sendte brev: referanse slik den står på brevet, type, dato, mottakere, arkiv- og forsendelsesstatus',
    ],
  ],
  async run(cli, rest) {
    const usage = 'bro letters <dir> --case ID [--json]';
    need(rest, 1, usage);
    const caseId = caseFlag(cli, usage);
    await cli.unlock(rest[0]!);
    const r = await cli.call('letters.list', { caseId });
    await cli.session.vault?.close();
    // Loaded here, not at start: `bro help` and the other commands do not pay for the letter texts.
    const { NB } = await import('../../../shared/letters/texts');
    const lines =
      r.letters.length === 0
        ? ['Ingen sendte brev i saken.']
        : [
            `${r.letters.length} sendte brev:`,
            ...r.letters.flatMap((l) => [
              `  ${pad(l.ref, 34)} ${pad(NB.kindTitle[l.kind], 26)} ${nbDate(l.date)}`,
              `      Til: ${
                l.recipients
                  .filter((x) => x.names.length > 0 || x.role === 'foresatte')
                  .map(
                    (x) => `${ROLE_NB[x.role] ?? x.role}${x.names.length ? ` (${x.names.join(', ')})` : ''}`,
                  )
                  .join('; ') || '–'
              }`,
              `      ${l.archive.archived ? `Arkivert: ${l.archive.reference}` : 'Ikke arkivert'} · ${l.dispatch.text}`,
            ]),
          ];
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};

/** `--settings FILE`: the SvarUt account under "svarut" (one file for all settings). */
async function accountFromFlags(cli: Cli): Promise<void> {
  if (!cli.flags.settings) return;
  const file = (await readJsonFile(cli.flags.settings)) as Record<string, unknown> | null;
  const block = file && typeof file === 'object' ? file.svarut : undefined;
  if (block === undefined) return;
  const { svarut } = await import('../../../shared/settings/schema');
  const parsed = svarut.safeParse(block);
  if (!parsed.success)
    throw new BroError('VALIDATION', 'The SvarUt settings are not valid', {
      issues: parsed.error.issues.map((i) => ({
        path: ['svarut', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        code: i.message && /^[A-Z_]+$/u.test(i.message) ? i.message : i.code,
      })),
    });
  await cli.call('settings.set', { svarut: parsed.data });
}

/** The national identity number for this sending only: BRO_NATIONAL_ID, else a hidden prompt. Never a flag value (shell history). */
async function nationalId(cli: Cli): Promise<string | undefined> {
  if (cli.flags['national-id'] !== true) return undefined;
  const fromEnv = cli.io.env.BRO_NATIONAL_ID;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw new BroError('USAGE', 'Mangler fødselsnummer: sett BRO_NATIONAL_ID, eller kjør i en terminal', {
      detail: { reason: 'NO_SECRET' },
    });
  return askSecret('Fødselsnummer (brukes bare til denne forsendelsen, lagres ikke): ');
}

/**
 * `bro dispatch DIR --case ID --letter REF --out FOLDER`: the SvarUt forsendelse for one issued
 * letter. With an account (`--settings FILE` with "svarut") it sends; without, it writes the package.
 */
export const dispatchCommand: Command = {
  name: 'dispatch',
  help: [
    [
      'dispatch <mappe> --case ID --letter REF --out MAPPE',
      'Forsendelse for KS SvarUt: uten konto skrives pakken (forsendelse.json, PDF, LES-MEG.txt) til MAPPE; med konto (--settings FIL med "svarut") sendes brevet',
    ],
    [
      '  --to skole|foresatte',
      'Mottaker (standard skole: organisasjonsnummeret fra skoleregisteret); --guardian NAVN, --national-id (spør skjult), --address/--postcode/--place',
    ],
    ['dispatch status <mappe> --case ID', 'Spør SvarUt om status for sakens sendte brev og lagre endringene'],
  ],
  async run(cli, rest) {
    if (rest[0] === 'status') return status(cli, rest.slice(1));
    const usage =
      'bro dispatch <dir> --case ID --letter REF --out FOLDER [--to skole|foresatte] [--guardian NAME] [--national-id] [--address TEXT --postcode NNNN --place TEXT]';
    need(rest, 1, usage);
    const caseId = caseFlag(cli, usage);
    const letter = cli.flags.letter;
    if (!letter) throw new BroError('USAGE', usage);
    const to = cli.flags.to ?? 'skole';
    if (to !== 'skole' && to !== 'foresatte')
      throw new BroError('USAGE', '--to må være skole eller foresatte');
    const { address, postcode, place } = cli.flags;
    const anyAddress = address !== undefined || postcode !== undefined || place !== undefined;
    await accountFromFlags(cli);
    const account = cli.session.settings.get().svarut;
    const configured = Boolean(account.endpoint || account.kontoId || account.integrationId);
    if (!configured && !cli.flags.out)
      throw new BroError('USAGE', 'Ingen SvarUt-konto er satt opp: oppgi --out MAPPE for pakken', {
        detail: { reason: 'DISPATCH_NO_ACCOUNT' },
      });
    const id = await nationalId(cli);
    await cli.unlock(rest[0]!);
    const r = await cli.call('dispatch.make', {
      caseId,
      letter,
      to,
      ...(cli.flags.guardian ? { guardian: cli.flags.guardian } : {}),
      ...(id !== undefined ? { nationalId: id } : {}),
      ...(anyAddress
        ? { address: { line1: address ?? '', postcode: postcode ?? '', place: place ?? '' } }
        : {}),
      ...(configured ? {} : { out: cli.flags.out! }),
    });
    await cli.session.vault?.close();
    const endpoint = { organisasjon: 'organisasjon', person: 'person', print: 'utskrift og post' }[
      r.endpoint
    ];
    const lines =
      r.channel === 'svarut'
        ? [
            `Sendt med SvarUt (${endpoint}, sikkerhetsnivå 4): brev ${r.ref}.`,
            `  Forsendelses-id: ${r.forsendelseId}`,
            `  Ekstern referanse: ${r.eksternReferanse}`,
            'Følg statusen med «bro dispatch status».',
          ]
        : [
            `Skrev forsendelsen for SvarUt (${endpoint}) til ${r.folder}: brev ${r.ref}.`,
            ...r.files.map((f) => `  ${f}`),
            'Ingen SvarUt-konto er satt opp: last opp pakken i SvarUt selv (se LES-MEG.txt).',
          ];
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};

async function status(cli: Cli, rest: string[]): Promise<number> {
  const usage = 'bro dispatch status <dir> --case ID';
  need(rest, 1, usage);
  const caseId = caseFlag(cli, usage);
  await accountFromFlags(cli);
  await cli.unlock(rest[0]!);
  const r = await cli.call('dispatch.status', { caseId });
  await cli.session.vault?.close();
  const lines = [
    r.asked
      ? r.changed === 0
        ? 'Spurte SvarUt: ingen endringer.'
        : `Spurte SvarUt: ${r.changed} ny${r.changed === 1 ? '' : 'e'} status${r.changed === 1 ? '' : 'er'} lagret.`
      : 'Ingen SvarUt-konto er satt opp: viser lagret status.',
    ...r.letters.map((l) => `  ${pad(l.ref, 34)} ${l.text}${l.at ? ` (${nbDate(localDayOf(l.at))})` : ''}`),
  ];
  cli.print({ ok: true, ...r }, lines.join('\n'));
  return EXIT.OK;
}
