import { isSvarUtStatus } from '../../../shared/dispatch/svarut';
import type { FieldChange, HistoryEntry } from '../../../shared/events/fold';
import { nbDate, nbDateTime } from '../../app/format';
import { fieldLabel, optLabel, useI18n, type I18n, type TextKey } from '../../app/i18n';
import { Empty } from '../../app/ui';
import { useAuthorName } from '../registers/people';
import type { CaseData } from './useCase';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Fields whose stored value is a code with a label (`opt.<group>.<value>`). */
const OPTIONS: Record<string, Record<string, string>> = {
  referrals: { referredBy: 'referredBy', decision: 'decision', outcome: 'outcome' },
  recommendations: { label: 'label', target: 'target' },
  evaluations: { outcome: 'outcomeEval', decision: 'decisionEval' },
  absence: { type: 'absenceType' },
  notes: { kind: 'noteKind' },
  dispatch: { to: 'dispatchTo' },
};

/** Vault-internal links that mean nothing to a reader (the name beside them says it). */
const HIDDEN = new Set(['caseworkerId']);

/** A changed value as the timeline shows it: option codes, letter kinds and SvarUt statuses in words. */
export function showField(t: I18n['t'], entity: string, field: string, v: unknown): string {
  // The archive's and SvarUt's lines name a letter by its kind, and SvarUt's status in words
  // (the words the Brev tab uses for it).
  if (field === 'letter' && (entity === 'archive' || entity === 'dispatch') && typeof v === 'string')
    return t(`kind.${v}` as TextKey);
  if (entity === 'dispatch' && field === 'status' && isSvarUtStatus(v)) return t(`svarut.status.${v}`);
  const group = OPTIONS[entity]?.[field];
  return group && typeof v === 'string' ? optLabel(t, group, v) : show(v);
}

/** A stored value as short text: dates as dd.mm.åååå, groups as their filled-in parts. */
export function show(v: unknown): string {
  if (v == null || v === '') return '–';
  if (typeof v === 'string') return ISO.test(v) ? nbDate(v) : v;
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'number') return v.toLocaleString('nb');
  if (Array.isArray(v)) return v.map(show).join('; ');
  return Object.values(v as Record<string, unknown>)
    .filter((x) => x != null && x !== '')
    .map(show)
    .join(', ');
}

type T = I18n['t'];

function title(t: T, e: HistoryEntry): string {
  const [kind, verb] = e.type.split('.');
  if (verb === 'removed') {
    const key = `ev.${kind}.recorded` as TextKey;
    const what = t(key);
    return t('ev.removed', { what: what === key ? t('ev.case.recorded') : what });
  }
  // A confidential journal note let out of the case: its own line, with the reason beside it.
  if (e.type === 'notes.recorded' && e.changes.some((c) => c.field === 'released' && c.to != null))
    return t('ev.notes.released');
  // One type that says several things (an archive receipt for the case, a letter or a document;
  // a dispatch sent or packaged) has a title for each.
  if (e.variant) {
    const own = `ev.${e.type}.${e.variant}` as TextKey;
    const s = t(own);
    if (s !== own) return s;
  }
  const key = `ev.${e.type}` as TextKey;
  const s = t(key);
  // Never a raw event type: an unknown one (from a newer Bro) reads as «the case changed».
  return s === key ? t('ev.case.recorded') : s;
}

const changeTo = (e: HistoryEntry, field: string): FieldChange | undefined =>
  e.changes.find((c) => c.field === field);

/** One line of the timeline: an event, or a caseworker change (the old one ends, the new one starts). */
interface Item {
  entry: HistoryEntry;
  title: string;
  changes: { entity: string; change: FieldChange }[];
}

/**
 * The timeline's lines, newest first. A caseworker change is recorded as two events in one batch
 * (the old assignment ends with its handover note, the next begins): shown as one line naming both.
 */
export function timelineItems(t: T, history: readonly HistoryEntry[]): Item[] {
  // The caseworker's name per assignment, as it stood when each event was recorded.
  const nameOf = new Map<string, string>();
  const named = new Map<string, string>();
  for (const e of history) {
    if (e.type !== 'assignments.recorded' || !e.key) continue;
    const c = changeTo(e, 'caseworker');
    if (c && typeof c.to === 'string') nameOf.set(e.key, c.to);
    const name = nameOf.get(e.key);
    if (name) named.set(e.eventId, name);
  }
  const used = new Set<string>();
  const items: Item[] = [];
  const entity = (e: HistoryEntry) => e.type.split('.')[0]!;
  const visible = (e: HistoryEntry) =>
    e.changes.filter((c) => !HIDDEN.has(c.field)).map((change) => ({ entity: entity(e), change }));
  history.forEach((e, i) => {
    if (used.has(e.eventId)) return;
    if (e.type === 'assignments.recorded') {
      const ends = changeTo(e, 'to')?.to != null;
      const starts = changeTo(e, 'caseworker')?.from == null && changeTo(e, 'caseworker') !== undefined;
      if (ends) {
        // The next assignment started in the same batch (same time, same author).
        const next = history.find(
          (x, j) =>
            j !== i &&
            x.type === 'assignments.recorded' &&
            x.at === e.at &&
            x.actor === e.actor &&
            changeTo(x, 'caseworker')?.from == null &&
            changeTo(x, 'caseworker') !== undefined,
        );
        const from = named.get(e.eventId) ?? '–';
        if (next) {
          used.add(next.eventId);
          items.push({
            entry: e,
            title: t('ev.caseworkerChangeNamed', { from, to: String(changeTo(next, 'caseworker')!.to) }),
            changes: [...visible(e), ...visible(next)],
          });
        } else items.push({ entry: e, title: t('ev.caseworkerEnded', { name: from }), changes: visible(e) });
        return;
      }
      if (starts) {
        items.push({
          entry: e,
          title: t('ev.caseworkerSet', { name: String(changeTo(e, 'caseworker')!.to) }),
          changes: visible(e),
        });
        return;
      }
    }
    items.push({ entry: e, title: title(t, e), changes: visible(e) });
  });
  return items.reverse();
}

/** Everything recorded in the case, newest first: who changed what, when, why; both sides of a correction. */
export function Timeline({ data }: { data: CaseData }) {
  const { t } = useI18n();
  // Events name their author by member id; the names come from the vault's member records.
  const author = useAuthorName();
  const items = timelineItems(t, data.history);
  if (items.length === 0) return <Empty>{t('timeline.empty')}</Empty>;
  return (
    <section className="panel" aria-labelledby="tl-title">
      <h2 id="tl-title">{t('timeline.title')}</h2>
      <ol className="timeline">
        {items.map(({ entry: e, title: heading, changes }) => {
          const isChange = e.type.startsWith('assignments.');
          return (
            <li key={e.eventId} className={isChange ? 'tl caseworker' : 'tl'}>
              <div className="tl-head">
                <strong>{heading}</strong>
                <span className="muted">
                  {nbDateTime(e.at)} {t('timeline.by', { actor: author(e.actor) })}
                </span>
              </div>
              {changes.length > 0 && (
                <dl className="changes">
                  {changes.map(({ entity, change: c }, i) =>
                    c.field === '*' ? (
                      <div key={`*${i}`}>
                        <dt>{heading}</dt>
                        <dd>{c.to === 'removed' ? t('timeline.removed') : t('timeline.restored')}</dd>
                      </div>
                    ) : (
                      <div key={`${c.field}${i}`}>
                        <dt>{fieldLabel(t, entity, c.field)}</dt>
                        <dd>
                          {c.from != null && (
                            <>
                              <del>{showField(t, entity, c.field, c.from)}</del> →{' '}
                            </>
                          )}
                          <span>{showField(t, entity, c.field, c.to)}</span>
                        </dd>
                      </div>
                    ),
                  )}
                </dl>
              )}
              {e.reason && <p className="reason">{t('timeline.reason', { reason: e.reason })}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
