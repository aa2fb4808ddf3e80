import { createInterface } from 'node:readline';
import { BroError } from '../../../shared/errors';
import { EXIT, nbDate, need, type Cli, type Command } from '../cli';

const ID = /^[a-z2-7]{26}$/;
const USAGE =
  'bro case restrict <dir> --case ID --members MEMBER-ID[,MEMBER-ID…] | grant|revoke <dir> --case ID --member MEMBER-ID';

/** `--case`: the case's id in the vault (as `bro cases --json` gives it), or its own id (externalId). */
async function caseIdOf(cli: Cli): Promise<string> {
  const given = cli.flags.case ?? [];
  if (given.length !== 1 || !given[0])
    throw new BroError('USAGE', USAGE, { issues: [{ path: ['case'], code: 'REQUIRED' }] });
  const want = given[0];
  if (ID.test(want)) return want;
  const { cases } = await cli.call('cases.list', { includeVoided: true });
  const hits = cases.filter((c) => c.externalId !== '' && c.externalId === want);
  if (hits.length !== 1)
    throw new BroError('NOT_FOUND', 'No such case', { issues: [{ path: ['case'], code: 'NOT_FOUND' }] });
  return hits[0]!.caseId;
}

function memberIds(raw: string | undefined, flag: 'members' | 'member'): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0 || (flag === 'member' && ids.length !== 1))
    throw new BroError('USAGE', USAGE, { issues: [{ path: [flag], code: 'REQUIRED' }] });
  ids.forEach((id, i) => {
    if (!ID.test(id))
      throw new BroError('VALIDATION', 'Not a member id', {
        issues: [{ path: [flag, i], code: 'ID_CHARS' }],
      });
  });
  return ids;
}

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

/**
 * What a refused deletion lacks (archiveBeforeDelete's NOT_ARCHIVED issues), in words: each letter
 * by kind and date (as `bro letters` shows it), each received document by its id, type and date
 * received (as `bro archive status` names it; not its title, which may name the pupil, on an error
 * path a script may log). The issues themselves follow in the error report.
 */
async function notArchivedText(cli: Cli, caseId: string, ref: string, e: BroError): Promise<string> {
  // Neither call is a read of the case in the access log (cases.get is): a refused deletion
  // did not open the case.
  const { letters } = await cli.call('letters.list', { caseId });
  const docs = (await cli.call('archive.status', { caseId })).documents;
  // Loaded here, not at start: `bro help` and the other commands do not pay for the letter texts.
  const { NB } = await import('../../../shared/letters/texts');
  const lines: string[] = [];
  let nLetters = 0;
  let nDocs = 0;
  for (const i of e.issues) {
    if (i.code !== 'NOT_ARCHIVED') continue;
    const [part, id] = i.path;
    if (part === 'letters') {
      nLetters++;
      const l = letters.find((x) => x.letterId === id);
      lines.push(`  brev: ${l ? `${NB.kindTitle[l.kind]}, ${nbDate(l.date)}` : String(id)}`);
    } else if (part === 'documents') {
      nDocs++;
      const d = docs.find((x) => x.attachmentId === id);
      lines.push(
        `  mottatt dokument: ${String(id)}${d?.type && d.received ? ` (${d.type.toUpperCase()}, mottatt ${nbDate(d.received)})` : ''}`,
      );
    }
  }
  const what = [
    nLetters ? `${nLetters} brev` : '',
    nDocs ? `${nDocs} ${nDocs === 1 ? 'mottatt dokument' : 'mottatte dokumenter'}` : '',
  ]
    .filter(Boolean)
    .join(' og ');
  return (
    [
      `Kommunens arkiv mangler ${what} fra saken ${ref}:`,
      ...lines,
      'Lag arkivpakke med «bro archive», les inn kvitteringene med «bro archive receipt» og slett så.',
      'En sak som ikke skal arkiveres (for eksempel opprettet ved en feil), slettes med --without-archive.',
    ].join('\n') + '\n'
  );
}

/**
 * `bro case delete DIR --case ID --reason TEXT [--yes] [--without-archive]`: deletes a case for good
 * (docs/CLI.md). At a terminal it names the case and asks for «slett»; a script passes `--yes`
 * (without a terminal and without `--yes` nothing is deleted). A case whose letters and received
 * documents the archive has not all filed is refused (VALIDATION, NOT_ARCHIVED per letter and per
 * document, each named on stderr) unless `--without-archive`.
 */
async function runDelete(cli: Cli, args: string[]): Promise<number> {
  need(args, 1, 'bro case delete <dir> --case ID --reason TEXT [--yes] [--without-archive]');
  const ref = cli.flags.case?.[0];
  if (!ref) throw new BroError('USAGE', '--case ID is required');
  const reason = cli.flags.reason?.trim();
  if (!reason) throw new BroError('USAGE', '--reason TEXT is required: why the case is deleted');
  if (!cli.flags.yes && !cli.io.isTTY)
    throw new BroError('USAGE', 'Not at a terminal: pass --yes to delete without being asked');
  await cli.unlock(args[0]!);
  const caseId = await caseIdOf(cli);
  if (!cli.flags.yes) {
    const { cases } = await cli.call('cases.list', { includeVoided: true });
    const pupil = cases.find((c) => c.caseId === caseId)?.pupil ?? null;
    const who = pupil ? `saken til ${pupil} (${ref})` : `saken ${ref}`;
    cli.io.err(
      `Dette sletter ${who} for godt: nøkkelen og alle filene. Det kan ikke angres.\n` +
        'Er dokumentene arkivert i kommunens arkiv?\n',
    );
    const answer = await ask('Skriv «slett» for å slette: ');
    if (answer.trim().toLowerCase() !== 'slett') {
      await cli.session.vault?.close();
      cli.print({ deleted: false }, 'Ingenting er slettet.');
      return EXIT.OK;
    }
  }
  const withoutArchive = cli.flags['without-archive'] === true;
  try {
    await cli.call('cases.delete', { caseId, reason, ...(withoutArchive ? { withoutArchive } : {}) });
  } catch (e) {
    if (!cli.flags.json && e instanceof BroError && e.issues.some((i) => i.code === 'NOT_ARCHIVED'))
      // The refusal is what counts: a lead that cannot be written is left out.
      cli.io.err(await notArchivedText(cli, caseId, ref, e).catch(() => ''));
    throw e;
  } finally {
    await cli.session.vault?.close();
  }
  cli.print({ deleted: true, caseId }, `Saken ${ref} er slettet.`);
  return EXIT.OK;
}

export const caseCommand: Command = {
  name: 'case',
  help: [
    [
      'case restrict <mappe> --case ID --members ID[,ID…]',
      'Begrens en sak til navngitte medlemmer: ny nøkkel bare for dem, alt krypteres om',
    ],
    ['case grant <mappe> --case ID --member ID', 'Gi et medlem tilgang til en begrenset sak'],
    [
      'case revoke <mappe> --case ID --member ID',
      'Ta bort et medlems tilgang: sakens nøkkel byttes, den gamle åpner ikke noe nytt',
    ],
    [
      'case delete <mappe> --case ID --reason TEKST [--yes] [--without-archive]',
      'Sletter en sak for godt (nøkler og filer) når arkivet har alle brevene og mottatte dokumenter; spør om bekreftelse i en terminal',
    ],
  ],
  async run(cli, rest) {
    if (rest[0] === 'delete') return runDelete(cli, rest.slice(1));
    const [sub, dir] = rest;
    need(rest, 2, USAGE);
    if (sub !== 'restrict' && sub !== 'grant' && sub !== 'revoke') throw new BroError('USAGE', USAGE);
    // Flags are checked before the passphrase is asked for.
    const members =
      sub === 'restrict' ? memberIds(cli.flags.members, 'members') : memberIds(cli.flags.member, 'member');
    await cli.unlock(dir!);
    try {
      const caseId = await caseIdOf(cli);
      const r =
        sub === 'restrict'
          ? await cli.call('cases.restrict', { caseId, members })
          : await cli.call(sub === 'grant' ? 'cases.grant' : 'cases.revoke', {
              caseId,
              memberId: members[0]!,
            });
      const what =
        sub === 'restrict'
          ? 'Saken er begrenset. Den er kryptert på nytt med en nøkkel som bare disse medlemmene har:'
          : sub === 'grant'
            ? 'Tilgang gitt. Disse medlemmene kan nå åpne saken:'
            : 'Tilgangen er tatt bort, og sakens nøkkel er byttet. Disse medlemmene kan åpne saken:';
      cli.print({ ok: true, ...r }, [what, ...r.members.map((m) => `  ${m}`)].join('\n'));
      return EXIT.OK;
    } finally {
      await cli.session.vault?.close();
    }
  },
};
