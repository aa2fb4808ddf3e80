import { useEffect, useMemo } from 'react';
import { addDays, epochDay, weekdayOf } from '../../../shared/calendar/days';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { href } from '../../app/router';
import { Empty } from '../../app/ui';
import { useCases } from '../cases/CaseList';
import type { Deadline, Summary } from '../cases/rows';

interface Task {
  s: Summary;
  d: Deadline;
}

/**
 * Deadlines due by Sunday across all cases, overdue first. Built from the case list's summaries
 * (which carry each case's open deadlines), so it needs no second pass over the vault.
 */
export function TasksScreen() {
  const { t } = useI18n();
  const list = useCases();
  const today = todayIso();
  const sunday = addDays(today, 7 - weekdayOf(epochDay(today)));
  useEffect(() => {
    document.getElementById('tasks-title')?.focus();
  }, []);
  const { overdue, week } = useMemo(() => {
    const all: Task[] = [];
    for (const s of list.data?.cases ?? [])
      for (const d of s.deadlines ?? []) if (d.date <= sunday) all.push({ s, d });
    all.sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : 0));
    return { overdue: all.filter((x) => x.d.date < today), week: all.filter((x) => x.d.date >= today) };
  }, [list.data, sunday, today]);

  const group = (title: string, tasks: Task[], id: string) => (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-badge">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <Empty>{t('tasks.none')}</Empty>
      ) : (
        <ul className="tasks">
          {tasks.slice(0, 500).map(({ s, d }, i) => (
            <li key={`${s.caseId}-${i}`} className={d.date < today ? 'overdue' : ''}>
              <span className="task-date">{nbDate(d.date)}</span>
              <span className="task-kind">
                {t(`deadline.${d.kind}` as TextKey)}
                {d.promisedToPupil && <span className="badge promise">{t('deadline.promised')}</span>}
              </span>
              <a
                href={href({
                  name: 'case',
                  caseId: s.caseId,
                  tab:
                    d.kind === 'evaluation' ? 'measures' : d.kind === 'agreement' ? 'meetings' : 'referrals',
                })}
              >
                {s.pupil}
              </a>
              <span className="muted task-label">
                {d.kind === 'frist' || d.kind === 'interimReply'
                  ? `${t('ev.referrals.recorded')} ${d.label ?? ''}`
                  : d.label}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <section aria-labelledby="tasks-title">
      <div className="page-head">
        <h1 id="tasks-title" tabIndex={-1}>
          {t('tasks.title')}
        </h1>
      </div>
      <p className="lead">{t('tasks.lead', { date: nbDate(sunday) })}</p>
      {list.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          {group(t('tasks.overdue'), overdue, 'tasks-overdue')}
          {group(t('tasks.week'), week, 'tasks-week')}
        </>
      )}
      <p className="muted">{t('tasks.note')}</p>
    </section>
  );
}
