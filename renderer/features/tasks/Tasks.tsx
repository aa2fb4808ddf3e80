import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { addDays, epochDay, weekdayOf } from '../../../shared/calendar/days';
import type { OpOutput } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { href } from '../../app/router';
import { Empty, ErrorBox } from '../../app/ui';
import { useCases } from '../cases/CaseList';

type RuleTask = OpOutput<'tasks.list'>['tasks'][number];

interface Item {
  caseId: string;
  due: string;
  kind: RuleTask['kind'] | 'agreement';
  text: string | null;
  promisedToPupil?: boolean;
}

/** Which tab of the case folder a task is about. */
const TAB: Record<Item['kind'], string> = {
  provisionalReply: 'referrals',
  decision: 'referrals',
  fristPassing: 'referrals',
  firstContactTarget: 'referrals',
  evaluation: 'measures',
  schoolReply: 'measures',
  informParents: 'timeline',
  transition: 'pupil',
  accessRequest: 'timeline',
  agreement: 'meetings',
};

export function useTasks() {
  return useQuery({ queryKey: ['tasks'], queryFn: () => api['tasks.list']({}) });
}

/**
 * Everything due by Sunday across all cases, overdue first: the rule-based tasks of `tasks.list`
 * (foreløpig svar, BUP decision and frist, first contact, evaluations, the school's reply,
 * informing parents, transitions, innsyn) plus open meeting agreements with a deadline, which
 * the case summaries carry.
 */
export function TasksScreen() {
  const { t, error } = useI18n();
  const tasks = useTasks();
  const list = useCases();
  const today = todayIso();
  const sunday = addDays(today, 7 - weekdayOf(epochDay(today)));
  useEffect(() => {
    document.getElementById('tasks-title')?.focus();
  }, []);
  const names = useMemo(
    () => new Map((list.data?.cases ?? []).map((c) => [c.caseId, c.pupil || c.externalId])),
    [list.data],
  );
  const { overdue, week } = useMemo(() => {
    const all: Item[] = (tasks.data?.tasks ?? []).map((x) => ({
      caseId: x.caseId,
      due: x.due,
      kind: x.kind,
      text: x.ruleText,
    }));
    for (const s of list.data?.cases ?? [])
      for (const d of s.deadlines ?? [])
        if (d.kind === 'agreement')
          all.push({
            caseId: s.caseId,
            due: d.date,
            kind: 'agreement',
            text: d.label,
            ...(d.promisedToPupil ? { promisedToPupil: true } : {}),
          });
    const due = all.filter((x) => x.due <= sunday);
    due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return { overdue: due.filter((x) => x.due < today), week: due.filter((x) => x.due >= today) };
  }, [tasks.data, list.data, sunday, today]);

  const group = (title: string, items: Item[], id: string) => (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-badge">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <Empty>{t('tasks.none')}</Empty>
      ) : (
        <ul className="tasks">
          {items.slice(0, 500).map((x, i) => (
            <li key={`${x.caseId}-${x.kind}-${i}`} className={x.due < today ? 'overdue' : ''}>
              <span className="task-date">{nbDate(x.due)}</span>
              <span className="task-kind">
                {t(`task.${x.kind}` as TextKey)}
                {x.promisedToPupil && <span className="badge promise">{t('deadline.promised')}</span>}
              </span>
              <a href={href({ name: 'case', caseId: x.caseId, tab: TAB[x.kind] })}>
                {names.get(x.caseId) ?? '–'}
              </a>
              <span className="muted task-label" title={x.text ?? undefined}>
                {x.text}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const failed = tasks.error ?? list.error;
  return (
    <section aria-labelledby="tasks-title">
      <div className="page-head">
        <h1 id="tasks-title" tabIndex={-1}>
          {t('tasks.title')}
        </h1>
      </div>
      <p className="lead">{t('tasks.lead', { date: nbDate(sunday) })}</p>
      {failed && <ErrorBox>{failed instanceof BroError ? error(failed.code) : error('INTERNAL')}</ErrorBox>}
      {tasks.isPending || list.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          {group(t('tasks.overdue'), overdue, 'tasks-overdue')}
          {group(t('tasks.week'), week, 'tasks-week')}
        </>
      )}
      {(tasks.data?.skipped.length ?? 0) > 0 && (
        <p className="warn">{t('tasks.skipped', { n: tasks.data!.skipped.length })}</p>
      )}
      <p className="muted">{t('tasks.note')}</p>
    </section>
  );
}
