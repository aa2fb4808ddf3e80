import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LANGUAGES, type Settings } from '../../../shared/settings/schema';
import { BroError } from '../../../shared/errors';
import { api, desktop } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { ErrorBox } from '../../app/ui';
import { useI18n } from '../../app/i18n';
import { MembersPanel } from './Members';
import { MyName, RegistersPanel } from '../registers/Registers';
import { SvarUtSettings } from '../dispatch/Settings';

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
  { name: 'targets.proposalAnswerWorkingDays', kind: 'number', label: 'f.targets.proposalAnswerWorkingDays' },
  { name: 'targets.retentionYears', kind: 'number', label: 'f.targets.retentionYears' },
  { name: 'targets.absenceUpdateWeeks', kind: 'number', label: 'f.targets.absenceUpdateWeeks' },
  { name: 'targets.minutesWorkingDays', kind: 'number', label: 'f.targets.minutesWorkingDays' },
  { name: 'targets.transitionReminderMonths', kind: 'number', label: 'f.targets.transitionReminderMonths' },
  { name: 'targets.saturdayIsWorkingDay', kind: 'checkbox', label: 'f.targets.saturdayIsWorkingDay' },
  { name: 'letterhead.serviceName', kind: 'text', label: 'f.letterhead.serviceName' },
  { name: 'letterhead.address', kind: 'text', label: 'f.letterhead.address' },
  { name: 'letterhead.phone', kind: 'text', label: 'f.letterhead.phone' },
  { name: 'letterhead.email', kind: 'text', label: 'f.letterhead.email' },
  { name: 'letterhead.orgNumber', kind: 'text', label: 'f.letterhead.orgNumber' },
  { name: 'letterhead.municipality', kind: 'text', label: 'f.letterhead.municipality' },
  { name: 'letterhead.municipalityAddress', kind: 'text', label: 'f.letterhead.municipalityAddress' },
];

/**
 * Your name (in the vault), then language, auto-lock, waiting-time targets and letterhead (stored
 * on this device, not in the vault), then the vault's registers and its members.
 */
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
      <MyName />
      <h2>{t('settings.device')}</h2>
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
      <Certificate file={settings.data.signing.p12File || null} />
      <SvarUtSettings />
      <RegistersPanel />
      <MembersPanel />
    </section>
  );
}

/**
 * The service's certificate for PAdES signatures. In the app it is chosen in the system's file
 * dialog (the page holds a handle, never a path); in the browser it is chosen when signing.
 */
function Certificate({ file }: { file: string | null }) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = file?.split(/[\\/]/u).pop() ?? null;
  const run = async (what: () => Promise<Settings | null>) => {
    setBusy(true);
    setFailed(null);
    try {
      const next = await what();
      if (next) qc.setQueryData(['settings'], next);
    } catch (e) {
      setFailed(e instanceof BroError ? error(e.code) : error('INTERNAL'));
    } finally {
      setBusy(false);
    }
  };
  const choose = () =>
    run(async () => {
      const picked = await api['files.pick']({ kind: 'certificate' });
      return picked.handle ? api['settings.set']({ signing: { p12File: picked.handle } }) : null;
    });
  const remove = () => run(() => api['settings.set']({ signing: {} }));
  return (
    <section aria-labelledby="certificate-title" className="certificate">
      <h2 id="certificate-title">{t('f.signing.p12File')}</h2>
      <p className="hint">{t('f.signing.p12FileHint')}</p>
      {desktop || name ? (
        <p>{name ? t('settings.p12Chosen', { file: name }) : t('settings.p12None')}</p>
      ) : null}
      {!desktop && <p className="hint">{t('settings.p12Browser')}</p>}
      <div className="actions">
        {desktop && (
          <button type="button" onClick={() => void choose()} disabled={busy}>
            {t('settings.p12Choose')}
          </button>
        )}
        {name && (
          <button type="button" onClick={() => void remove()} disabled={busy}>
            {t('settings.p12Remove')}
          </button>
        )}
      </div>
      {failed && <ErrorBox>{failed}</ErrorBox>}
    </section>
  );
}
