import type { APIGatewayProxyEvent } from 'aws-lambda';
import { RequestValidationError } from '../domain/errors';

/**
 * Header and claim helpers with no middy import, so the local authorizer
 * and scripts can use them without loading the HTTP preset.
 */

/** A header's value, matched case-insensitively as HTTP requires. */
export function headerValue(headers: APIGatewayProxyEvent['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** API Gateway flattens the groups claim to a string: `admin`, `a,b` or `[a b]`. */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter((g) => g.length > 0);
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The `Idempotency-Key` header, if sent; a malformed one is 400 VALIDATION_ERROR. */
export function idempotencyKeyOf(headers: APIGatewayProxyEvent['headers']): string | undefined {
  const key = headerValue(headers, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new RequestValidationError('Idempotency-Key', 'Idempotency-Key: 1-128 letters, digits or _ . : -');
  }
  return key;
}

/**
 * The headers every answer carries (docs/api.md conventions): function answers,
 * the local server's own answers, and API Gateway's gateway responses.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};
