// policyVersion = 'sha256:' + hex SHA-256 of the policy canonicalised by RFC 8785 (JCS), so the same
// document always has the same version whatever its key order or whitespace.
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Policy } from './types';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised as JSON');
  return text;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function policyVersion(policy: Policy): string {
  return `sha256:${sha256Hex(canonicalJson(policy))}`;
}
