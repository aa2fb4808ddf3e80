import { createInterface } from 'node:readline';
import { BroError } from '../../../shared/errors';
import { EXIT, need, type Cli, type Command } from '../cli';

const VAULT_ID = /^[a-z2-7]{26}$/;

/** The vault id of a case named by its id in the service (`c-12`) or its vault id. */
async function resolveCase(cli: Cli, ref: string): Promise<{ caseId: string; pupil: string | null }> {
  const list = await cli.call('cases.list', {});
  const hit = list.cases.find((c) => c.externalId === ref || c.caseId === ref);
  if (hit) return { caseId: hit.caseId, pupil: hit.pupil };
  // A damaged case is listed apart, and a voided one not at all: both by their vault id.
  if (VAULT_ID.test(ref)) return { caseId: ref, pupil: null };
  throw new BroError('NOT_FOUND', 'No such case');
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
 * `bro case delete DIR --case ID --reason TEXT [--yes]`: deletes a case for good (docs/CLI.md). At
 * a terminal it names the case and asks for «slett»; a script passes `--yes` (without a terminal
 * and without `--yes` nothing is deleted).
 */
export const caseCommand: Command = {
  name: 'case',
  help: [
    [
      'case delete <mappe> --case ID --reason TEKST [--yes]',
      'Sletter en sak for godt (nøkler og filer); spør om bekreftelse i en terminal',
    ],
  ],
  async run(cli, rest) {
    const [sub, ...args] = rest;
    if (sub !== 'delete')
      throw new BroError('USAGE', 'bro case delete <dir> --case ID --reason TEXT [--yes]');
    need(args, 1, 'bro case delete <dir> --case ID --reason TEXT [--yes]');
    const ref = cli.flags.case?.[0];
    if (!ref) throw new BroError('USAGE', '--case ID is required');
    const reason = cli.flags.reason?.trim();
    if (!reason) throw new BroError('USAGE', '--reason TEXT is required: why the case is deleted');
    if (!cli.flags.yes && !cli.io.isTTY)
      throw new BroError('USAGE', 'Not at a terminal: pass --yes to delete without being asked');
    await cli.unlock(args[0]!);
    const { caseId, pupil } = await resolveCase(cli, ref);
    if (!cli.flags.yes) {
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
    await cli.call('cases.delete', { caseId, reason });
    await cli.session.vault?.close();
    cli.print({ deleted: true, caseId }, `Saken ${ref} er slettet.`);
    return EXIT.OK;
  },
};
