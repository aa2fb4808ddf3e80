import { BroError, type Issue } from '../errors';
import { ABSENCE_TYPES, absence, type Absence } from '../domain/absence';

/**
 * Absence figures as schools export them (issue 15, item 1): a CSV file, one row per period and
 * type. The one parser the app, the API and the CLI call.
 *
 * - UTF-8, with or without a byte-order mark; lines end with LF or CRLF; empty lines are skipped.
 * - Separator: semicolon (what Norwegian spreadsheets write) or comma, taken from the header line.
 *   Cells may be quoted ("…", with "" for a quote), so a decimal comma works with either.
 * - The first line names the columns, in any order, case-insensitive: `fra`, `til`, `hele dager`,
 *   `delvise dager`, `type`, and optionally `kilde`.
 * - Dates as dd.mm.åååå (or åååå-mm-dd); numbers with a decimal comma or point ("1,5").
 * - `type`: dokumentert, udokumentert, elevmotivert or foreldremotivert.
 *
 * Any bad row refuses the whole file (VALIDATION); each issue's path is ['line', N, column], N
 * counting from 1 for the header line, so nothing is imported and every fault can be found.
 */
export const ABSENCE_CSV_COLUMNS = ['fra', 'til', 'hele dager', 'delvise dager', 'type', 'kilde'] as const;
const REQUIRED = ['fra', 'til', 'hele dager', 'delvise dager', 'type'] as const;
/** Issues reported at most (the rest are the same kind of fault further down). */
const MAX_ISSUES = 50;

function splitLine(line: string, sep: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell.trim());
  return cells;
}

function parseDate(s: string): string | null {
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  const [y, m, d] = nb ? [nb[3]!, nb[2]!, nb[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (!y) return null;
  const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const t = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date ? null : date;
}

function parseNumber(s: string): number | null {
  if (!/^\d+([.,]\d+)?$/u.test(s)) return null;
  return Number(s.replace(',', '.'));
}

export function parseAbsenceCsv(text: string): Absence[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  const refuse = (issues: Issue[]) => {
    throw new BroError('VALIDATION', 'The absence file has faults; nothing was imported', {
      issues: issues.slice(0, MAX_ISSUES),
      detail: { line: Number(issues[0]!.path[1]) },
    });
  };
  if (headerAt < 0) refuse([{ path: ['line', 1], code: 'CSV_EMPTY' }]);
  const headerLine = lines[headerAt]!;
  const sep = headerLine.includes(';') ? ';' : ',';
  const header = (splitLine(headerLine, sep) ?? []).map((h) => h.toLocaleLowerCase('nb'));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    refuse(missing.map((c) => ({ path: ['line', headerAt + 1, c], code: 'CSV_COLUMN_MISSING' })));
  const col = (name: string) => header.indexOf(name);

  const out: Absence[] = [];
  const issues: Issue[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const cells = splitLine(raw, sep);
    if (!cells || cells.length !== header.length) {
      issues.push({ path: ['line', line], code: 'CSV_CELLS' });
      continue;
    }
    const cell = (name: string) => (col(name) >= 0 ? cells[col(name)]! : '');
    const rowIssues: Issue[] = [];
    const from = parseDate(cell('fra'));
    const to = parseDate(cell('til'));
    const whole = parseNumber(cell('hele dager'));
    const partial = parseNumber(cell('delvise dager'));
    const type = cell('type').toLocaleLowerCase('nb');
    if (!from) rowIssues.push({ path: ['line', line, 'fra'], code: 'CSV_DATE' });
    if (!to) rowIssues.push({ path: ['line', line, 'til'], code: 'CSV_DATE' });
    if (whole === null) rowIssues.push({ path: ['line', line, 'hele dager'], code: 'CSV_NUMBER' });
    if (partial === null) rowIssues.push({ path: ['line', line, 'delvise dager'], code: 'CSV_NUMBER' });
    if (!(ABSENCE_TYPES as readonly string[]).includes(type))
      rowIssues.push({ path: ['line', line, 'type'], code: 'CSV_TYPE' });
    if (from && to && to < from) rowIssues.push({ path: ['line', line, 'til'], code: 'CSV_TO_BEFORE_FROM' });
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    const parsed = absence.safeParse({
      from,
      to,
      wholeDays: whole,
      partialDays: partial,
      type,
      source: cell('kilde') || null,
    });
    if (!parsed.success) {
      for (const z of parsed.error.issues)
        issues.push({ path: ['line', line, String(z.path[0] ?? '')], code: 'CSV_VALUE' });
      continue;
    }
    out.push(parsed.data);
  }
  if (issues.length) refuse(issues);
  if (out.length === 0) refuse([{ path: ['line', headerAt + 2], code: 'CSV_EMPTY' }]);
  return out;
}
