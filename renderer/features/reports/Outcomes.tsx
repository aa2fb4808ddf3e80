import type { OpOutput } from '../../../shared/contract';
import { ABSENCE_POINTS, OUTCOME_KEYS } from '../../../shared/outcomes/records';
import { OUTCOME_GROUP_BY } from '../../../shared/outcomes/report';
import { api } from '../../api';
import { nbDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FigureReportScreen, FigureTables, figureAt, type FigureSpec } from './FigureReport';

type OutcomesReport = OpOutput<'reports.outcomes'>['report'];
type Group = OutcomesReport['groups'][number];

/**
 * A figure as the tab shows it: the number (decimal comma), `<5` (hidden: 1–4), `:` (hidden so a
 * `<5` cannot be worked out from a sum, or a median over a hidden count) or `–` (no figure).
 */
export function outcomeText(g: Group, path: string): string {
  const v = figureAt(g, path);
  if (v !== null) return String(v).replace('.', ',');
  const count = path.replace(/\.(median|mean)$/, '.n');
  if (g.complementary?.includes(count)) return ':';
  if (g.suppressed?.includes(count)) return count === path ? '<5' : ':';
  return '–';
}

const OUTCOMES: FigureSpec<Group> = {
  prefix: 'outcomes',
  sections: [
    ['outcomes.section.outcomes', ['closed', ...OUTCOME_KEYS.map((k) => `outcomes.${k}`)]],
    [
      'outcomes.section.absence',
      ABSENCE_POINTS.flatMap((p) => [`absence.${p}.n`, `absence.${p}.median`, `absence.${p}.mean`]),
    ],
    ['outcomes.section.lag', ['lag.n', 'lag.median', 'lag.mean']],
  ],
  cell: outcomeText,
  note: { section: 1, key: 'outcomes.absenceNote' },
};

/**
 * The «Utfall» tab (issue 15 item 6): referrals closed by outcome, the absence rate at referral,
 * first contact and closing, and the signal-to-referral lag, per school or service — the same
 * report as `bro report outcomes` (always suppressed), and the report as CSV, XLSX and PDF.
 */
export function OutcomesScreen({ focusTitle = true }: { focusTitle?: boolean }) {
  const { t } = useI18n();
  return (
    <FigureReportScreen<'reports.outcomes', (typeof OUTCOME_GROUP_BY)[number]>
      spec={OUTCOMES}
      groupings={OUTCOME_GROUP_BY}
      run={(input, format) => api['reports.outcomes']({ ...input, format })}
      fileStem="utfall"
      focusTitle={focusTitle}
      shown={(all, report) =>
        t('outcomes.shown', {
          from: nbDate(report.from),
          to: nbDate(report.to),
          closed: outcomeText(all, 'closed'),
          helt: outcomeText(all, 'outcomes.helt'),
        })
      }
    />
  );
}

/** The outcome figures' tables (the tab, and the merged-metrics panel). */
export function OutcomeTables(props: {
  report: OutcomesReport;
  idPrefix?: string;
  level?: 'h2' | 'h3' | 'h4' | 'h5';
}) {
  return <FigureTables spec={OUTCOMES} {...props} />;
}
