import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { keyFingerprint } from './fingerprint';

/** A workbench's signing identity: its id and its Ed25519 key pair (one per workbench, made on first start). */
export interface WorkbenchIdentity {
  workbenchId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newWorkbenchIdentity(workbenchId: string): WorkbenchIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { workbenchId, privateKey, publicKey };
}

/** The 32 bytes of an Ed25519 public key, as they travel in an exchange file. */
export function rawPublicKey(key: KeyObject): Buffer {
  const x = key.export({ format: 'jwk' }).x;
  if (key.asymmetricKeyType !== 'ed25519' || typeof x !== 'string') throw new TypeError('not an Ed25519 key');
  return Buffer.from(x, 'base64url');
}

/** An Ed25519 public key from its 32 bytes; undefined for anything else. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject | undefined {
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/** The private key as PKCS#8 DER, to be kept where the workbench keeps it; and back. */
export const privateKeyBytes = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'pkcs8' });
export function identityFromBytes(workbenchId: string, pkcs8: Uint8Array): WorkbenchIdentity {
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  return { workbenchId, privateKey, publicKey: createPublicKey(privateKey) };
}

export const fingerprintOf = (identity: WorkbenchIdentity): string => keyFingerprint(rawPublicKey(identity.publicKey));
