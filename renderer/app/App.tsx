import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BroError } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { api, lastHostActivity } from '../api';
import { CaseFolder } from '../features/cases/CaseFolder';
import { CaseList } from '../features/cases/CaseList';
import { SettingsScreen } from '../features/settings/Settings';
import { Dashboard } from '../features/reports/Dashboard';
import { TasksScreen } from '../features/tasks/Tasks';
import { useDropToVerify, VerifyScreen } from '../features/verify/Verify';
import { NoSession, RecoveryKey, VaultGate } from '../features/vault/VaultGate';
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

/** While unlocked, how often the page asks whether the vault is still open (it may lock by itself). */
const WATCH_MS = 30_000;

function Root({ autoLockMinutes }: { autoLockMinutes: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['status'],
    queryFn: () => api['vault.status']({}),
    refetchInterval: (q) => (q.state.data?.unlocked ? WATCH_MS : false),
  });
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const unlocked = status.data?.unlocked === true;
  // SECURITY: when the vault locked elsewhere (the host's or the app's auto-lock), the page drops
  // what it decrypted as well.
  const wasUnlocked = useRef(false);
  useEffect(() => {
    if (wasUnlocked.current && !unlocked) dropDecrypted(qc);
    wasUnlocked.current = unlocked;
  }, [unlocked, qc]);
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
  if (status.error instanceof BroError && status.error.detail?.reason === 'NO_SESSION') return <NoSession />;
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
/** Input tells the process that holds the keys that someone is here, at most this often. */
const PING_MS = 15_000;
/** The page locks this long before that process would, so a letter draft is saved first. */
const LOCK_MARGIN_MS = 20_000;

/** SECURITY: drop every decrypted value the page holds; only settings and the lock state survive. */
function dropDecrypted(qc: ReturnType<typeof useQueryClient>) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'settings' && q.queryKey[0] !== 'status' });
}

/**
 * The auto-lock's mirror, and Alt+L. The lock itself runs in the process that holds the keys (the
 * host or Electron's main process), after the setting's minutes without activity. Input here counts
 * as activity (a ping at most every PING_MS); the page locks LOCK_MARGIN_MS before that process
 * would, running the before-lock hooks (a letter draft is saved), so the order is always the same.
 */
function useLock(minutes: number) {
  const qc = useQueryClient();
  const lock = useCallback(async () => {
    await runBeforeLock();
    await api['vault.lock']({});
    dropDecrypted(qc);
    await qc.invalidateQueries({ queryKey: ['status'] });
    window.location.hash = '#/cases';
  }, [qc]);
  useEffect(() => {
    let locking = false;
    const ping = () => {
      if (Date.now() - lastHostActivity() >= PING_MS) void api['vault.status']({ active: true });
    };
    const timer = window.setInterval(() => {
      if (locking || Date.now() < lastHostActivity() + minutes * 60_000 - LOCK_MARGIN_MS) return;
      locking = true;
      void lock().finally(() => (locking = false));
    }, 1_000);
    for (const e of IDLE_EVENTS) window.addEventListener(e, ping, { passive: true });
    return () => {
      window.clearInterval(timer);
      for (const e of IDLE_EVENTS) window.removeEventListener(e, ping);
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
            ? t(
                route.tab === 'measures'
                  ? 'dashboard.tab.measures'
                  : route.tab === 'outcomes'
                    ? 'dashboard.tab.outcomes'
                    : 'nav.report',
              )
            : route.name === 'verify'
              ? t('nav.verify')
              : t('nav.cases');
    document.title = `${screen} – Bro`;
  }, [route, t]);

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
        {route.name === 'tasks' && <TasksScreen mine={route.mine === true} />}
        {route.name === 'report' && <Dashboard tab={route.tab ?? 'waiting'} />}
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
              <kbd>↓</kbd> <kbd>↑</kbd>
            </dt>
            <dd>{t('keys.results')}</dd>
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
