/**
 * Writes the published JSON Schema of `bro-interchange/1` from the zod schemas, so the two
 * cannot drift apart: `npm run schema`. tests/unit/schema.test.ts fails when the committed
 * file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isoDate } from '../shared/domain/common';
import { INTERCHANGE_FORMAT, interchangeFile } from '../shared/interchange/schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../docs/bro-interchange-1.schema.json', import.meta.url));

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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
