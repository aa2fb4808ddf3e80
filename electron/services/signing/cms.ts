import {
  X509Certificate,
  createHash,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import {
  TAG,
  children,
  ctx,
  expect,
  octets,
  oid,
  oidString,
  read,
  seq,
  set,
  setOf,
  smallInt,
  tlv,
  type Node,
} from './der';

/**
 * CMS SignedData for PAdES (ETSI.CAdES.detached, PAdES baseline B-B): detached content,
 * SHA-256, signed attributes contentType, messageDigest and signing-certificate-v2 (ETSI EN
 * 319 122-1 requires the last; the signing time lives in the PDF's /M, not in CMS). Built here
 * rather than by @signpdf/signer-p12, which writes adbe.pkcs7.detached-style attributes and lets
 * node-forge re-encode the certificate's names.
 */
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const HASH_BY_OID: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export interface CmsSigner {
  privateKey: KeyObject;
  /** The signer's certificate, DER, exactly as issued. */
  certDer: Buffer;
  /** Further certificates (the chain), DER. */
  chain: Buffer[];
}

/** Serial number and issuer of a certificate, as the exact bytes it carries them. */
function issuerAndSerial(certDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const cert = expect(read(certDer), TAG.SEQUENCE);
  const tbs = expect(children(cert.value)[0], TAG.SEQUENCE);
  const fields = children(tbs.value);
  const v = fields[0]?.tag === 0xa0 ? 1 : 0;
  return { serial: expect(fields[v], TAG.INTEGER).raw, issuer: expect(fields[v + 2], TAG.SEQUENCE).raw };
}

export function cadesDetached(data: Buffer, signer: CmsSigner): Buffer {
  const { issuer, serial } = issuerAndSerial(signer.certDer);
  const sha256 = seq(oid(OID.sha256));
  const digest = createHash('sha256').update(data).digest();
  const certHash = createHash('sha256').update(signer.certDer).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256, so omitted) and issuerSerial.
  const essCertId = seq(octets(certHash), seq(seq(ctx(4, issuer)), serial));
  const attrs = setOf(
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.messageDigest), set(octets(digest))),
    seq(oid(OID.signingCertificateV2), set(seq(seq(essCertId)))),
  );
  const isEc = signer.privateKey.asymmetricKeyType === 'ec';
  const signature = cryptoSign('sha256', attrs, signer.privateKey);
  const signedAttrs = Buffer.concat([Buffer.from([0xa0]), attrs.subarray(1)]);
  const sigAlg = isEc
    ? seq(oid(OID.ecdsaWithSha256))
    : seq(oid(OID.sha256WithRSA), tlv(TAG.NULL, Buffer.alloc(0)));
  const signerInfo = seq(smallInt(1), seq(issuer, serial), sha256, signedAttrs, sigAlg, octets(signature));
  const signedData = seq(
    smallInt(1),
    set(sha256),
    seq(oid(OID.data)),
    ctx(0, signer.certDer, ...signer.chain),
    set(signerInfo),
  );
  return seq(oid(OID.signedData), ctx(0, signedData));
}

export interface CmsResult {
  valid: boolean;
  /** Why it is not valid (a code, no values). */
  reason: string | null;
  /** The signer's distinguished name, "CN=PPT Bærum, O=Bærum kommune, C=NO". */
  subject: string | null;
  commonName: string | null;
  /** SHA-256 fingerprint of the signer's certificate. */
  fingerprint: string | null;
}

function attribute(attrs: Node[], type: string): Node | null {
  for (const a of attrs) {
    const [t, values] = children(a.value);
    if (t && oidString(t.value) === type && values) return children(values.value)[0] ?? null;
  }
  return null;
}

export function describeCertificate(certDer: Buffer) {
  const x = new X509Certificate(certDer);
  const parts = x.subject.split('\n').filter(Boolean);
  const cn = parts.find((p) => p.startsWith('CN='))?.slice(3) ?? null;
  return {
    subject: parts.reverse().join(', '),
    commonName: cn,
    fingerprint: x.fingerprint256.replaceAll(':', '').toLowerCase(),
    publicKey: x.publicKey,
    notAfter: x.validTo,
  };
}

/**
 * Verifies a detached CMS signature over `data`: the signed attributes' digest equals the
 * data's, the signature over the attributes verifies with the signer certificate's key, and a
 * signing-certificate-v2 attribute, when present, names that certificate. Whether the
 * certificate is trusted is a separate question (a self-made test certificate is not).
 */
export function verifyCadesDetached(cms: Buffer, data: Buffer): CmsResult {
  const bad = (reason: string, subject: Partial<CmsResult> = {}): CmsResult => ({
    valid: false,
    reason,
    subject: null,
    commonName: null,
    fingerprint: null,
    ...subject,
  });
  try {
    const ci = children(expect(read(cms), TAG.SEQUENCE).value);
    if (oidString(expect(ci[0], TAG.OID).value) !== OID.signedData) return bad('NOT_SIGNED_DATA');
    const sd = children(expect(children(expect(ci[1], 0xa0).value)[0], TAG.SEQUENCE).value);
    const certsNode = sd.find((n) => n.tag === 0xa0);
    const certs = certsNode ? children(certsNode.value).map((c) => Buffer.from(c.raw)) : [];
    const signerInfos = children(expect(sd[sd.length - 1], TAG.SET).value);
    if (signerInfos.length !== 1) return bad('SIGNER_COUNT');
    const si = children(expect(signerInfos[0], TAG.SEQUENCE).value);
    const sid = expect(si[1], TAG.SEQUENCE);
    const cert = certs.find((c) => {
      const { issuer, serial } = issuerAndSerial(c);
      return Buffer.concat([issuer, serial]).equals(sid.value);
    });
    if (!cert) return bad('SIGNER_CERT_MISSING');
    const who = describeCertificate(cert);
    const found = { subject: who.subject, commonName: who.commonName, fingerprint: who.fingerprint };
    const hash =
      HASH_BY_OID[oidString(expect(children(expect(si[2], TAG.SEQUENCE).value)[0], TAG.OID).value)];
    if (!hash) return bad('DIGEST_ALGORITHM', found);
    const signedAttrs = expect(si[3], 0xa0);
    const attrs = children(signedAttrs.value);
    const ct = attribute(attrs, OID.contentType);
    if (!ct || oidString(ct.value) !== OID.data) return bad('CONTENT_TYPE', found);
    const md = attribute(attrs, OID.messageDigest);
    if (!md || !md.value.equals(createHash(hash).update(data).digest())) return bad('DIGEST_MISMATCH', found);
    const scv2 = attribute(attrs, OID.signingCertificateV2);
    if (scv2) {
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, … }; the first names the signer.
      const certsSeq = expect(children(expect(scv2, TAG.SEQUENCE).value)[0], TAG.SEQUENCE);
      const essCertId = children(expect(children(certsSeq.value)[0], TAG.SEQUENCE).value);
      const first = essCertId[0]!;
      const certHashNode = first.tag === TAG.OCTET_STRING ? first : expect(essCertId[1], TAG.OCTET_STRING);
      const alg =
        first.tag === TAG.SEQUENCE ? HASH_BY_OID[oidString(children(first.value)[0]!.value)] : 'sha256';
      if (!alg || !certHashNode.value.equals(createHash(alg).update(cert).digest()))
        return bad('SIGNING_CERTIFICATE_MISMATCH', found);
    }
    const toVerify = Buffer.concat([Buffer.from([TAG.SET]), signedAttrs.raw.subarray(1)]);
    const signature = expect(si[5], TAG.OCTET_STRING).value;
    const ok = cryptoVerify(hash, toVerify, who.publicKey, signature);
    return ok ? { valid: true, reason: null, ...found } : bad('SIGNATURE_MISMATCH', found);
  } catch {
    // DerError from the reader, or a node:crypto error on a malformed key or signature.
    return bad('MALFORMED');
  }
}
