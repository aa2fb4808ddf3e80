import * as Tabs from '@radix-ui/react-tabs';
import { useRef } from 'react';
import { useI18n } from '../../app/i18n';
import { go } from '../../app/router';
import { MeasuresScreen } from './Measures';
import { OutcomesScreen } from './Outcomes';
import { ReportScreen } from './Report';

type Tab = 'waiting' | 'measures' | 'outcomes';

/**
 * The service lead's dashboard: «Ventetider», «Tiltak» and «Utfall» side by side as tabs
 * (`#/report`, `#/report/measures`, `#/report/outcomes`). Opening the screen puts focus on the
 * tab's heading; switching tabs by keyboard leaves it on the tab.
 */
export function Dashboard({ tab }: { tab: Tab }) {
  const { t } = useI18n();
  const switched = useRef(false);
  return (
    <Tabs.Root
      value={tab}
      onValueChange={(v) => {
        switched.current = true;
        go(v === 'measures' || v === 'outcomes' ? { name: 'report', tab: v } : { name: 'report' });
      }}
      activationMode="manual"
    >
      <Tabs.List className="tabs" aria-label={t('dashboard.tabs')}>
        <Tabs.Trigger value="waiting" className="tab">
          {t('dashboard.tab.waiting')}
        </Tabs.Trigger>
        <Tabs.Trigger value="measures" className="tab">
          {t('dashboard.tab.measures')}
        </Tabs.Trigger>
        <Tabs.Trigger value="outcomes" className="tab">
          {t('dashboard.tab.outcomes')}
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value={tab} className="tab-panel">
        {tab === 'waiting' ? (
          <ReportScreen focusTitle={!switched.current} />
        ) : tab === 'measures' ? (
          <MeasuresScreen focusTitle={!switched.current} />
        ) : (
          <OutcomesScreen focusTitle={!switched.current} />
        )}
      </Tabs.Content>
    </Tabs.Root>
  );
}
