import { useI18n } from '../../app/i18n';

/** Verify a letter PDF: drop it on the window or choose it. */
export function VerifyScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title" tabIndex={-1}>
        {t('nav.verify')}
      </h1>
    </section>
  );
}
