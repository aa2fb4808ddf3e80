import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  archiveFileName,
  buildArkivmeldinger,
  type ArchiveLetter,
} from '../../../shared/archive/arkivmelding';
import type { archiveOps } from '../../../shared/contract/archive';
import { BroError } from '../../../shared/errors';
import { letterPdf } from '../../../shared/letters/events';
import type { Progress, Session } from '../session';
import { resolveCase } from '../letters/issue';
import { writeAtomic } from '../vault/atomic';
import { zip } from './zip';

type Ops = typeof archiveOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.infer<Ops[K]['output']>;
export type ArchiveHandlers = { [K in keyof Ops]: (input: In<K>, progress?: Progress) => Promise<Out<K>> };

/** The handlers of shared/contract/archive.ts; part of the one handler table (../handlers.ts). */
export function archiveHandlers(session: Session): ArchiveHandlers {
  return {
    'archive.make': async (input) => {
      const vault = session.requireVault();
      const caseId = await resolveCase(vault, input.caseId);
      const state = await vault.fold(caseId);
      if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');

      // The letters as they left Bro: the PDFs kept in the case when they were issued.
      const pdfs = new Map<string, Buffer>();
      for (const e of await vault.readCase(caseId)) {
        if (e.type !== 'letters.pdf') continue;
        const p = letterPdf.safeParse(e.data);
        if (p.success) pdfs.set(p.data.letterId, Buffer.from(p.data.pdf, 'base64'));
      }
      const letters: (ArchiveLetter & { pdf: Buffer })[] = state.letters
        .filter((l) => pdfs.has(l.letterId))
        .map((l) => {
          const pdf = pdfs.get(l.letterId)!;
          return {
            letterId: l.letterId,
            kind: l.kind,
            date: l.date,
            issuedAt: l.issuedAt,
            recipients: l.recipients,
            file: archiveFileName(l),
            bytes: pdf.length,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            pdf,
          };
        });
      const messages = buildArkivmeldinger({
        caseKey: caseId,
        caseRef: state.doc.id,
        service: String(state.doc.service ?? 'PPT'),
        letters,
      });
      const files: { name: string; bytes: Buffer }[] = [];
      const listed = messages.map((m) => {
        const names = [`${m.folder}/arkivmelding.xml`];
        files.push({ name: names[0]!, bytes: Buffer.from(m.xml, 'utf8') });
        const l = letters.find((x) => x.letterId === m.letterId);
        if (l) {
          names.push(`${m.folder}/${l.file}`);
          files.push({ name: names[1]!, bytes: l.pdf });
        }
        return { folder: m.folder, key: m.key, letterId: m.letterId, files: names };
      });

      let bytes = 0;
      let packed: Buffer | null = null;
      const out = input.out === undefined ? null : path.resolve(input.out);
      try {
        if (out === null || /\.zip$/iu.test(out)) {
          packed = zip(files);
          bytes = packed.length;
          // SECURITY: the case leaves the vault only here, by the user's choice; atomic, mode 0600.
          if (out !== null) await writeAtomic(out, packed);
        } else {
          const exists = await stat(out).then(
            (s) => s,
            () => null,
          );
          if (exists && !exists.isDirectory())
            throw new BroError('VALIDATION', 'The archive folder is a file', {
              issues: [{ path: ['out'], code: 'NOT_A_FOLDER' }],
            });
          for (const f of files) {
            const target = path.join(out, f.name);
            await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
            await writeAtomic(target, f.bytes);
            bytes += f.bytes.length;
          }
        }
      } catch (e) {
        if (e instanceof BroError) throw e;
        throw new BroError('IO', 'Could not write the archive package', { detail: { reason: 'WRITE' } });
      }
      await vault.audit('archive.make', caseId);
      return {
        file: out,
        ...(out === null && packed ? { zip: packed.toString('base64') } : {}),
        caseId,
        messages: listed,
        bytes,
      };
    },
  };
}
