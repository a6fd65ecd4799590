import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { badRequest } from '../domain/errors.js';
import type { LicenseFile, LicenseTerms } from '../contracts/billing.js';

/**
 * License files: the terms as JSON plus an Ed25519 signature by the vendor. The signed
 * bytes are the terms serialised in one fixed order, so that the file can be pretty-printed
 * or its keys reordered without breaking it, but no value can change.
 */
export function signedBytes(terms: LicenseTerms): Buffer {
  const { org, seats, expiry, subscriptionId } = terms;
  return Buffer.from(JSON.stringify({ org, seats, expiry, subscriptionId }), 'utf8');
}

export function signLicense(terms: LicenseTerms, privateKeyPem: string): LicenseFile {
  const signature = sign(null, signedBytes(terms), createPrivateKey(privateKeyPem)).toString('base64');
  const { org, seats, expiry, subscriptionId } = terms;
  return { org, seats, expiry, subscriptionId, signature: `ed25519:${signature}` };
}

/** The file's terms when the vendor's key signed exactly these; 400 naming the signature otherwise. */
export function verifyLicense(file: LicenseFile, publicKeyPem: string): LicenseTerms {
  const { signature, ...terms } = file;
  const bytes = Buffer.from(signature.slice('ed25519:'.length), 'base64');
  let valid = false;
  try {
    valid = verify(null, signedBytes(terms), createPublicKey(publicKeyPem), bytes);
  } catch {
    valid = false;
  }
  if (!valid) {
    throw badRequest(
      'license.signature_invalid',
      'the license file\'s Ed25519 signature does not verify: the file was changed after signing, or the vendor did not sign it',
      [{ path: 'body.signature', code: 'license.signature_invalid', message: 'signature check failed' }],
    );
  }
  return terms;
}

/** A fresh vendor key pair in PEM (PKCS#8 private, SPKI public). */
export function generateLicenseKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
