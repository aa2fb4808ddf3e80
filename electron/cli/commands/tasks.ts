import type { TaskKind } from '../../../shared/waiting/tasks';
import { EXIT, nbDate, need, pad, type Command } from '../cli';
import { settingsFromFlags } from './waiting-io';

export const TASK_TEXT: Record<TaskKind, string> = {
  provisionalReply: 'Foreløpig svar',
  decision: 'Vurdering av henvisningen',
  fristPassing: 'Frist for helsehjelp',
  firstContactTarget: 'Første kontakt',
  evaluation: 'Evaluering av tiltak',
  schoolReply: 'Svar fra skolen',
  informParents: 'Informer foresatte',
  transition: 'Overgang',
  accessRequest: 'Innsynskrav',
  agreement: 'Møteavtale',
  retention: 'Arkiver og slett arbeidskopien',
  measureRules: 'Tiltak å fullføre',
  proposalAnswer: 'Svar på foresattes innspill',
  absenceUpdate: 'Nye fraværstall fra skolen',
  minutes: 'Referat til alle parter',
  revisit: 'Gå gjennom anbefalingene',
};

export const tasksCommand: Command = {
  name: 'tasks',
  help: [
    [
      'tasks <mappe> [--as-of DATO] [--owner NAVN]',
      'Oppgaver og frister på tvers av sakene per dato; --owner: bare én saksbehandlers',
    ],
  ],
  async run(cli, rest) {
    need(rest, 1, 'bro tasks <dir> [--as-of DATE] [--owner NAME]');
    await cli.unlock(rest[0]!);
    const asOf = cli.flags['as-of'];
    const owner = cli.flags.owner;
    const r = await cli.call('tasks.list', {
      ...(asOf !== undefined ? { asOf } : {}),
      ...(owner !== undefined ? { owner } : {}),
      ...(await settingsFromFlags(cli)),
    });
    await cli.session.vault?.close();
    const overdue = r.tasks.filter((t) => t.status === 'overdue').length;
    const human = [
      `Oppgaver per ${nbDate(r.asOf)}: ${r.tasks.length} (${overdue} på overtid)${owner !== undefined ? ` for ${owner}` : ''}.`,
      ...(r.tasks.length
        ? [
            `${pad('Frist', 11)} ${pad('Sak', 14)} ${pad('Oppgave', 26)} ${pad('Status', 9)} ${pad('Saksbehandler', 20)} Regel`,
            ...r.tasks.map(
              (t) =>
                `${nbDate(t.due)} ${pad(t.case, 14)} ${pad(`${TASK_TEXT[t.kind]}${t.ref ? ` (${t.ref})` : ''}`, 26)} ${pad(
                  t.status === 'overdue' ? 'OVERTID' : 'snart',
                  9,
                )} ${pad(t.owner ?? 'uten saksbehandler', 20)} ${t.ruleText}`,
            ),
          ]
        : []),
      ...r.skipped.map((s) => `Hoppet over skadet sak ${s.caseId} (${s.code}).`),
    ].join('\n');
    cli.print(r, human);
    return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
  },
};
