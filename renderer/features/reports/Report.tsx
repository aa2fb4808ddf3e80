import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { SERVICES, type Service } from '../../../shared/domain/common';
import { BroError } from '../../../shared/errors';
import type { Unit } from '../../../shared/waiting/report';
import { api } from '../../api';
import { nbDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { ReportFigures } from './Figures';
import { ExportPanel, reportInput } from './controls';
import { MetricsPanel } from './Metrics';
import { CaseloadPanel } from '../registers/Caseload';
import { chartGrouping, type Selection } from './period';
import { PeriodFields, usePeriodForm } from './period-form';

/**
 * The service lead's waiting-time dashboard: a period, a service and a unit; the report's key
 * figures with their targets, a chart per measure with its table, caseworker changes and the open
 * referrals; the report as CSV, XLSX and PDF; and signed metrics bundles to export and merge.
 */
export function ReportScreen({ focusTitle = true }: { focusTitle?: boolean }) {
  const { t, error } = useI18n();
  const form = usePeriodForm<Selection>((p) => ({ ...p, service: '', unit: 'calendar' }));
  const { applied, apply, ids } = form;

  useEffect(() => {
    if (focusTitle) document.getElementById('report-title')?.focus();
  }, [focusTitle]);

  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  const totals = useQuery({
    queryKey: ['report.waiting', applied],
    queryFn: () => api['reports.waiting']({ ...reportInput(applied), format: 'json' }),
    retry: false,
  });
  const by = chartGrouping(applied.from, applied.to);
  const monthly = useQuery({
    queryKey: ['report.waiting', applied, by],
    queryFn: () => api['reports.waiting']({ ...reportInput(applied), by, format: 'json' }),
    retry: false,
    enabled: totals.isSuccess,
  });

  const report = totals.data?.report;
  const unitText = t(applied.unit === 'working' ? 'report.unit.working' : 'report.unit.calendar');
  const serviceText = applied.service || t('report.allServicesInline');
  const failed = totals.error ?? monthly.error;
  const errorText = (e: unknown) => (e instanceof BroError ? error(e.code) : error('INTERNAL'));

  return (
    <section className="wt" aria-labelledby="report-title">
      <div className="page-head">
        <h1 id="report-title" tabIndex={-1}>
          {t('report.title')}
        </h1>
      </div>
      <p className="lead">{t('report.lead')}</p>

      <form
        className="filters wt-filters"
        aria-label={t('report.filters')}
        onSubmit={form.onSubmit}
        noValidate
      >
        <PeriodFields form={form} error={totals.error} />
        <div className="field">
          <label htmlFor={`${ids}-service`}>{t('report.service')}</label>
          <select
            id={`${ids}-service`}
            value={applied.service}
            onChange={(e) => apply({ service: e.target.value as Service | '' })}
          >
            <option value="">{t('report.allServices')}</option>
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="wt-unit">
          <legend>{t('report.unit')}</legend>
          {(['calendar', 'working'] as Unit[]).map((u) => (
            <label key={u}>
              <input
                type="radio"
                name={`${ids}-unit`}
                value={u}
                checked={applied.unit === u}
                onChange={() => apply({ unit: u })}
              />{' '}
              {t(`report.unit.${u}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t('report.show')}
        </button>
      </form>

      <p className="count wt-result" role="status" aria-live="polite">
        {totals.isFetching
          ? t('report.loading')
          : report
            ? t('report.shown', {
                from: nbDate(report.from),
                to: nbDate(report.to),
                service: serviceText,
                unit: unitText,
                done: report.groups[0]?.ventetid.completed.n ?? 0,
                waiting: report.groups[0]?.ventetid.waiting.n ?? 0,
                open: report.openReferrals.length,
              })
            : ''}
      </p>
      {failed && !form.atFields(totals.error) && <ErrorBox>{errorText(failed)}</ErrorBox>}
      {report && !totals.isFetching && (
        <>
          {report.measuredTo < report.to && (
            <p className="muted">{t('report.measuredTo', { date: nbDate(report.measuredTo) })}</p>
          )}
          {(totals.data?.skipped.length ?? 0) > 0 && (
            <p className="warn">{t('report.skipped', { n: totals.data!.skipped.length })}</p>
          )}
          <Targets service={applied.service} targets={settings.data?.targets} />
          <ReportFigures report={report} monthly={monthly.data?.report} idPrefix="wt" />
          <ExportPanel selection={applied} />
        </>
      )}
      <CaseloadPanel />
      <MetricsPanel selection={applied} />
    </section>
  );
}

type Targets = OpOutput<'settings.get'>['targets'];

/** The targets the shares are measured against, from the settings screen. */
function Targets({ service, targets }: { service: Service | ''; targets: Targets | undefined }) {
  const { t } = useI18n();
  if (!targets) return null;
  const lines: string[] = [];
  if (!service || service === 'PPT') lines.push(t('report.target.PPT', { n: targets.pptConcludedMonths }));
  if (!service || service === 'BUP') lines.push(t('report.target.BUP', { n: targets.bupDecidedWorkingDays }));
  if (!service || service === 'Skoleteam')
    lines.push(t('report.target.Skoleteam', { n: targets.skoleteamFirstContactWorkingDays }));
  if (lines.length === 0) lines.push(t('report.target.none', { service }));
  return (
    <div className="wt-targets">
      <p className="kicker">{t('report.targets')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
