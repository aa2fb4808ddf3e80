import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CASE_FIELDS, COLLECTION_ITEM, COLLECTIONS } from '../../../shared/domain/caseDoc';
import { pupil } from '../../../shared/domain/pupil';
import { evaluation } from '../../../shared/domain/recommendation';
import { foldCase } from '../../../shared/events/fold';
import type { StoredEvent } from '../../../shared/events/vocabulary';
import { fieldLabel, makeI18n } from '../../app/i18n';
import { showField as showValue, timelineItems } from './Timeline';

const { t } = makeI18n('nb');
const fields = (schema: z.ZodType) => Object.keys((schema as z.ZodObject).shape);

/** Stored events of one case, in the order made (each a later HLC), at `at`. */
function eventMaker() {
  let n = 0;
  return (type: string, data: unknown, at = '2026-03-01T10:00:00.000Z'): StoredEvent => ({
    v: 1,
    id: `e${String(++n).padStart(25, 'a')}`.slice(0, 26),
    caseId: 'c'.repeat(26),
    type,
    hlc: `${String(1000 + n).padStart(15, '0')}-000000`,
    device: 'd'.repeat(26),
    actor: 'm'.repeat(26),
    at,
    data,
  });
}

describe('the timeline speaks Norwegian', () => {
  it('has a label for every field a case event can change (never a field key such as coordinator)', () => {
    const entities: [string, z.ZodType][] = [
      ['case', CASE_FIELDS],
      ['pupil', pupil],
      ['evaluations', evaluation],
      ...COLLECTIONS.map((c): [string, z.ZodType] => [c, COLLECTION_ITEM[c]]),
    ];
    const missing: string[] = [];
    for (const [entity, schema] of entities)
      for (const field of fields(schema))
        if (field !== 'caseworkerId' && fieldLabel(t, entity, field) === field)
          missing.push(`${entity}.${field}`);
    expect(missing).toEqual([]);
  });

  it('titles every event type in Norwegian, and a caseworker change names both caseworkers', () => {
    const ev = eventMaker();
    const a = 'a'.repeat(26);
    const b = 'b'.repeat(26);
    const state = foldCase('c'.repeat(26), [
      ev('case.opened', { externalId: 'c-1', service: 'PPT' }, '2026-01-01T10:00:00.000Z'),
      ev('pupil.recorded', {
        set: { name: 'E', school: 'S', grade: 3, coordinator: { role: 'r', name: 'n' } },
      }),
      ev(
        'assignments.recorded',
        { key: a, set: { caseworker: 'Kari Nordmann', role: 'rådgiver', from: '2026-01-05' } },
        '2026-01-05T10:00:00.000Z',
      ),
      ev('assignments.recorded', {
        key: a,
        set: { to: '2026-03-01', reason: 'permisjon', handoverNote: { status: 'x' } },
      }),
      ev('assignments.recorded', {
        key: b,
        set: { caseworker: 'Ola Hansen', role: 'rådgiver', from: '2026-03-01', caseworkerId: b },
      }),
      ev('some.future', { x: 1 }),
    ]);
    const items = timelineItems(t, state.history);
    const titles = items.map((i) => i.title);
    expect(titles).toEqual([
      'Bytte av saksbehandler: Kari Nordmann → Ola Hansen',
      'Saksbehandler: Kari Nordmann',
      'Elevopplysninger',
      'Sak opprettet',
    ]);
    expect(titles.join(' ')).not.toMatch(/assignments|coordinator|legalBasis|\.recorded/);
    // The register link is not shown; the reason and handover note are.
    const change = items[0]!.changes.map((c) => c.change.field);
    expect(change).not.toContain('caseworkerId');
    expect(change).toEqual(expect.arrayContaining(['to', 'handoverNote', 'caseworker']));
  });
});

describe('the archive and SvarUt in the timeline', () => {
  const ev = eventMaker();
  const letterId = 'l'.repeat(26);
  const attachmentId = 'q'.repeat(26);
  const forsendelseId = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
  const numbers = { journalaar: 2026, journalsekvensnummer: 5004, journalpostnummer: 4 };
  const state = foldCase('c'.repeat(26), [
    ev('case.opened', { externalId: 'c-1', service: 'PPT' }),
    ev('letters.issued', {
      letterId,
      kind: 'tiltaksoversikt',
      lang: 'nb',
      version: 1,
      date: '2026-02-20',
      issuedAt: '2026-02-20T09:00:00.000Z',
      recipients: [],
      contentHash: 'a'.repeat(64),
      code: 'AAAA-BBBB-CCCC',
      kid: 'k'.repeat(43),
      pades: null,
      options: {},
      warnings: [],
      note: null,
    }),
    ev('attachments.added', {
      attachmentId,
      title: 'Rapport fra helsesykepleier',
      received: '2026-02-02',
      type: 'pdf',
      blob: { sha256: 'b'.repeat(64), size: 10 },
    }),
    // The letter's journalpost before the saksmappe's answer: journalår/journalsekvensnummer.
    ev('archive.receipt', { of: 'letter', letterId, systemID: 's1', ...numbers }),
    ev('archive.receipt', { of: 'case', systemID: 's2', saksaar: 2026, sakssekvensnummer: 123 }),
    ev('archive.receipt', {
      of: 'document',
      attachmentId,
      systemID: 's3',
      journalaar: 2026,
      journalsekvensnummer: 5007,
      journalpostnummer: 7,
    }),
    ev('dispatch.recorded', {
      letterId,
      channel: 'package',
      to: 'foresatte',
      endpoint: 'print',
      forsendelseId: null,
      eksternReferanse: `bro-brev-${letterId}`,
      at: '2026-03-01T10:00:00.000Z',
    }),
    ev('dispatch.recorded', {
      letterId,
      channel: 'svarut',
      to: 'skole',
      endpoint: 'organisasjon',
      forsendelseId,
      eksternReferanse: `bro-brev-${letterId}`,
      at: '2026-03-01T10:00:00.000Z',
    }),
    ev('dispatch.status', { forsendelseId, status: 'LEVERT_ALTINN', changed: '2026-03-02T08:00:00.000Z' }),
    ev('dispatch.status', { forsendelseId, status: 'LEST', changed: '2026-03-03T08:00:00.000Z' }),
  ]);
  /** Each line as its title and «label: value» (a change as «from → to»), oldest first. */
  const lines = (lang: 'nb' | 'nn' | 'en') => {
    const { t: tl } = makeI18n(lang);
    return timelineItems(tl, state.history)
      .reverse()
      .slice(3)
      .map((i) => [
        i.title,
        ...i.changes.map(({ entity, change: c }) => {
          const v = (x: unknown) => showValue(tl, entity, c.field, x);
          return `${fieldLabel(tl, entity, c.field)}: ${c.from != null ? `${v(c.from)} → ` : ''}${v(c.to)}`;
        }),
      ]);
  };

  it('gives each receipt and dispatch its own line in bokmål, with the numbers and no ids', () => {
    expect(lines('nb')).toEqual([
      ['Kvittering fra arkivet: brevet er journalført', 'Brev: Tiltaksoversikt', 'Arkivreferanse: 2026/5004'],
      ['Kvittering fra arkivet: saken har fått saksnummer', 'Saksnummer i arkivet: 2026/123'],
      [
        'Kvittering fra arkivet: mottatt dokument er journalført',
        'Dokument: Rapport fra helsesykepleier',
        'Arkivreferanse: 2026/123-7',
      ],
      ['Pakke for SvarUt laget', 'Brev: Tiltaksoversikt', 'Til: Foresatte'],
      ['Brev sendt med SvarUt', 'Brev: Tiltaksoversikt', 'Til: Skolen'],
      ['Ny status fra SvarUt', 'Brev: Tiltaksoversikt', 'Status i SvarUt: levert i Altinn'],
      [
        'Ny status fra SvarUt',
        'Brev: Tiltaksoversikt',
        'Status i SvarUt: levert i Altinn → lest av mottakeren',
      ],
    ]);
    const all = JSON.stringify(lines('nb'));
    for (const id of [letterId, attachmentId, forsendelseId, 's1', 'bro-brev-'])
      expect(all).not.toContain(id);
  });

  it('has the lines in nynorsk and English too', () => {
    expect(lines('nn').map((l) => l[0])).toEqual([
      'Kvittering frå arkivet: brevet er journalført',
      'Kvittering frå arkivet: saka har fått saksnummer',
      'Kvittering frå arkivet: motteke dokument er journalført',
      'Pakke for SvarUt laga',
      'Brev sendt med SvarUt',
      'Ny status frå SvarUt',
      'Ny status frå SvarUt',
    ]);
    expect(lines('en')).toContainEqual([
      'Archive receipt: the letter is filed',
      'Letter: Overview of measures',
      'Archive reference: 2026/5004',
    ]);
    expect(lines('en')).toContainEqual([
      'Letter sent with SvarUt',
      'Letter: Overview of measures',
      'To: The school',
    ]);
    // SvarUt's status in the reader's language, not bokmål in an English or nynorsk timeline.
    expect(lines('en').at(-1)!.at(-1)).toBe('Status in SvarUt: delivered in Altinn → read by the recipient');
    expect(lines('nn').at(-1)!.at(-1)).toMatch(/levert i Altinn → lese av mottakaren$/u);
  });
});
