import {
  FlattenedSign,
  base64url,
  flattenedVerify,
  importJWK,
  type JWK,
  type ProtectedHeaderParameters,
} from 'jose';
import type { PublicJwk, SigningKey } from '../vault/identity';

/**
 * The two Ed25519 signatures in a Bro letter, both JWS (RFC 7515) with alg EdDSA (RFC 8037)
 * and the member's key id (its RFC 7638 thumbprint) and public key in the protected header:
 *
 * - the letter JWS: detached (RFC 7515 Appendix F), over the canonical JSON of the letter
 *   (RFC 8785). It is stored as the attachment `bro-letter.jws` beside `bro-letter.json`.
 * - the seal: a compact JWS whose payload names the byte ranges of the PDF it covers and their
 *   SHA-256, so one changed byte anywhere in the file is found even without a PAdES signature.
 *
 * Without a key set (`bro verify --jwks`), a signature is checked against the key in its own
 * header: that proves the file is unchanged since that key signed it, not who owns the key.
 */
export const LETTER_TYP = 'bro-letter+jws';
export const SEAL_TYP = 'bro-seal+jws';

export interface JwksKey extends PublicJwk {
  name?: string;
  use?: string;
  alg?: string;
}

export interface JwsCheck {
  valid: boolean;
  reason: string | null;
  kid: string | null;
  /** The key that verified it (from the key set when one was given, else from the header). */
  key: JwksKey | null;
  /** True when the key came from the key set the caller trusts. */
  trusted: boolean;
  payload: Uint8Array | null;
}

function header(key: SigningKey, typ: string) {
  return {
    alg: 'EdDSA',
    kid: key.kid,
    typ,
    jwk: { kty: key.publicJwk.kty, crv: key.publicJwk.crv, x: key.publicJwk.x },
  };
}

/** The letter JWS, detached: `<protected>..<signature>`. */
export async function signDetached(payload: Uint8Array, key: SigningKey): Promise<string> {
  const jws = await new FlattenedSign(payload)
    .setProtectedHeader(header(key, LETTER_TYP))
    .sign(key.privateKey);
  return `${jws.protected}..${jws.signature}`;
}

/** The seal: an ordinary compact JWS. */
export async function signCompact(payload: Uint8Array, key: SigningKey): Promise<string> {
  const jws = await new FlattenedSign(payload).setProtectedHeader(header(key, SEAL_TYP)).sign(key.privateKey);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

async function check(
  protectedB64: string,
  payloadB64: string,
  signature: string,
  typ: string,
  keys: readonly JwksKey[] | null,
): Promise<JwsCheck> {
  const none: JwsCheck = { valid: false, reason: null, kid: null, key: null, trusted: false, payload: null };
  let h: ProtectedHeaderParameters;
  try {
    h = JSON.parse(new TextDecoder().decode(base64url.decode(protectedB64))) as ProtectedHeaderParameters;
    if (!h || typeof h !== 'object') throw new Error('header');
  } catch {
    return { ...none, reason: 'MALFORMED' };
  }
  const kid = typeof h.kid === 'string' ? h.kid : null;
  if (h.alg !== 'EdDSA' || h.typ !== typ) return { ...none, kid, reason: 'HEADER' };
  const embedded = h.jwk as JWK | undefined;
  let key: JwksKey | null = null;
  if (keys) {
    key = keys.find((k) => k.kid === kid) ?? null;
    if (!key) return { ...none, kid, reason: 'UNKNOWN_KEY' };
    if (embedded && embedded.x !== key.x) return { ...none, kid, reason: 'KEY_MISMATCH' };
  } else if (embedded?.kty === 'OKP' && embedded.crv === 'Ed25519' && typeof embedded.x === 'string' && kid) {
    key = { kty: 'OKP', crv: 'Ed25519', x: embedded.x, kid };
  }
  if (!key) return { ...none, kid, reason: 'NO_KEY' };
  try {
    const pub = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: key.x }, 'EdDSA');
    const r = await flattenedVerify({ protected: protectedB64, payload: payloadB64, signature }, pub);
    return { valid: true, reason: null, kid, key, trusted: keys !== null, payload: r.payload };
  } catch {
    return { ...none, kid, key, reason: 'SIGNATURE_MISMATCH' };
  }
}

/** Verifies the detached letter JWS over `payload` (the attachment's exact bytes). */
export async function verifyDetached(
  jws: string,
  payload: Uint8Array,
  keys: readonly JwksKey[] | null,
): Promise<JwsCheck> {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts[1] !== '')
    return { valid: false, reason: 'MALFORMED', kid: null, key: null, trusted: false, payload: null };
  return check(parts[0]!, base64url.encode(payload), parts[2]!, LETTER_TYP, keys);
}

export async function verifyCompact(jws: string, keys: readonly JwksKey[] | null): Promise<JwsCheck> {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/u.test(p)))
    return { valid: false, reason: 'MALFORMED', kid: null, key: null, trusted: false, payload: null };
  return check(parts[0]!, parts[1]!, parts[2]!, SEAL_TYP, keys);
}
