import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LANGUAGES, type Settings } from '../../../shared/settings/schema';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { MembersPanel } from './Members';

const FIELDS: FieldSpec[] = [
  { name: 'language', kind: 'select', options: LANGUAGES, optKey: 'language', label: 'settings.language' },
  { name: 'autoLockMinutes', kind: 'number', label: 'settings.autoLock' },
  { name: 'targets.pptConcludedMonths', kind: 'number', label: 'f.targets.pptConcludedMonths' },
  { name: 'targets.interimReplyMonths', kind: 'number', label: 'f.targets.interimReplyMonths' },
  { name: 'targets.bupDecidedWorkingDays', kind: 'number', label: 'f.targets.bupDecidedWorkingDays' },
  {
    name: 'targets.skoleteamFirstContactWorkingDays',
    kind: 'number',
    label: 'f.targets.skoleteamFirstContactWorkingDays',
  },
  { name: 'targets.saturdayIsWorkingDay', kind: 'checkbox', label: 'f.targets.saturdayIsWorkingDay' },
  { name: 'letterhead.serviceName', kind: 'text', label: 'f.letterhead.serviceName' },
  { name: 'letterhead.address', kind: 'text', label: 'f.letterhead.address' },
  { name: 'letterhead.phone', kind: 'text', label: 'f.letterhead.phone' },
  { name: 'letterhead.email', kind: 'text', label: 'f.letterhead.email' },
  {
    name: 'signing.p12File',
    kind: 'text',
    label: 'f.signing.p12File',
    hint: 'f.signing.p12FileHint',
    wide: true,
  },
];

/** Language, auto-lock, waiting-time targets and letterhead; stored on this device, not in the vault. */
export function SettingsScreen() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  const status = useQuery({ queryKey: ['status'], queryFn: () => api['vault.status']({}) });
  const [saved, setSaved] = useState(false);
  if (!settings.data) return <p role="status">{t('app.loading')}</p>;
  return (
    <section aria-labelledby="settings-title" className="settings">
      <div className="page-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      <p className="muted">
        {t('settings.vault')}: <span className="mono">{status.data?.dir}</span>
      </p>
      <EntityForm
        entity="settings"
        fields={FIELDS}
        initial={settings.data as unknown as Record<string, unknown>}
        skip={() => 0}
        onSubmit={async (set) => {
          setSaved(false);
          const patch: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(set)) patch[k] = v;
          // Nested parts are replaced whole: send each with its unchanged fields.
          if (patch.targets) patch.targets = { ...settings.data!.targets, ...(patch.targets as object) };
          if (patch.letterhead) patch.letterhead = { ...(patch.letterhead as object) };
          if (patch.letterhead === null) patch.letterhead = {};
          if (patch.signing === null) patch.signing = {};
          const next: Settings = await api['settings.set'](patch as never);
          qc.setQueryData(['settings'], next);
          setSaved(true);
        }}
      />
      <p role="status" className="saved">
        {saved ? t('settings.saved') : ''}
      </p>
      <MembersPanel />
    </section>
  );
}
