import { EXIT, need, nbDate, type Command } from '../cli';

const saturdayInput = (sat: boolean | undefined) => (sat ? { saturday: true } : {});

export const daysCommand: Command = {
  name: 'days',
  help: [['days <fra> <til> [--saturday]', 'Kalenderdager og virkedager mellom to datoer (fra < d ≤ til)']],
  async run(cli, rest) {
    need(rest, 2, 'bro days <from> <to>');
    const [from, to] = rest as [string, string];
    const r = await cli.call('calendar.days', { from, to, ...saturdayInput(cli.flags.saturday) });
    cli.print(
      r,
      `${nbDate(from)}–${nbDate(to)}: ${r.calendarDays} kalenderdager, ${r.workingDays} virkedager${cli.flags.saturday ? ' (lørdag regnet som virkedag)' : ''}.`,
    );
    return EXIT.OK;
  },
};

export const deadlineCommand: Command = {
  name: 'deadline',
  help: [['deadline <dato> <N> [--saturday]', 'Datoen for den N-te virkedagen etter datoen (frist)']],
  async run(cli, rest) {
    need(rest, 2, 'bro deadline <date> <N>');
    const [date, nText] = rest as [string, string];
    // A count that is not a whole number is passed on as it is, so the contract names it.
    const n = /^\d+$/.test(nText) ? Number(nText) : nText;
    const r = await cli.call('calendar.deadline', { date, n, ...saturdayInput(cli.flags.saturday) });
    cli.print(r, `${n} virkedager etter ${nbDate(date)}: ${nbDate(r.date)}.`);
    return EXIT.OK;
  },
};
