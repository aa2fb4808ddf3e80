import { summaryRules, type CaseSummary, type SummaryRules } from '../../../shared/cases/summary';
import type { WaitingSettings } from '../../../shared/waiting/settings';
import { foldCase } from '../../../shared/events/fold';
import type { StoredEvent } from '../../../shared/events/vocabulary';
import { eventsOfPlain, type PlainPlace } from './case-events';
import type { DamagedFile } from './damage';

/**
 * What making a case's summary from its decrypted files takes, the same on this thread and on the
 * case list's helper thread (./case-helper.ts): the content rule (`eventsOfPlain`), the fold, the
 * summary rules. Nothing here touches a key or a file.
 */

/** One decrypted plaintext of a case: an event file, a pack, or one record of a log. */
export interface PlainFile {
  /** The file inside the case folder, e.g. `logs/<device>-<kid>.log`. */
  file: string;
  plain: Uint8Array;
  at: PlainPlace;
}

/** A case decrypted: its plaintexts, and the files that did not open (damage). */
export interface DecryptedCase {
  plains: PlainFile[];
  bad: DamagedFile[];
}

/**
 * A case's events from its plaintexts (a later copy of an event replaces an earlier one), and
 * the files whose content is not the events they are bound to (`eventsOfPlain`), each once.
 */
export function eventsOfPlains(plains: readonly PlainFile[]): { events: StoredEvent[]; bad: string[] } {
  const byId = new Map<string, StoredEvent>();
  const bad: string[] = [];
  for (const p of plains) {
    if (bad.at(-1) === p.file) continue;
    const events = eventsOfPlain(p.plain, p.at);
    if (!events) {
      bad.push(p.file);
      continue;
    }
    for (const ev of events) byId.set(ev.id, ev);
  }
  return { events: [...byId.values()], bad };
}

/** The newest HLC of some events ('' for none): HLCs are fixed-width and sort as strings (§9.6). */
export function newestHlc(events: readonly StoredEvent[]): string {
  let newest = '';
  for (const ev of events) if (ev.hlc > newest) newest = ev.hlc;
  return newest;
}

/**
 * A case's summary from its events, or null for a folder whose first events never landed (a
 * crash right after it was made: not a case). `share`: the events are let go right after, so the
 * fold may share values with them (shared/events/fold.ts).
 */
export function summarizeEvents(
  caseId: string,
  events: readonly StoredEvent[],
  rules: SummaryRules,
  share: boolean,
): CaseSummary | null {
  const summarize = (parseAll: boolean) => {
    const state = foldCase(caseId, events as StoredEvent[], { parseAll, share });
    return state.opened ? rules.summarize(state) : null;
  };
  try {
    return summarize(false);
  } catch {
    // Payloads taken as checked that trip the summary up: every payload parsed, as before.
    return summarize(true);
  }
}

/** One case for the helper thread. Plaintexts are copied to it; keys never are. */
export interface SummaryJob {
  n: number;
  caseId: string;
  plains: PlainFile[];
  rules: { version: string; asOf: string; settings: WaitingSettings };
}

/**
 * What came back: the summary and the newest HLC, or the files whose content did not belong where
 * they were found (the case is then TAMPERED, naming them), or `failed` when the helper could not
 * apply the rules (the case is then read on the calling thread, which reports what went wrong).
 */
export interface SummaryResult {
  n: number;
  summary: CaseSummary | null;
  newest: string;
  bad: string[];
  failed?: true;
}

const made = new Map<string, SummaryRules>();

/** Does one job: the same steps, in the same order, as reading a case for the list on this thread. */
export function summaryJob(job: SummaryJob): SummaryResult {
  const out: SummaryResult = { n: job.n, summary: null, newest: '', bad: [] };
  try {
    // The version names the rules and the settings they were made with.
    const key = `${job.rules.version} ${job.rules.asOf}`;
    let rules = made.get(key);
    if (!rules) {
      rules = summaryRules(job.rules.asOf, job.rules.settings);
      made.set(key, rules);
    }
    if (rules.version !== job.rules.version) return { ...out, failed: true };
    const { events, bad } = eventsOfPlains(job.plains);
    if (bad.length) return { ...out, bad };
    out.newest = newestHlc(events);
    out.summary = summarizeEvents(job.caseId, events, rules, true);
    return out;
  } catch {
    return { ...out, bad: [], failed: true };
  }
}
