import { useQuery } from '@tanstack/react-query';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { nbDate, todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';

/**
 * The lead's view of the caseload (`reports.caseload`): per caseworker, open cases and overdue
 * tasks today, from the same obligations as the case list and Oppgaver. De-identified as the
 * lead's screens are: caseworkers' names, never a pupil's.
 */
export function CaseloadPanel() {
  const { t, error } = useI18n();
  const today = todayIso();
  const load = useQuery({ queryKey: ['caseload', today], queryFn: () => api['reports.caseload']({}) });
  return (
    <section className="panel" aria-labelledby="load-title">
      <h2 id="load-title">{t('load.title')}</h2>
      <p className="muted">{t('load.lead', { date: nbDate(load.data?.asOf ?? today) })}</p>
      {load.error && (
        <ErrorBox>{load.error instanceof BroError ? error(load.error.code) : error('INTERNAL')}</ErrorBox>
      )}
      {!load.data ? (
        <p role="status">{t('app.loading')}</p>
      ) : load.data.rows.length === 0 ? (
        <p className="muted">{t('load.empty')}</p>
      ) : (
        <div className="wt-scroll">
          <table className="data caseload" aria-labelledby="load-title">
            <thead>
              <tr>
                <th scope="col">{t('load.owner')}</th>
                <th scope="col" className="num">
                  {t('load.open')}
                </th>
                <th scope="col" className="num">
                  {t('load.overdue')}
                </th>
                <th scope="col" className="num">
                  {t('load.casesOverdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {load.data.rows.map((r) => (
                <tr key={r.ownerId ?? r.owner ?? '-'}>
                  <th scope="row">
                    {r.owner ?? <em>{t('load.none')}</em>}
                    {r.mine && <span className="muted"> {t('load.you')}</span>}
                  </th>
                  <td className="num">{r.openCases}</td>
                  <td className={`num${r.overdueTasks > 0 ? ' overdue' : ''}`}>{r.overdueTasks}</td>
                  <td className="num">{r.casesWithOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
