import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { api } from '../api';
import { CaseFolder } from '../features/cases/CaseFolder';
import { CaseList } from '../features/cases/CaseList';
import { SettingsScreen } from '../features/settings/Settings';
import { ReportScreen } from '../features/reports/Report';
import { TasksScreen } from '../features/tasks/Tasks';
import { useDropToVerify, VerifyScreen } from '../features/verify/Verify';
import { RecoveryKey, VaultGate } from '../features/vault/VaultGate';
import { runBeforeLock } from './beforeLock';
import { I18nProvider, useI18n } from './i18n';
import { href, useRoute } from './router';
import { Modal } from './ui';

export function App() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  const lang = settings.data?.language ?? DEFAULT_SETTINGS.language;
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : lang;
  }, [lang]);
  return (
    <I18nProvider lang={lang}>
      <Root autoLockMinutes={settings.data?.autoLockMinutes ?? DEFAULT_SETTINGS.autoLockMinutes} />
    </I18nProvider>
  );
}

function Root({ autoLockMinutes }: { autoLockMinutes: number }) {
  const { t } = useI18n();
  const status = useQuery({ queryKey: ['status'], queryFn: () => api['vault.status']({}) });
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const unlocked = status.data?.unlocked === true;
  // SECURITY: while locked (no «Kontroller brev» to hand it to), a file dropped on the window is
  // ignored: the browser would otherwise leave the app to show the file.
  useEffect(() => {
    if (unlocked) return;
    const ignore = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, [unlocked]);
  if (!status.data)
    return (
      <p className="splash" role="status">
        {t('app.loading')}
      </p>
    );
  if (recoveryKey && status.data.unlocked)
    return <RecoveryKey recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />;
  if (!status.data.unlocked) return <VaultGate status={status.data} onCreated={setRecoveryKey} />;
  return <Shell demo={status.data.demo} autoLockMinutes={autoLockMinutes} />;
}

const IDLE_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Locks the vault after `minutes` without input, and on Alt+L. */
function useLock(minutes: number) {
  const qc = useQueryClient();
  const lock = useCallback(async () => {
    await runBeforeLock();
    await api['vault.lock']({});
    // SECURITY: drop every decrypted value the page holds; only settings survive a lock.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'settings' && q.queryKey[0] !== 'status' });
    await qc.invalidateQueries({ queryKey: ['status'] });
    window.location.hash = '#/cases';
  }, [qc]);
  useEffect(() => {
    let timer = window.setTimeout(() => void lock(), minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), minutes * 60_000);
    };
    for (const e of IDLE_EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of IDLE_EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, lock]);
  return lock;
}

function Shell({ demo, autoLockMinutes }: { demo: boolean; autoLockMinutes: number }) {
  const { t } = useI18n();
  const route = useRoute();
  const lock = useLock(autoLockMinutes);
  // A PDF dropped anywhere opens «Kontroller brev» with it (and never navigates the window to the file).
  useDropToVerify();
  const [help, setHelp] = useState(false);

  // SECURITY: the window title names the screen only, never a pupil.
  useEffect(() => {
    const screen =
      route.name === 'tasks'
        ? t('nav.tasks')
        : route.name === 'settings'
          ? t('nav.settings')
          : route.name === 'report'
            ? t('nav.report')
            : route.name === 'verify'
              ? t('nav.verify')
              : t('nav.cases');
    document.title = `${screen} – Bro`;
  }, [route.name, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const target = {
          '1': '#/cases',
          '2': '#/tasks',
          '3': '#/report',
          '4': '#/verify',
          '5': '#/settings',
        }[e.key];
        if (target) {
          e.preventDefault();
          window.location.hash = target;
        } else if (e.key.toLowerCase() === 'l') {
          e.preventDefault();
          void lock();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  const current = route.name === 'case' ? 'cases' : route.name;
  const nav = [
    { name: 'cases', label: t('nav.cases') },
    { name: 'tasks', label: t('nav.tasks') },
    { name: 'report', label: t('nav.report') },
    { name: 'verify', label: t('nav.verify') },
    { name: 'settings', label: t('nav.settings') },
  ] as const;
  return (
    <div className="shell">
      <a
        className="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">Bro</span>
        {demo && <span className="demo-badge">{t('app.demo')}</span>}
        <nav aria-label={t('nav.label')}>
          <ul>
            {nav.map((n) => (
              <li key={n.name}>
                <a href={href({ name: n.name })} aria-current={current === n.name ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-actions">
          <button type="button" className="ghost" onClick={() => setHelp(true)}>
            {t('nav.shortcuts')}
          </button>
          <button type="button" onClick={() => void lock()}>
            {t('app.lock')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'cases' && <CaseList />}
        {route.name === 'case' && <CaseFolder caseId={route.caseId} tab={route.tab} sub={route.sub} />}
        {route.name === 'tasks' && <TasksScreen />}
        {route.name === 'report' && <ReportScreen />}
        {route.name === 'verify' && <VerifyScreen />}
        {route.name === 'settings' && <SettingsScreen />}
      </main>
      {help && (
        <Modal title={t('keys.title')} onClose={() => setHelp(false)}>
          <dl className="keys">
            <dt>
              <kbd>/</kbd>
            </dt>
            <dd>{t('keys.search')}</dd>
            <dt>
              <kbd>Alt</kbd>+<kbd>1</kbd> … <kbd>5</kbd>
            </dt>
            <dd>{t('keys.nav')}</dd>
            <dt>
              <kbd>Alt</kbd>+<kbd>L</kbd>
            </dt>
            <dd>{t('keys.lock')}</dd>
            <dt>
              <kbd>←</kbd> <kbd>→</kbd>
            </dt>
            <dd>{t('keys.tabs')}</dd>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('keys.close')}</dd>
          </dl>
        </Modal>
      )}
    </div>
  );
}
