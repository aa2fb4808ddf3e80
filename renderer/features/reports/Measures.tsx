import type { OpOutput } from '../../../shared/contract';
import { BARRIER_LEVELS } from '../../../shared/measures/records';
import { CANNOT_REASONS, MEASURE_GROUP_BY } from '../../../shared/measures/report';
import { api } from '../../api';
import { nbDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FigureReportScreen, FigureTables, figureAt, type FigureSpec } from './FigureReport';

type MeasuresReport = OpOutput<'reports.measures'>['report'];
type Group = MeasuresReport['groups'][number];

/** A count, or `<5` (hidden: 1–4) or `:` (hidden so a `<5` cannot be worked out from a sum). */
export function measureCell(g: Group, path: string): string {
  const v = figureAt(g, path);
  if (v !== null) return String(v);
  if (g.complementary?.includes(path)) return ':';
  if (g.suppressed?.includes(path)) return '<5';
  return '–';
}

/** The figures in sections, each a table with a row per figure and a column per group. */
const MEASURES: FigureSpec<Group> = {
  prefix: 'measures',
  sections: [
    ['measures.section.evaluation', ['total', 'evaluationsDue', 'evaluatedOnTime']],
    ['measures.section.answers', ['answers.done', 'answers.changed', 'answers.cannot', 'answers.none']],
    ['measures.section.reasons', CANNOT_REASONS.map((r) => `cannotReasons.${r}`)],
    ['measures.section.agreement', ['reportedByBoth', 'disagreements']],
    ['measures.section.barriers', BARRIER_LEVELS.map((l) => `barriers.${l}`)],
  ],
  cell: measureCell,
  note: { section: 0, key: 'measures.onTime' },
};

/**
 * The «Tiltak» tab: the lead's figures for measures over a period, per school or month, the same
 * report as `bro report measures` (always suppressed), and the report as CSV, XLSX and PDF.
 */
export function MeasuresScreen({ focusTitle = true }: { focusTitle?: boolean }) {
  const { t } = useI18n();
  return (
    <FigureReportScreen<'reports.measures', (typeof MEASURE_GROUP_BY)[number]>
      spec={MEASURES}
      groupings={MEASURE_GROUP_BY}
      run={(input, format) => api['reports.measures']({ ...input, format })}
      fileStem="tiltak"
      focusTitle={focusTitle}
      shown={(all, report) =>
        t('measures.shown', {
          from: nbDate(report.from),
          to: nbDate(report.to),
          total: measureCell(all, 'total'),
          due: measureCell(all, 'evaluationsDue'),
          onTime: measureCell(all, 'evaluatedOnTime'),
        })
      }
    />
  );
}

/** The measures report's tables (the tab, and the merged-metrics panel). */
export function MeasureTables(props: {
  report: MeasuresReport;
  idPrefix?: string;
  level?: 'h2' | 'h3' | 'h4' | 'h5';
}) {
  return <FigureTables spec={MEASURES} {...props} />;
}
