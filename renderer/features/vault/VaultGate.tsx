import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { DEMO_PASSPHRASE } from '../../../shared/demo/passphrase';
import { BroError } from '../../../shared/errors';
import { api, desktop, onProgress, type ProgressEvent } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { ErrorBox, Progress } from '../../app/ui';

type Status = OpOutput<'vault.status'>;

/** Where the unlock screen points: the folder this launch points at, or one chosen in a dialog (Electron). */
interface Target {
  /** A handle from `files.pick`; omitted: the folder of `vault.status`. */
  handle?: string;
  name: string;
}

/** Before a vault is open: unlock the one this launch points at, or create one, or open the demo. */
export function VaultGate({
  status,
  onCreated,
}: {
  status: Status;
  onCreated: (recoveryKey: string) => void;
}) {
  const [mode, setMode] = useState<'auto' | 'create' | 'first' | Target>('auto');
  useEffect(() => {
    document.title = 'Bro';
  }, []);
  if (mode === 'create')
    return <CreateVault status={status} onCreated={onCreated} onBack={() => setMode('first')} />;
  if (typeof mode === 'object')
    return <Unlock status={status} target={mode} onOther={() => setMode('first')} />;
  if (mode === 'auto' && status.dir && status.exists)
    return <Unlock status={status} target={{ name: status.dir }} onOther={() => setMode('first')} />;
  return <FirstRun onCreate={() => setMode('create')} onOpen={(target) => setMode(target)} />;
}

/** The browser host's page without a session: only the link from the terminal helps. */
export function NoSession() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = 'Bro';
  }, []);
  return (
    <Card title={t('gate.noSession.title')}>
      <p className="lead">{t('gate.noSession.lead')}</p>
    </Card>
  );
}

/** "Try again in …", from the wait the process that holds the keys asks for. */
function waitText(t: ReturnType<typeof useI18n>['t'], seconds: number): string {
  const time =
    seconds >= 120 ? t('gate.minutes', { n: Math.ceil(seconds / 60) }) : t('gate.seconds', { n: seconds });
  return t('gate.wait', { time });
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

function FirstRun({ onCreate, onOpen }: { onCreate: () => void; onOpen: (target: Target) => void }) {
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
  // Electron: another existing vault is chosen in the system's folder dialog (the page names no path).
  const open = useMutation({
    mutationFn: () => api['files.pick']({ kind: 'vaultFolder' }),
    onSuccess: (r) => {
      if (r.handle && r.name) onOpen({ handle: r.handle, name: r.name });
    },
  });
  const failed = demo.error ?? open.error;
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
        {desktop && (
          <button type="button" className="big" onClick={() => open.mutate()} disabled={open.isPending}>
            {t('first.open')}
          </button>
        )}
      </div>
      <p className="hint">{t('first.demoHint', { p: DEMO_PASSPHRASE })}</p>
      {demo.isPending && (
        <Progress label={t('first.demoBusy')} done={progress?.done ?? 0} total={progress?.total ?? 0} />
      )}
      {failed && <ErrorBox>{failed instanceof BroError ? error(failed.code) : error('INTERNAL')}</ErrorBox>}
    </Card>
  );
}

const FOLDER_FIELD: FieldSpec = {
  name: 'dir',
  kind: 'text',
  label: 'create.dir',
  hint: 'create.dirHint',
  required: true,
  wide: true,
};

const CREATE_FIELDS: FieldSpec[] = [
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

/**
 * A new vault. In Electron the folder is chosen in the system's dialog and the page holds only a
 * handle; in the browser host it is typed, and the host accepts only the folder it was started
 * with (--vault) or one below it.
 */
function CreateVault({
  status,
  onCreated,
  onBack,
}: {
  status: Status;
  onCreated: (key: string) => void;
  onBack: () => void;
}) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const [folder, setFolder] = useState<{ handle: string; name: string } | null>(null);
  const pick = useMutation({
    mutationFn: () => api['files.pick']({ kind: 'newVaultFolder' }),
    onSuccess: (r) => {
      if (r.handle && r.name) setFolder({ handle: r.handle, name: r.name });
    },
  });
  const chooser = desktop && (
    <div className="field wide">
      {folder && <p className="vault-folder">{t('create.folder', { dir: folder.name })}</p>}
      <button type="button" onClick={() => pick.mutate()} disabled={pick.isPending}>
        {folder ? t('create.pickOther') : t('create.pickFolder')}
      </button>
      {pick.error && (
        <ErrorBox>{pick.error instanceof BroError ? error(pick.error.code) : error('INTERNAL')}</ErrorBox>
      )}
    </div>
  );
  return (
    <Card title={t('create.title')}>
      {chooser}
      <EntityForm
        entity="vault"
        fields={desktop ? CREATE_FIELDS : [FOLDER_FIELD, ...CREATE_FIELDS]}
        initial={desktop ? {} : { dir: status.dir ?? status.suggestedDir }}
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
          if (desktop && !folder)
            throw new BroError('VALIDATION', 'No folder', { issues: [{ path: ['dir'], code: 'REQUIRED' }] });
          const r = await api['vault.create']({
            dir: folder ? folder.handle : String(set.dir ?? status.dir ?? status.suggestedDir),
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

function Unlock({ status, target, onOther }: { status: Status; target: Target; onOther: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [recovery, setRecovery] = useState(false);
  const [wait, setWait] = useState<number | null>(null);
  const demo = status.demo && target.handle === undefined;
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
      {demo && <p className="demo-badge">{t('app.demo')}</p>}
      <p className="vault-folder">{t('unlock.folder', { dir: target.name })}</p>
      {demo && <p className="hint">{t('unlock.demoHint', { p: DEMO_PASSPHRASE })}</p>}
      <EntityForm
        key={String(recovery)}
        entity="vault"
        fields={fields}
        submitLabel={t('unlock.submit')}
        skip={() => 0}
        onSubmit={async (set) => {
          setWait(null);
          const secret = recovery
            ? { recoveryKey: String(set.recoveryKey ?? '') }
            : { passphrase: String(set.passphrase ?? '') };
          try {
            // SECURITY: no folder path from the page: the launch's folder, or a dialog's handle.
            await api['vault.unlock']({ ...(target.handle ? { dir: target.handle } : {}), ...secret });
          } catch (e) {
            const seconds = e instanceof BroError ? e.detail?.retryAfterSeconds : undefined;
            if (typeof seconds === 'number') setWait(seconds);
            // A wrong passphrase, or too many, belongs at the field it came from.
            if (e instanceof BroError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'TOO_MANY_ATTEMPTS'))
              throw new BroError(e.code, e.message, {
                issues: [{ path: [recovery ? 'recoveryKey' : 'passphrase'], code: e.code }],
              });
            throw e;
          }
          await qc.invalidateQueries();
        }}
      />
      {wait !== null && (
        <p className="hint" role="status">
          {waitText(t, wait)}
        </p>
      )}
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
