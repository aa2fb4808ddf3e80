import { createHmac, hkdfSync } from 'node:crypto';
import { calculateJwkThumbprint, CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { z } from 'zod';
import { BroError, type Issue } from '../../../shared/errors';
import { metricsPayload, type MetricsPayload } from '../../../shared/waiting/metrics';
import { base32 } from '../vault/crypto';
import { publicJwk, type PublicJwk, type SigningKey } from '../vault/identity';

/**
 * Signed, de-identified metrics bundles (docs/WAITING-TIMES.md § Metrics bundles).
 *
 * A bundle is a JWS in compact form (RFC 7515): protected header `{ alg: "EdDSA", typ:
 * "bro-metrics+jws", kid, jwk }`, payload the `bro-metrics/2` JSON (`/1` is still read). It is signed with the
 * vault's own Ed25519 key (derived from the master key). Trust does not come from the file: a
 * lead lists the vaults they accept in a JWKS (`bro metrics key` prints a vault's), and a bundle
 * whose kid is not in that list is refused, whatever key it carries.
 */

export const JWS_TYPE = 'bro-metrics+jws';

/**
 * The school pseudonym function of one vault: HMAC-SHA256 with a key derived (HKDF) from the
 * vault's private signing seed, so only this vault can make or check its pseudonyms and the
 * same school is unlinkable across vaults. Names are compared trimmed, lowercase, NFC.
 */
export function schoolPseudonyms(key: SigningKey): (school: string) => string {
  const seed = Buffer.from((key.privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url');
  const hmacKey = Buffer.from(hkdfSync('sha256', seed, 'bro-metrics', 'school pseudonym v1', 32));
  const cache = new Map<string, string>();
  return (school) => {
    const norm = school.normalize('NFC').trim().toLowerCase();
    let p = cache.get(norm);
    if (!p) {
      p = `S-${base32(createHmac('sha256', hmacKey).update(norm).digest().subarray(0, 7)).slice(0, 10).toUpperCase()}`;
      cache.set(norm, p);
    }
    return p;
  };
}

export async function signMetrics(payload: MetricsPayload, key: SigningKey): Promise<string> {
  const { kid, ...jwk } = key.publicJwk;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: JWS_TYPE, kid, jwk })
    .sign(key.privateKey);
}

/** The vault's public key as a JWKS of one: what a lead adds to their trust list. */
export function publicJwks(key: SigningKey): { keys: PublicJwk[] } {
  return { keys: [key.publicJwk] };
}

const jwks = z.union([
  z.object({ keys: z.array(z.unknown()).min(1).max(1000) }),
  z.object({ kty: z.string() }),
]);

/**
 * Reads a trust list: a JWKS (`{ "keys": [...] }`) or a single JWK, Ed25519 public keys whose
 * `kid` is their RFC 7638 thumbprint (checked, so a key cannot be listed under another's id).
 */
export async function trustedKeys(input: unknown): Promise<Map<string, PublicJwk>> {
  const bad = (path: (string | number)[]) =>
    new BroError('VALIDATION', 'The trust list is not a JWKS of Ed25519 public keys', {
      issues: [{ path: ['trust', ...path], code: 'TRUST_FILE' }],
    });
  const outer = jwks.safeParse(input);
  if (!outer.success) throw bad([]);
  const list = 'keys' in outer.data ? outer.data.keys : [outer.data];
  const out = new Map<string, PublicJwk>();
  for (const [i, raw] of list.entries()) {
    const k = publicJwk.safeParse(raw);
    if (!k.success) throw bad(['keys', i]);
    const thumb = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: k.data.x }, 'sha256');
    if (thumb !== k.data.kid) throw bad(['keys', i, 'kid']);
    out.set(k.data.kid, k.data);
  }
  return out;
}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** SECURITY: base64url decoders ignore a last character's unused bits; every byte must count. */
const canonical = (seg: string) => Buffer.from(seg, 'base64url').toString('base64url') === seg;

/**
 * Verifies one bundle against the trust list and returns its payload. Refuses, with the
 * bundle's index in the issue path: something that is not a JWS (NOT_SIGNED when it is plain
 * JSON, NOT_METRICS otherwise), an unsigned JWS (NOT_SIGNED), a key not in the trust list
 * (UNKNOWN_KEY, VALIDATION), and any changed byte (BAD_SIGNATURE, TAMPERED).
 */
export async function verifyBundle(
  text: string,
  trusted: Map<string, PublicJwk>,
  index: number,
): Promise<{ payload: MetricsPayload; kid: string }> {
  const path = ['bundles', index];
  const fail = (code: 'VALIDATION' | 'TAMPERED', issue: string) =>
    new BroError(code, code === 'TAMPERED' ? 'A metrics file was changed' : 'Not a trusted metrics file', {
      issues: [{ path, code: issue } satisfies Issue],
    });
  // One trailing line end is allowed (editors add it); anything else is part of the file.
  const jws = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!COMPACT.test(jws)) {
    let json = false;
    try {
      JSON.parse(jws.replace(/^\uFEFF/, ''));
      json = true;
    } catch {
      /* not JSON either */
    }
    throw fail('VALIDATION', json ? 'NOT_SIGNED' : 'NOT_METRICS');
  }
  const [h, p, s] = jws.split('.') as [string, string, string];
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    throw fail('TAMPERED', 'BAD_SIGNATURE');
  }
  if (s === '' || header.alg === 'none') throw fail('VALIDATION', 'NOT_SIGNED');
  if (![h, p, s].every(canonical)) throw fail('TAMPERED', 'BAD_SIGNATURE');
  if (header.alg !== 'EdDSA' || header.typ !== JWS_TYPE || typeof header.kid !== 'string')
    throw fail('VALIDATION', 'NOT_METRICS');
  const key = trusted.get(header.kid);
  if (!key) throw fail('VALIDATION', 'UNKNOWN_KEY');
  let payloadBytes: Uint8Array;
  try {
    const { kid: _kid, ...jwk } = key;
    const r = await compactVerify(jws, await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA'), {
      algorithms: ['EdDSA'],
    });
    payloadBytes = r.payload;
  } catch {
    throw fail('TAMPERED', 'BAD_SIGNATURE');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    throw fail('VALIDATION', 'NOT_METRICS');
  }
  const payload = metricsPayload.safeParse(parsed);
  // A valid signature over something else (or another version) is not a bundle we can read.
  if (!payload.success || payload.data.kid !== header.kid) throw fail('VALIDATION', 'NOT_METRICS');
  return { payload: payload.data, kid: header.kid };
}
