import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { z } from 'zod';

/** An Ed25519 public key as a JWK (RFC 8037), with its RFC 7638 thumbprint as `kid`. */
export const publicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(40).max(50),
  kid: z.string().min(20).max(100),
});
export type PublicJwk = z.infer<typeof publicJwk>;

export const privateJwk = publicJwk.extend({ d: z.string().min(40).max(50) });
export type PrivateJwk = z.infer<typeof privateJwk>;

/** A member's public identity, stored encrypted at keys/<memberId>.pub.jwe (the name is personal data). */
export const memberRecord = z.object({
  memberId: z.string(),
  name: z.string().max(200),
  publicJwk,
  created: z.string().max(40),
});
export type MemberRecord = z.infer<typeof memberRecord>;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

async function withKid(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }, 'sha256');
}

/** A fresh Ed25519 key pair for a member (letters are signed with it). */
export async function generateSigningJwk(): Promise<PrivateJwk> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, d: jwk.d!, kid: await withKid(jwk) };
}

export function signingKeyFromJwk(jwk: PrivateJwk): SigningKey {
  const privateKey = createPrivateKey({ key: { ...jwk }, format: 'jwk' });
  return { kid: jwk.kid, privateKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid } };
}

// PKCS#8 wrapper for a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The vault's own signing key, derived from a 32-byte seed (for de-identified metrics bundles). */
export async function signingKeyFromSeed(seed: Uint8Array): Promise<SigningKey> {
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed)]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = await withKid(jwk);
  return { kid, privateKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid } };
}
