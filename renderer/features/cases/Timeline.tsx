import { useQuery } from '@tanstack/react-query';
import type { HistoryEntry } from '../../../shared/events/fold';
import { api } from '../../api';
import { nbDate, nbDateTime } from '../../app/format';
import { fieldLabel, optLabel, useI18n, type I18n, type TextKey } from '../../app/i18n';
import { Empty } from '../../app/ui';
import type { CaseData } from './useCase';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Fields whose stored value is a code with a label (`opt.<group>.<value>`). */
const OPTIONS: Record<string, Record<string, string>> = {
  referrals: { referredBy: 'referredBy', decision: 'decision', outcome: 'outcome' },
  recommendations: { label: 'label', target: 'target' },
  evaluations: { outcome: 'outcomeEval', decision: 'decisionEval' },
  absence: { type: 'absenceType' },
};

function showField(t: I18n['t'], entity: string, field: string, v: unknown): string {
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

function title(t: (k: TextKey, v?: Record<string, string | number>) => string, e: HistoryEntry): string {
  const [kind, verb] = e.type.split('.');
  if (kind === 'assignments' && e.changes.some((c) => c.field === 'handoverNote' || c.field === 'to'))
    return t('ev.caseworkerChange');
  if (verb === 'removed') return t('ev.removed', { what: t(`ev.${kind}.recorded` as TextKey) });
  const key = `ev.${e.type}` as TextKey;
  const s = t(key);
  return s === key ? e.type : s;
}

/** Everything recorded in the case, newest first: who changed what, when, why; both sides of a correction. */
export function Timeline({ data }: { data: CaseData }) {
  const { t } = useI18n();
  // Events name their author by member id; the names come from the vault's member records.
  const members = useQuery({ queryKey: ['members'], queryFn: () => api['members.list']({}) });
  const names = new Map((members.data?.members ?? []).map((m) => [m.memberId, m.name]));
  const entries = [...data.history].reverse();
  if (entries.length === 0) return <Empty>{t('timeline.empty')}</Empty>;
  return (
    <section className="panel" aria-labelledby="tl-title">
      <h2 id="tl-title">{t('timeline.title')}</h2>
      <ol className="timeline">
        {entries.map((e) => {
          const kind = e.type.split('.')[0]!;
          const entity = kind === 'case' ? 'case' : kind;
          const isChange = kind === 'assignments';
          return (
            <li key={e.eventId} className={isChange ? 'tl caseworker' : 'tl'}>
              <div className="tl-head">
                <strong>{title(t, e)}</strong>
                <span className="muted">
                  {nbDateTime(e.at)} {t('timeline.by', { actor: names.get(e.actor) ?? e.actor })}
                </span>
              </div>
              {e.changes.length > 0 && (
                <dl className="changes">
                  {e.changes.map((c) =>
                    c.field === '*' ? (
                      <div key="*">
                        <dt>{title(t, e)}</dt>
                        <dd>{c.to === 'removed' ? t('timeline.removed') : t('timeline.restored')}</dd>
                      </div>
                    ) : (
                      <div key={c.field}>
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
