// Every contract field that names a file or folder is in PATH_FIELDS, so no door forgets one:
// a new operation with a path field fails here until it says what kind of path it takes.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type OpName } from '../../shared/contract';
import { PATH_FIELDS } from '../../shared/contract/paths';

const PATH_NAMES = /^(dir|file|out|path|folder|p12File|directory|filename)$/iu;

/** The dotted places of string properties with a path-like name in a JSON schema. */
function pathLike(schema: unknown, at: string[] = [], out = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== 'object') return out;
  const s = schema as Record<string, unknown>;
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) pathLike(sub, at, out);
  if (s.properties && typeof s.properties === 'object')
    for (const [name, sub] of Object.entries(s.properties as Record<string, unknown>)) {
      const t = (sub as { type?: unknown; anyOf?: { type?: unknown }[] }) ?? {};
      const isString = t.type === 'string' || (t.anyOf ?? []).some((x) => x.type === 'string');
      if (PATH_NAMES.test(name) && isString) out.add([...at, name].join('.'));
      pathLike(sub, [...at, name], out);
    }
  return out;
}

describe('PATH_FIELDS', () => {
  it('names every path-like field of every operation, and nothing else', () => {
    const found: string[] = [];
    for (const op of Object.keys(contract) as OpName[]) {
      const json = z.toJSONSchema(contract[op].input, { io: 'input', unrepresentable: 'any' });
      for (const p of pathLike(json)) found.push(`${op}:${p}`);
    }
    const declared = Object.entries(PATH_FIELDS).flatMap(([op, fields]) =>
      (fields ?? []).map((f) => `${op}:${f.at.join('.')}`),
    );
    expect(found.sort()).toEqual(declared.sort());
  });
});
