import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { addDays, epochDay, weekdayOf } from '../../../shared/calendar/days';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { href } from '../../app/router';
import { Empty, ErrorBox } from '../../app/ui';
import { useKeptState } from '../../app/viewState';
import { useCases } from '../cases/CaseList';
import { nextStep, type TaskItem as Item } from './actions';

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
  accessRequest: 'innsyn',
  agreement: 'meetings',
  retention: 'timeline',
  measureRules: 'measures',
  proposalAnswer: 'voices',
  absenceUpdate: 'absence',
  minutes: 'meetings',
  revisit: 'referrals',
};

export function useTasks() {
  return useQuery({ queryKey: ['tasks'], queryFn: () => api['tasks.list']({}) });
}

/**
 * Everything due by Sunday across all cases, overdue first: the tasks of `tasks.list` (foreløpig
 * svar, BUP decision and frist, first contact, evaluations, the school's reply, informing parents,
 * transitions, innsyn, open meeting agreements), from the same derivation as the case list's
 * «Neste frist». `mine`: only the tasks of the cases whose caseworker is the member using the app.
 */
export function TasksScreen({ mine = false }: { mine?: boolean }) {
  const { t, error } = useI18n();
  // The filter survives leaving Oppgaver and coming back (renderer/app/viewState.ts).
  const [only, setOnly] = useKeptState<Item['kind'] | ''>('tasks.kind', '');
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
  const { overdue, week, kinds } = useMemo(() => {
    const all: Item[] = (tasks.data?.tasks ?? [])
      .filter((x) => !mine || x.mine)
      .map((x) => ({
        caseId: x.caseId,
        due: x.due,
        kind: x.kind,
        text: x.kind === 'agreement' && x.label ? x.label : x.ruleText,
        owner: x.owner,
        mine: x.mine,
        ...(x.change ? { change: x.change } : {}),
        ...(x.item !== undefined ? { item: x.item } : {}),
        ...(x.promisedToPupil ? { promisedToPupil: true } : {}),
      }));
    const inWeek = all.filter((x) => x.due <= sunday);
    const kinds = new Map<Item['kind'], number>();
    for (const x of inWeek) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
    const due = inWeek.filter((x) => only === '' || x.kind === only);
    due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return {
      overdue: due.filter((x) => x.due < today),
      week: due.filter((x) => x.due >= today),
      kinds: { total: inWeek.length, counts: [...kinds] },
    };
  }, [tasks.data, sunday, today, only, mine]);

  const group = (title: string, items: Item[], id: string) => (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-badge">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <Empty>{t('tasks.none')}</Empty>
      ) : (
        <ul className="tasks">
          {items.slice(0, 500).map((x, i) => {
            const who = names.get(x.caseId) ?? '–';
            const step = nextStep(x, today);
            return (
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
                  <span className="task-owner">
                    {x.owner ? t('tasks.owner', { name: x.owner }) : t('tasks.noOwner')}
                  </span>
                </span>
                <a
                  className="task-action"
                  href={href(step.route)}
                  aria-label={t(`tasks.act.${step.action}.for` as TextKey, { who })}
                >
                  {t(`tasks.act.${step.action}` as TextKey)}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );

  const failed = tasks.error ?? list.error;
  return (
    <section aria-labelledby="tasks-title">
      <div className="page-head">
        <h1 id="tasks-title" tabIndex={-1}>
          {mine ? t('tasks.mineTitle') : t('tasks.title')}
        </h1>
        <div className="head-actions">
          <a
            className="button"
            href={href({ name: 'tasks', ...(mine ? {} : { mine: true }) })}
            aria-current={mine ? 'page' : undefined}
          >
            {mine ? t('tasks.showAll') : t('list.myTasks')}
          </a>
        </div>
      </div>
      <p className="lead">{t('tasks.lead', { date: nbDate(sunday) })}</p>
      {kinds.total > 0 && (
        <div className="filters task-filter">
          <div className="field">
            <label htmlFor="task-kind">{t('tasks.filter')}</label>
            <select
              id="task-kind"
              value={only}
              onChange={(e) => setOnly(e.currentTarget.value as Item['kind'] | '')}
            >
              <option value="">{t('tasks.filterAll', { n: kinds.total })}</option>
              {kinds.counts.map(([k, n]) => (
                <option key={k} value={k}>
                  {t('tasks.filterKind', { kind: t(`task.${k}` as TextKey), n })}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
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
