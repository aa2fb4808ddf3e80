import { useI18n } from '../../app/i18n';

/** The service lead's waiting-time dashboard. */
export function ReportScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title" tabIndex={-1}>
        {t('nav.report')}
      </h1>
    </section>
  );
}
