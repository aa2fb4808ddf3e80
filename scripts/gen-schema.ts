/**
 * Writes the published JSON Schema of `bro-interchange/1` from the zod schemas, so the two
 * cannot drift apart: `npm run schema`. tests/unit/schema.test.ts fails when the committed
 * file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isoDate } from '../shared/domain/common';
import { EVENT_DATA, EVENT_VERSION } from '../shared/events/vocabulary';
import { INTERCHANGE_FORMAT, interchangeFile } from '../shared/interchange/schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../docs/bro-interchange-1.schema.json', import.meta.url));
export const EVENTS_SCHEMA_PATH = fileURLToPath(new URL('../docs/bro-events-1.schema.json', import.meta.url));

export function interchangeJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(interchangeFile, {
    target: 'draft-2020-12',
    // The schema describes what a file may contain, i.e. the input side: a handover note may be
    // a plain string there (zod turns it into { status }). The output side has a transform,
    // which JSON Schema cannot express. Anything else unrepresentable should fail loudly here
    // rather than be published as "anything goes", so `unrepresentable` stays 'throw'.
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // zod checks that a date exists (no 2026-02-30) with a refinement JSON Schema cannot
      // carry; the standard `date` format says the same to validators that check formats.
      if (zodSchema === isoDate) jsonSchema.format = 'date';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'urn:bro:schema:bro-interchange-1',
    title: INTERCHANGE_FORMAT,
    description:
      'Cases that `bro import` reads and `bro export` writes (INTERCHANGE.md). Generated from the zod ' +
      'schemas in shared/ by `npm run schema`; do not edit. Dates are calendar dates YYYY-MM-DD; null and a ' +
      'missing field mean the same; unknown fields are rejected. Bro checks more than this schema can ' +
      'say: required text must not be blank, and rules across fields (received not before sent, a ' +
      'handover note on a caseworker change, a legal reference for Lovkrav, unique referral and ' +
      'recommendation ids, ...) are reported by `bro import` with the path of each problem.',
    ...rest,
  };
}

export function renderSchema(): string {
  return `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`;
}

/**
 * How a string field treats what JSON Schema cannot say, found by asking the zod schema itself:
 * `trimmed` (VAULT-FORMAT §10.2 `text(n)`: trimmed before the length checks, the trimmed value is
 * kept, control characters refused), `as-is` (`opt(n)`: not trimmed, control characters refused),
 * or nothing (only what the JSON Schema says).
 */
export function textRule(s: z.ZodType): 'trimmed' | 'as-is' | undefined {
  if (!s.safeParse('a').success) return undefined;
  const padded = s.safeParse(' a ');
  const trimmed = padded.success && padded.data === 'a';
  const noControl = !s.safeParse('a\u0001').success;
  // A trimmed string that allows control characters is only ever an intermediate schema (the
  // `z.string().trim()` that `text(n)` refines further), never a field: it gets no rule.
  return noControl ? (trimmed ? 'trimmed' : 'as-is') : undefined;
}

/**
 * The payload schema of every event type of vocabulary version 1, one `$defs` entry per type
 * (VAULT-FORMAT §10.2). String fields carry `x-bro-text` (see `textRule`).
 */
export function eventsJsonSchema(): Record<string, unknown> {
  const $defs: Record<string, unknown> = {};
  for (const type of Object.keys(EVENT_DATA).sort()) {
    const { $schema: _s, ...def } = z.toJSONSchema(EVENT_DATA[type]!, {
      target: 'draft-2020-12',
      io: 'input',
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === isoDate) jsonSchema.format = 'date';
        else if (zodSchema._zod.def.type === 'string' && !('pattern' in jsonSchema)) {
          const rule = textRule(zodSchema as unknown as z.ZodType);
          if (rule) jsonSchema['x-bro-text'] = rule;
        }
      },
    }) as Record<string, unknown>;
    $defs[type] = def;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:bro:schema:bro-events-1',
    title: `bro event payloads, vocabulary version ${EVENT_VERSION}`,
    description:
      'The `data` of each event type in a Bro vault (VAULT-FORMAT.md §10), one $defs entry per type. ' +
      'Generated from the zod schemas Bro validates with by `npm run schema`; do not edit. Lengths count ' +
      'code points; `format: date` is a real calendar date in 1900-2200; `x-bro-text: trimmed` is trimmed ' +
      '(VAULT-FORMAT.md §2) before its lengths are checked and kept trimmed; `trimmed` and `as-is` both refuse ' +
      'control characters (VAULT-FORMAT.md §10.2).',
    $defs,
  };
}

export function renderEventsSchema(): string {
  return `${JSON.stringify(eventsJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
  writeFileSync(EVENTS_SCHEMA_PATH, renderEventsSchema());
  console.log(`wrote ${EVENTS_SCHEMA_PATH}`);
}
