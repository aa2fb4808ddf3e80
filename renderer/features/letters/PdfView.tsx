import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { renderPages } from './pdf';

/**
 * A PDF's pages as images. The new pages replace the old ones only when all are drawn, so the
 * preview does not flicker while the caseworker types.
 */
export function PdfView({ base64 }: { base64: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stale = false;
    renderPages(base64, 1)
      .then((pages) => {
        if (stale || !box.current) return;
        pages.forEach((c, i) => {
          c.setAttribute('role', 'img');
          c.setAttribute('aria-label', t('editor.previewLabel', { n: i + 1, total: pages.length }));
        });
        box.current.replaceChildren(...pages);
        setFailed(false);
      })
      .catch(() => {
        if (!stale) setFailed(true);
      });
    return () => {
      stale = true;
    };
  }, [base64, t]);
  return (
    <>
      {failed && <ErrorBox>{t('editor.previewFailed')}</ErrorBox>}
      <div className="pdf-pages-view" ref={box} data-testid="pdf-preview" />
    </>
  );
}
