import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { BroError } from '../../../shared/errors';
import type { CmsSigner } from './cms';
import { describeCertificate } from './cms';

const der = (a: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary');

/**
 * Opens a PKCS#12 file (the service's certificate and private key). A wrong password is
 * P12_WRONG_PASSWORD; anything else unusable (not a P12, no key, no matching certificate, a key
 * node-forge cannot read, such as EC) is P12_INVALID. The password never appears in an error.
 */
export function loadP12(bytes: Uint8Array, password: string): CmsSigner & { subject: string } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/MAC could not be verified|Invalid password/i.test(msg))
      throw new BroError('P12_WRONG_PASSWORD', 'Wrong P12 password');
    throw new BroError('P12_INVALID', 'Not a usable PKCS#12 file', { detail: { reason: 'PARSE' } });
  }
  try {
    const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
    const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)].find(
      (b) => b.key,
    );
    const certs = bags(forge.pki.oids.certBag!).filter((b) => b.cert);
    if (!keyBag?.key || certs.length === 0) throw new Error('missing');
    const key = keyBag.key as forge.pki.rsa.PrivateKey;
    const mine = certs.find((c) => {
      const pub = c.cert!.publicKey as forge.pki.rsa.PublicKey;
      return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
    });
    if (!mine) throw new Error('no certificate for the key');
    // certificateToAsn1 reuses the parsed TBSCertificate, so names keep their original bytes.
    const certDer = der(forge.pki.certificateToAsn1(mine.cert!));
    const chain = certs.filter((c) => c !== mine).map((c) => der(forge.pki.certificateToAsn1(c.cert!)));
    const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
    return { privateKey, certDer, chain, subject: describeCertificate(certDer).subject };
  } catch {
    throw new BroError('P12_INVALID', 'The PKCS#12 file has no usable RSA key and certificate', {
      detail: { reason: 'CONTENT' },
    });
  }
}

export interface TestCertificate {
  p12: Buffer;
  subject: string;
  fingerprint: string;
  notAfter: string;
}

/**
 * A self-signed test certificate (RSA 2048, SHA-256) in a PKCS#12 file, for development and
 * tests: never for letters to real families. The subject's attributes are UTF8String, so
 * "PPT Bærum" reaches PDF readers as written.
 *
 * node-forge note: with `valueTagClass: UTF8` forge itself UTF-8-encodes the JavaScript string
 * (x509.js _dnToAsn1), so the value is given as a plain string. Passing forge.util.encodeUtf8(...)
 * here would encode twice ("BÃ¦rum"); leaving valueTagClass out writes a PrintableString, which
 * cannot hold "æ" at all. tests/unit/letters-cli.test.ts checks the result with pdfsig.
 */
export function createTestP12(opts: {
  name: string;
  organisation?: string;
  password: string;
  now: Date;
  days?: number;
}): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fkey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: first byte below 0x80.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(opts.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(opts.now.getTime() + (opts.days ?? 730) * 86_400_000);
  const utf8 = forge.asn1.Type.UTF8;
  // Conventional order (country first), so the RFC 4514 string reads "CN=…, O=…, C=NO".
  const attrs: forge.pki.CertificateField[] = [
    { name: 'countryName', value: 'NO' },
    ...(opts.organisation
      ? [
          {
            name: 'organizationName',
            value: opts.organisation,
            valueTagClass: utf8 as unknown as forge.asn1.Class,
          },
        ]
      : []),
    { name: 'commonName', value: opts.name, valueTagClass: utf8 as unknown as forge.asn1.Class },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(fkey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(fkey, [cert], opts.password, {
    algorithm: 'aes256',
    generateLocalKeyId: true,
  });
  const certDer = der(forge.pki.certificateToAsn1(cert));
  const info = describeCertificate(certDer);
  return { p12: der(p12), subject: info.subject, fingerprint: info.fingerprint, notAfter: info.notAfter };
}
