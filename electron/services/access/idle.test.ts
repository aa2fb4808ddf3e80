import { describe, expect, it } from 'vitest';
import { shouldAutoLock, startAutoLock } from './idle';

describe('shouldAutoLock', () => {
  it('locks an unlocked vault once idle time reaches the setting', () => {
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 599, autoLockMinutes: 10 })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 600, autoLockMinutes: 10 })).toBe(true);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 60, autoLockMinutes: 1 })).toBe(true);
  });
  it('does nothing when locked or when the setting makes no sense', () => {
    expect(shouldAutoLock({ unlocked: false, idleSeconds: 1e6, autoLockMinutes: 10 })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 1e6, autoLockMinutes: 0 })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 1e6, autoLockMinutes: Number.NaN })).toBe(false);
  });
});

function harness(o: { idle: number; minutes: number; unlocked: boolean; failLock?: boolean }) {
  const state = { ...o, locks: [] as string[], tickFn: null as null | (() => void), stopped: false };
  const ctl = startAutoLock({
    idleSeconds: () => state.idle,
    autoLockMinutes: () => state.minutes,
    isUnlocked: async () => state.unlocked,
    lock: async (reason) => {
      if (state.failLock) throw new Error('disk gone');
      state.locks.push(reason);
      state.unlocked = false;
    },
    intervalMs: 1000,
    setInterval: (fn, ms) => {
      expect(ms).toBe(1000);
      state.tickFn = fn;
      return 7;
    },
    clearInterval: (h) => {
      expect(h).toBe(7);
      state.stopped = true;
    },
  });
  return { state, ctl };
}

describe('startAutoLock', () => {
  it('locks on the tick after the idle time has passed, once', async () => {
    const { state, ctl } = harness({ idle: 30, minutes: 1, unlocked: true });
    await ctl.tick();
    expect(state.locks).toEqual([]);
    state.idle = 61;
    await ctl.tick();
    await ctl.tick();
    expect(state.locks).toEqual(['idle']);
  });

  it('reads the setting on every tick', async () => {
    const { state, ctl } = harness({ idle: 200, minutes: 10, unlocked: true });
    await ctl.tick();
    expect(state.locks).toEqual([]);
    state.minutes = 3;
    await ctl.tick();
    expect(state.locks).toEqual(['idle']);
  });

  it('locks at once on screen lock or suspend, only when unlocked', async () => {
    const { state, ctl } = harness({ idle: 0, minutes: 10, unlocked: true });
    await ctl.systemEvent();
    await ctl.systemEvent();
    expect(state.locks).toEqual(['system']);
  });

  it('keeps watching after a failed lock, and stops when told', async () => {
    const { state, ctl } = harness({ idle: 1e4, minutes: 1, unlocked: true, failLock: true });
    await expect(ctl.tick()).resolves.toBeUndefined();
    state.failLock = false;
    await ctl.tick();
    expect(state.locks).toEqual(['idle']);
    expect(state.tickFn).not.toBeNull();
    ctl.stop();
    expect(state.stopped).toBe(true);
  });
});
