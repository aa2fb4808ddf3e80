import { open } from 'node:fs/promises';
import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';

/**
 * `bro attach DIR --case ID FILE [--title TEXT] [--received DATE]` (issue 19 item 0): a received
 * document (PDF, Word, image) attached to a case, kept encrypted in the vault.
 * SECURITY: the file's name and path are never printed, logged or put in an error (they often
 * name the pupil); the name only gives the default title, which lives encrypted in the case.
 */
export const attachCommand: Command = {
  name: 'attach',
  help: [
    [
      'attach <mappe> --case ID FIL [--title TEKST] [--received DATO]',
      'Legg ved et mottatt dokument (PDF, Word, bilde) i saken, kryptert; vises i tidslinjen og tas med i innsyn og arkivpakke',
    ],
  ],
  async run(cli, rest) {
    const usage = 'bro attach <dir> --case ID FILE [--title TEXT] [--received YYYY-MM-DD]';
    need(rest, 2, usage);
    const [dir, file] = rest as [string, string];
    const caseId = cli.flags.case?.[0];
    if (!caseId || cli.flags.case!.length > 1) throw new BroError('USAGE', usage);
    const bytes = await readBounded(file);
    await cli.unlock(dir);
    const r = await cli.call('attachments.add', {
      caseId,
      data: bytes.toString('base64'),
      originalName: path.basename(file),
      ...(cli.flags.title !== undefined ? { title: cli.flags.title } : {}),
      ...(cli.flags.received !== undefined ? { received: cli.flags.received } : {}),
    });
    await cli.session.vault?.close();
    const line = r.duplicate
      ? `Dokumentet var allerede lagt ved saken (${r.attachmentId}); ingenting nytt lagret.`
      : `La ved «${r.title}» (${r.type.toUpperCase()}, ${r.bytes} byte, mottatt ${r.received}) som ${r.attachmentId}.`;
    cli.print({ ok: true, ...r }, line);
    return EXIT.OK;
  },
};

/** Reads the file, refusing one over the limit before reading it whole. Errors name no path. */
async function readBounded(file: string): Promise<Buffer> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch {
    throw new BroError('IO', 'Could not read the file', { detail: { reason: 'READ' } });
  }
  try {
    const { ATTACHMENT_MAX_BYTES } = await import('../../../shared/attachments/document');
    const st = await fh.stat();
    if (!st.isFile()) throw new BroError('IO', 'Not a file', { detail: { reason: 'READ' } });
    if (st.size > ATTACHMENT_MAX_BYTES)
      throw new BroError('VALIDATION', 'The file is too large', {
        issues: [
          { path: ['file'], code: 'ATTACHMENT_TOO_LARGE', limit: String(ATTACHMENT_MAX_BYTES / 1024 / 1024) },
        ],
      });
    return await fh.readFile();
  } catch (e) {
    if (e instanceof BroError) throw e;
    throw new BroError('IO', 'Could not read the file', { detail: { reason: 'READ' } });
  } finally {
    await fh.close();
  }
}
