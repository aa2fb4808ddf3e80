import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appendDurable, ensureDir, listEntriesSync } from './atomic';
import type { VaultCore } from './core';
import { decodeJson, encodeJson } from './crypto';
import type { DamagedFile } from './damage';
import { AUDIT_LOG_RE, ID_RE, rel } from './format';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  caseId?: string;
  caseIds?: string[];
  /** Refused unlock attempts in a row (`vault.unlock.refused`), the last at `until`. */
  count?: number;
  until?: string;
  /** Why (a deleted case, `case.delete`): the member's own words, encrypted like the rest. */
  reason?: string;
  /** A sharing (`innsyn.make` to someone else, `export --to`): the recipient's role, never a name. */
  to?: string;
  /** Why the sharing was allowed: `consent`, `legal` (with `legalBasis`, the member's words) or `party`. */
  basis?: string;
  legalBasis?: string;
  device: string;
}

/** What an audit line may carry beyond who, what, which case and when. */
export type AuditExtra = Pick<AuditEntry, 'reason' | 'to' | 'basis' | 'legalBasis'>;

/** The audit log (docs/VAULT-FORMAT.md §12): one encrypted line per action, a file per device and day. */
export class AuditLog {
  constructor(private readonly core: VaultCore) {}

  /**
   * Appends one encrypted line: who (member id), what, which case (vault id), when. `attempt`: a
   * failed or refused unlock kept on this device while the vault was locked, written now with the
   * time it happened and actor `unknown` (nobody was identified).
   */
  async append(
    action: string,
    subject?: string | string[],
    attempt?: { at: string; count?: number; until?: string },
    extra?: AuditExtra,
  ): Promise<void> {
    const { core } = this;
    const now = new Date(core.now());
    const dir = path.join(core.dir, 'audit', core.deviceId);
    await ensureDir(dir);
    const line = await core.keys.seal(
      'auditKey',
      encodeJson({
        at: attempt?.at ?? now.toISOString(),
        actor: attempt ? 'unknown' : core.actor,
        action,
        ...(typeof subject === 'string' ? { caseId: subject } : subject ? { caseIds: subject } : {}),
        ...(attempt?.count !== undefined ? { count: attempt.count } : {}),
        ...(attempt?.until !== undefined ? { until: attempt.until } : {}),
        ...(extra?.reason !== undefined ? { reason: extra.reason } : {}),
        ...(extra?.to !== undefined ? { to: extra.to } : {}),
        ...(extra?.basis !== undefined ? { basis: extra.basis } : {}),
        ...(extra?.legalBasis !== undefined ? { legalBasis: extra.legalBasis } : {}),
      }),
      { kind: 'audit', id: core.deviceId },
    );
    await appendDurable(path.join(dir, `${now.toISOString().slice(0, 10)}.log`), line);
  }

  private openLine(line: string, device: string): Promise<Uint8Array> {
    return this.core.keys.openFile('auditKey', line, { kind: 'audit', id: device });
  }

  /** Reads the audit log of every device, oldest first. */
  async read(): Promise<AuditEntry[]> {
    const { dir } = this.core;
    const out: AuditEntry[] = [];
    const devices = listEntriesSync(path.join(dir, 'audit')).filter(
      (d) => ID_RE.test(d.name) && d.isDirectory(),
    );
    for (const dev of devices.map((d) => d.name)) {
      const logs = listEntriesSync(path.join(dir, 'audit', dev)).filter(
        (e) => e.isFile() && AUDIT_LOG_RE.test(e.name),
      );
      for (const f of logs.map((e) => e.name)) {
        for (const line of (await readFile(path.join(dir, 'audit', dev, f), 'utf8'))
          .split('\n')
          .filter(Boolean)) {
          try {
            const p = decodeJson(await this.openLine(line, dev)) as Omit<AuditEntry, 'device'>;
            out.push({ ...p, device: dev });
          } catch {
            /* reported by check() */
          }
        }
      }
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : 1));
  }

  /** Names each log file with a line that does not open; stray names go to `junk`. */
  async check(junk: string[]): Promise<DamagedFile[]> {
    const { dir } = this.core;
    const out: DamagedFile[] = [];
    for (const dev of listEntriesSync(path.join(dir, 'audit'))) {
      if (!ID_RE.test(dev.name) || !dev.isDirectory()) {
        junk.push(rel('audit', dev.name));
        continue;
      }
      for (const entry of listEntriesSync(path.join(dir, 'audit', dev.name))) {
        const f = entry.name;
        if (!AUDIT_LOG_RE.test(f) || !entry.isFile()) {
          junk.push(rel('audit', dev.name, f));
          continue;
        }
        const lines = (await readFile(path.join(dir, 'audit', dev.name, f), 'utf8'))
          .split('\n')
          .filter(Boolean);
        for (const line of lines) {
          try {
            await this.openLine(line, dev.name);
          } catch {
            out.push({
              caseId: null,
              file: rel('audit', dev.name, f),
              code: 'TAMPERED',
              reason: 'AUDIT_LINE',
            });
            break;
          }
        }
      }
    }
    return out;
  }
}
