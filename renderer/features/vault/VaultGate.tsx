import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { DEMO_PASSPHRASE } from '../../../shared/demo/passphrase';
import { BroError } from '../../../shared/errors';
import { api, onProgress, type ProgressEvent } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { ErrorBox, Progress } from '../../app/ui';

type Status = OpOutput<'vault.status'>;

/** Before a vault is open: unlock the one this launch points at, or create one, or open the demo. */
export function VaultGate({
  status,
  onCreated,
}: {
  status: Status;
  onCreated: (recoveryKey: string) => void;
}) {
  const [mode, setMode] = useState<'auto' | 'create' | 'first'>('auto');
  useEffect(() => {
    document.title = 'Bro';
  }, []);
  if (mode === 'create')
    return <CreateVault status={status} onCreated={onCreated} onBack={() => setMode('first')} />;
  if (mode === 'auto' && status.dir && status.exists)
    return <Unlock status={status} onOther={() => setMode('first')} />;
  return <FirstRun onCreate={() => setMode('create')} />;
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="gate" tabIndex={-1}>
      <div className="gate-card">
        <p className="brand" aria-hidden="true">
          Bro
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

function FirstRun({ onCreate }: { onCreate: () => void }) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const demo = useMutation({
    mutationFn: async () => {
      const stop = onProgress((p) => p.op === 'vault.demo' && setProgress(p));
      try {
        return await api['vault.demo']({});
      } finally {
        stop();
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['status'] }),
  });
  return (
    <Card title={t('first.title')}>
      <p className="lead">{t('first.lead')}</p>
      <div className="choices">
        <button type="button" className="primary big" onClick={onCreate}>
          {t('first.create')}
        </button>
        <button type="button" className="big" onClick={() => demo.mutate()} disabled={demo.isPending}>
          {t('first.demo')}
        </button>
      </div>
      <p className="hint">{t('first.demoHint', { p: DEMO_PASSPHRASE })}</p>
      {demo.isPending && (
        <Progress label={t('first.demoBusy')} done={progress?.done ?? 0} total={progress?.total ?? 0} />
      )}
      {demo.error && (
        <ErrorBox>{demo.error instanceof BroError ? error(demo.error.code) : error('INTERNAL')}</ErrorBox>
      )}
    </Card>
  );
}

const CREATE_FIELDS: FieldSpec[] = [
  { name: 'dir', kind: 'text', label: 'create.dir', hint: 'create.dirHint', required: true, wide: true },
  {
    name: 'memberName',
    kind: 'text',
    label: 'create.name',
    hint: 'create.nameHint',
    autoComplete: 'name',
    wide: true,
  },
  {
    name: 'passphrase',
    kind: 'password',
    label: 'create.pass',
    hint: 'create.passHint',
    required: true,
    wide: true,
    autoComplete: 'new-password',
  },
  {
    name: 'passphrase2',
    kind: 'password',
    label: 'create.pass2',
    required: true,
    wide: true,
    autoComplete: 'new-password',
  },
];

function CreateVault({
  status,
  onCreated,
  onBack,
}: {
  status: Status;
  onCreated: (key: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  return (
    <Card title={t('create.title')}>
      <EntityForm
        entity="vault"
        fields={CREATE_FIELDS}
        initial={{ dir: status.dir ?? status.suggestedDir }}
        submitLabel={t('create.submit')}
        skip={() => 0}
        onCancel={onBack}
        onSubmit={async (set) => {
          const passphrase = String(set.passphrase ?? '');
          const issues = [];
          if (passphrase.length < 8) issues.push({ path: ['passphrase'], code: 'PASSPHRASE_TOO_SHORT' });
          if (passphrase !== String(set.passphrase2 ?? ''))
            issues.push({ path: ['passphrase2'], code: 'PASSPHRASE_MISMATCH' });
          if (issues.length) throw new BroError('VALIDATION', 'Invalid passphrase', { issues });
          const r = await api['vault.create']({
            dir: String(set.dir ?? status.dir ?? status.suggestedDir),
            passphrase,
            ...(set.memberName ? { memberName: String(set.memberName) } : {}),
          });
          onCreated(r.recoveryKey);
          await qc.invalidateQueries({ queryKey: ['status'] });
        }}
      />
    </Card>
  );
}

function Unlock({ status, onOther }: { status: Status; onOther: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [recovery, setRecovery] = useState(false);
  const dir = status.dir!;
  const fields: FieldSpec[] = recovery
    ? [{ name: 'recoveryKey', kind: 'text', label: 'unlock.recovery', required: true, wide: true }]
    : [
        {
          name: 'passphrase',
          kind: 'password',
          label: 'unlock.pass',
          required: true,
          wide: true,
          autoComplete: 'current-password',
        },
      ];
  return (
    <Card title={t('unlock.title')}>
      {status.demo && <p className="demo-badge">{t('app.demo')}</p>}
      <p className="vault-folder">{t('unlock.folder', { dir })}</p>
      {status.demo && <p className="hint">{t('unlock.demoHint', { p: DEMO_PASSPHRASE })}</p>}
      <EntityForm
        key={String(recovery)}
        entity="vault"
        fields={fields}
        submitLabel={t('unlock.submit')}
        skip={() => 0}
        onSubmit={async (set) => {
          const secret = recovery
            ? { recoveryKey: String(set.recoveryKey ?? '') }
            : { passphrase: String(set.passphrase ?? '') };
          try {
            await api['vault.unlock']({ dir, ...secret });
          } catch (e) {
            // A wrong passphrase belongs at the field it came from.
            if (e instanceof BroError && e.code === 'WRONG_PASSPHRASE')
              throw new BroError(e.code, e.message, {
                issues: [{ path: [recovery ? 'recoveryKey' : 'passphrase'], code: 'WRONG_PASSPHRASE' }],
              });
            throw e;
          }
          await qc.invalidateQueries();
        }}
      />
      <div className="gate-links">
        <button type="button" className="link" onClick={() => setRecovery(!recovery)}>
          {recovery ? t('unlock.usePass') : t('unlock.useRecovery')}
        </button>
        <button type="button" className="link" onClick={onOther}>
          {t('unlock.other')}
        </button>
      </div>
    </Card>
  );
}

export function RecoveryKey({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const [stored, setStored] = useState(false);
  const [nag, setNag] = useState(false);
  return (
    <Card title={t('recovery.title')}>
      <p className="lead">{t('recovery.lead')}</p>
      <p className="recovery-key" aria-label={t('recovery.title')}>
        {recoveryKey}
      </p>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
      </div>
      <div className="field check wide">
        <input
          id="stored"
          type="checkbox"
          checked={stored}
          onChange={(e) => setStored(e.target.checked)}
          aria-describedby={nag ? 'stored-err' : undefined}
          aria-invalid={nag && !stored ? true : undefined}
        />
        <label htmlFor="stored">{t('recovery.confirm')}</label>
        {nag && !stored && (
          <p className="field-error" id="stored-err">
            {t('recovery.confirmRequired')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => (stored ? onDone() : setNag(true))}>
          {t('recovery.continue')}
        </button>
      </div>
    </Card>
  );
}
