import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { BroError } from '../../../shared/errors';
import {
  DISPATCH_CODES,
  isSvarUtStatus,
  type Forsendelse,
  type SvarUtStatus,
} from '../../../shared/dispatch/svarut';

/**
 * The SvarUt REST v3 client (issue 19 item 2): send (multipart) and status/sok, with the three
 * documented headers (shared/domain/municipal-handoff.md §2.2–2.5). Tested against a local server
 * that checks the documented request (tests/unit/dispatch-contract.test.ts): a contract test, not
 * a test against KS.
 *
 * SECURITY: nothing from the request or the answer is logged; errors carry codes only. The national
 * identity number, when given, exists only in the request body in memory.
 */

export interface SvarUtAccount {
  /** Base address, e.g. https://svarut.ks.no (the API is under /api, the public key under /forsendelse). */
  endpoint: string;
  kontoId: string;
  integrationId: string;
  password: string;
  token: string;
}

/** Send: SvarUt stops at 15 minutes, so the client waits 16 [KS SendMedDokumenter.md]. */
const SEND_TIMEOUT_MS = 16 * 60 * 1000;
const CALL_TIMEOUT_MS = 60 * 1000;

const remote = (code: string, status?: number) =>
  new BroError('IO', 'SvarUt did not accept the request', {
    issues: [{ path: ['svarut'], code }],
    detail: { reason: code, ...(status !== undefined ? { status } : {}) },
  });

function base(endpoint: string): string {
  return endpoint.replace(/\/+$/u, '').replace(/\/api$/u, '');
}

function headers(a: SvarUtAccount): Record<string, string> {
  return {
    Authorization: `Bearer ${a.token}`,
    IntegrasjonId: a.integrationId,
    IntegrasjonPassord: a.password,
  };
}

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch {
    throw remote(DISPATCH_CODES.unreachable);
  }
}

function failOn(res: Response): void {
  if (res.status === 401) throw remote(DISPATCH_CODES.unauthorized, 401);
  if (res.status === 403) throw remote(DISPATCH_CODES.forbidden, 403);
  if (res.status >= 500) throw remote(DISPATCH_CODES.unreachable, res.status);
  if (!res.ok) throw remote(DISPATCH_CODES.rejected, res.status);
}

/** A Maskinporten access token from the municipality's token service (`tokenUrl`): JSON `access_token`. */
export async function fetchToken(tokenUrl: string): Promise<string> {
  const res = await request(
    tokenUrl,
    { method: 'POST', headers: { Accept: 'application/json' } },
    CALL_TIMEOUT_MS,
  );
  if (!res.ok) throw remote(DISPATCH_CODES.tokenMissing, res.status);
  const body = (await res.json().catch(() => null)) as { access_token?: unknown } | null;
  const token = body?.access_token;
  if (typeof token !== 'string' || token.length < 10 || /\s/u.test(token))
    throw remote(DISPATCH_CODES.tokenMissing);
  return token;
}

/** SvarUt's public key certificate (PEM), for CMS encryption of sikkerhetsnivå 4 documents. */
export async function fetchPublicKey(endpoint: string): Promise<forge.pki.Certificate> {
  const res = await request(
    `${base(endpoint)}/forsendelse/publickey/hent`,
    { method: 'GET' },
    CALL_TIMEOUT_MS,
  );
  if (!res.ok) throw remote(DISPATCH_CODES.publicKey, res.status);
  try {
    return forge.pki.certificateFromPem(await res.text());
  } catch {
    throw remote(DISPATCH_CODES.publicKey);
  }
}

/** CMS EnvelopedData (AES-256-CBC, RSA key transport) for SvarUt's certificate: what `kryptert: true` means. */
export function cmsEncrypt(bytes: Uint8Array, cert: forge.pki.Certificate): Buffer {
  const p7 = forge.pkcs7.createEnvelopedData();
  p7.addRecipient(cert);
  p7.content = forge.util.createBuffer(Buffer.from(bytes).toString('binary'));
  p7.encrypt(undefined, forge.pki.oids['aes256-CBC']);
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** A part's header value: quotes and line breaks cannot end the header (the name is Bro's own). */
const quoted = (s: string) => `"${s.replace(/["\r\n\\]/gu, '_')}"`;

/**
 * The multipart/form-data body: part `forsendelse` (application/json) first, then each document in
 * metadata order with `filename` = its `filnavn` (SvarUt validates the order by filename).
 */
export function multipartBody(
  forsendelse: Forsendelse,
  document: Uint8Array,
): { body: Buffer; contentType: string } {
  const boundary = `bro-${randomBytes(16).toString('hex')}`;
  const crlf = '\r\n';
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}${crlf}Content-Disposition: form-data; name="forsendelse"${crlf}` +
        `Content-Type: application/json; charset=utf-8${crlf}${crlf}`,
    ),
    Buffer.from(JSON.stringify(forsendelse.json), 'utf8'),
    Buffer.from(
      `${crlf}--${boundary}${crlf}Content-Disposition: form-data; name="dokumenter"; filename=${quoted(forsendelse.file.filnavn)}${crlf}` +
        `Content-Type: ${forsendelse.json.kryptert === true ? 'application/octet-stream' : forsendelse.file.mimeType}${crlf}${crlf}`,
    ),
    Buffer.from(document),
    Buffer.from(`${crlf}--${boundary}--${crlf}`),
  ];
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /api/v3/kontoer/{kontoId}/forsendelser/{endpoint} → SvarUt's forsendelse id. */
export async function sendForsendelse(
  a: SvarUtAccount,
  forsendelse: Forsendelse,
  document: Uint8Array,
): Promise<string> {
  const { body, contentType } = multipartBody(forsendelse, document);
  const url = `${base(a.endpoint)}/api/v3/kontoer/${encodeURIComponent(a.kontoId)}/forsendelser/${forsendelse.endpoint}`;
  const res = await request(
    url,
    {
      method: 'POST',
      headers: { ...headers(a), 'Content-Type': contentType, Accept: 'application/json' },
      body: new Uint8Array(body),
    },
    SEND_TIMEOUT_MS,
  );
  failOn(res);
  const answer = (await res.json().catch(() => null)) as { id?: unknown } | null;
  const id = answer?.id;
  if (typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id))
    throw remote(DISPATCH_CODES.rejected);
  return id.toLowerCase();
}

/** POST /api/v3/kontoer/{kontoId}/forsendelser/status/sok {"id": [...]} → statuser[]. */
export async function statusSok(
  a: SvarUtAccount,
  ids: readonly string[],
): Promise<{ id: string; status: SvarUtStatus; changed: string }[]> {
  if (ids.length === 0) return [];
  const url = `${base(a.endpoint)}/api/v3/kontoer/${encodeURIComponent(a.kontoId)}/forsendelser/status/sok`;
  const res = await request(
    url,
    {
      method: 'POST',
      headers: { ...headers(a), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ id: ids }),
    },
    CALL_TIMEOUT_MS,
  );
  failOn(res);
  const answer = (await res.json().catch(() => null)) as { statuser?: unknown } | null;
  if (!answer || !Array.isArray(answer.statuser)) throw remote(DISPATCH_CODES.rejected);
  const out: { id: string; status: SvarUtStatus; changed: string }[] = [];
  for (const s of answer.statuser as { id?: unknown; status?: unknown; sisteStatusEndring?: unknown }[]) {
    // An unknown status (a newer SvarUt) is skipped, not guessed at.
    if (typeof s?.id !== 'string' || !isSvarUtStatus(s.status)) continue;
    out.push({
      id: s.id.toLowerCase(),
      status: s.status,
      changed:
        typeof s.sisteStatusEndring === 'string' && s.sisteStatusEndring.length <= 40
          ? s.sisteStatusEndring
          : new Date().toISOString(),
    });
  }
  return out;
}
