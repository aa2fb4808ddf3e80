import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  EVENTS_SCHEMA_PATH,
  eventsJsonSchema,
  interchangeJsonSchema,
  SCHEMA_PATH,
} from '../../scripts/gen-schema';
import { EVENT_DATA } from '../../shared/events/vocabulary';
import { INTERCHANGE_EXAMPLE_FILE } from '../../shared/interchange/interchangeExample.fixture';
import { interchangeFile } from '../../shared/interchange/schema';

const schema = interchangeJsonSchema();
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

type Example = typeof INTERCHANGE_EXAMPLE_FILE;
type Case = Example['cases'][number];
/** The example file with its one case changed by `change`. */
function fileWith(change: (c: Case) => void): Example {
  const f = JSON.parse(JSON.stringify(INTERCHANGE_EXAMPLE_FILE)) as Example;
  change(f.cases[0]!);
  return f;
}

describe('docs/bro-interchange-1.schema.json', () => {
  it('is what `npm run schema` generates now (regenerate it when the zod schemas change)', () => {
    const committed = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as unknown;
    expect(committed, 'stale: run `npm run schema` and commit docs/bro-interchange-1.schema.json').toEqual(
      schema,
    );
  });

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:bro:schema:bro-interchange-1');
    expect(schema.title).toBe('bro-interchange/1');
    expect(schema.description).toEqual(expect.stringContaining('npm run schema'));
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('accepts the INTERCHANGE.md example', () => {
    const ok = validate(INTERCHANGE_EXAMPLE_FILE);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts a handover note as a string and as an object (the input side of the zod schema)', () => {
    const asObject = fileWith((c) => {
      (c.assignments[0] as { handoverNote: unknown }).handoverNote = {
        status: 'Status',
        openPromises: 'Ring mor',
      };
    });
    expect(validate(asObject)).toBe(true);
    expect(validate(INTERCHANGE_EXAMPLE_FILE)).toBe(true);
  });

  const invalid: [string, (c: Case) => void, string][] = [
    [
      'a referral without received',
      (c) => delete (c.referrals[0] as { received?: string }).received,
      'required',
    ],
    ['a date that does not exist', (c) => (c.referrals[0]!.sent = '2026-02-30'), 'format'],
    ['a date in another format', (c) => (c.referrals[0]!.sent = '05.01.2026'), 'pattern'],
    ['grade 14', (c) => (c.pupil.grade = 14), 'maximum'],
    ['an unknown field', (c) => Object.assign(c.pupil, { shoeSize: 38 }), 'additionalProperties'],
    ['an unknown service', (c) => (c.service = 'NAV'), 'enum'],
    ['an unknown label', (c) => (c.recommendations[0]!.label = 'Forslag'), 'enum'],
    [
      'an evaluation without a decision',
      (c) => delete (c.recommendations[0]!.evaluations[0] as { decision?: string }).decision,
      'required',
    ],
  ];

  it.each(invalid)('rejects %s, as zod does', (_name, change, keyword) => {
    const file = fileWith(change);
    expect(validate(file)).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
    expect(interchangeFile.safeParse(file).success).toBe(false);
  });

  it('rejects another format tag and unknown top-level fields', () => {
    expect(validate({ ...INTERCHANGE_EXAMPLE_FILE, format: 'bro-interchange/2' })).toBe(false);
    expect(validate({ ...INTERCHANGE_EXAMPLE_FILE, exportedBy: 'x' })).toBe(false);
    expect(validate({ format: 'bro-interchange/1', cases: [] })).toBe(true);
  });

  it('accepts null wherever a field is optional, as zod does', () => {
    const file = fileWith((c) => {
      Object.assign(c.pupil, { birthDate: null, coordinator: null });
      Object.assign(c, { guardians: null, meetings: null, pupilVoice: null });
    });
    expect(validate(file)).toBe(true);
    expect(interchangeFile.safeParse(file).success).toBe(true);
  });
});

describe('docs/bro-events-1.schema.json (VAULT-FORMAT.md §10.2)', () => {
  const events = eventsJsonSchema();
  const defs = events.$defs as Record<string, Record<string, unknown>>;
  const eventsAjv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(eventsAjv);
  eventsAjv.addKeyword({ keyword: 'x-bro-text', schemaType: 'string' });
  const check = (type: string) => eventsAjv.compile({ ...defs[type], $schema: undefined });

  it('is what `npm run schema` generates now (regenerate it when the zod schemas change)', () => {
    const committed = JSON.parse(readFileSync(EVENTS_SCHEMA_PATH, 'utf8')) as unknown;
    expect(committed, 'stale: run `npm run schema` and commit docs/bro-events-1.schema.json').toEqual(events);
    expect(eventsAjv.validateSchema(events)).toBe(true);
  });

  it('has one payload schema per event type, each compiling', () => {
    expect(Object.keys(defs).sort()).toEqual(Object.keys(EVENT_DATA).sort());
    for (const type of Object.keys(defs)) expect(() => check(type)).not.toThrow();
  });

  it('marks text(n) as trimmed and opt(n) as as-is, and says what zod does beyond the schema', () => {
    const voided = defs['case.voided'] as { properties: { reason: Record<string, unknown> } };
    expect(voided.properties.reason['x-bro-text']).toBe('trimmed');
    const guardian = defs['guardians.recorded'] as {
      properties: { set: { properties: Record<string, { anyOf?: Record<string, unknown>[] }> } };
    };
    expect(guardian.properties.set.properties.contact!.anyOf![0]!['x-bro-text']).toBe('as-is');
    // The schema alone accepts what only the overlay refuses: blank trimmed text, control characters.
    for (const payload of [{ reason: '   ' }, { reason: 'a\u0001' }]) {
      expect(check('case.voided')(payload)).toBe(true);
      expect(EVENT_DATA['case.voided']!.safeParse(payload).success).toBe(false);
    }
    // A plain string (no x-bro-text) is only what the schema says, as zod does.
    const status = {
      forsendelseId: '00000000-0000-0000-0000-000000000000',
      status: 'LEST',
      changed: 'a\u0001',
    };
    expect(check('dispatch.status')(status)).toBe(true);
    expect(EVENT_DATA['dispatch.status']!.safeParse(status).success).toBe(true);
  });
});
