import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES } from '../../../lambdas/core/http/error-table';
import { hmacHex } from '../../../lambdas/core/http/webhook-signature';
import { OPERATION_LIST } from '../../../lambdas/operations';
import { dispatch } from '../../../local/dispatch';
import { activatedApplicant, adminToken, freshWorld, WEBHOOK_SECRET } from '../../support/harness';

/**
 * A seeded fuzz test over every route (bodies, headers, path and query
 * parameters, tokens): no 5xx, no stack trace, no SDK exception name, and
 * every 4xx carries a code that docs/api.md or a decision record (docs/decisions/) lists. It grows
 * with the registry: every row gets its share of the bodies.
 */
const SEED = 20261201;
const BODIES_PER_ROUTE = Math.ceil(2400 / OPERATION_LIST.length);

/** mulberry32: a small seeded PRNG, so a failure can be replayed with the same seed. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const documented = (() => {
  const root = path.join(__dirname, '..', '..', '..');
  const records = readdirSync(path.join(root, 'docs', 'decisions')).map((f) => `docs/decisions/${f}`);
  const text = ['docs/api.md', ...records]
    .map((f) => {
      try {
        return readFileSync(path.join(root, f), 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
  const codes = new Set(ERROR_CODES.map((c) => c.split(' ')[1] as string));
  for (const [, code] of text.matchAll(/`([A-Z][A-Z_]{3,})`/g)) codes.add(code as string);
  return codes;
})();

describe('fuzzing every route (seeded)', () => {
  it(`answers ${BODIES_PER_ROUTE} crafted requests per route without a 5xx, a stack trace or an SDK name`, async () => {
    const world = freshWorld();
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const admin = await adminToken(world);
    const user = (await activatedApplicant(world, 'fuzz-user@example.com')).accessToken;

    const strings = [
      '',
      ' ',
      'a@b.co',
      'A@B.CO ',
      'x'.repeat(300),
      'Str0ng!Passw0rd',
      '\u0000',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      `\${jndi:ldap://x}`,
      '../../etc/passwd',
      '😀'.repeat(50),
      'admin',
      '{"$gt":""}',
    ];
    const scalar = (): unknown =>
      pick([
        () => pick(strings),
        () => random() * 1e20 - 1e10,
        () => null,
        () => true,
        () => [],
        () => ({}),
      ])();
    const value = (depth = 0): unknown =>
      depth > 2 || random() < 0.5
        ? scalar()
        : random() < 0.5
          ? Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1))
          : Object.fromEntries(
              Array.from({ length: Math.floor(random() * 4) }, () => [pick(FIELDS), value(depth + 1)]),
            );
    const FIELDS = [
      'email',
      'password',
      'newPassword',
      'temporaryPassword',
      'session',
      'name',
      'code',
      '__proto__',
      'constructor',
    ];
    const body = (): string | undefined =>
      pick([
        () => undefined,
        () => JSON.stringify(value()),
        () => JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, scalar()]))),
        () => pick(['{', '{"email":', 'null', '[]', '"x"', 'email=a&password=b', '\u0000\u0001']),
        () =>
          JSON.stringify({
            email: `${pick(strings)}@example.com`,
            password: pick(strings),
            session: 'x'.repeat(30),
          }),
      ])();
    const token = () =>
      pick([
        undefined,
        admin,
        user,
        'garbage',
        `${user.slice(0, -4)}AAAA`,
        admin.split('.').slice(0, 2).join('.'),
      ]);
    const contentType = () =>
      pick([
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        '',
        'application/vnd.api+json',
      ]);

    const problems: string[] = [];
    let sent = 0;
    for (const operation of OPERATION_LIST) {
      for (let i = 0; i < BODIES_PER_ROUTE; i++) {
        const raw = body();
        const headers: Record<string, string> = {};
        const type = contentType();
        if (type) headers['Content-Type'] = type;
        const bearer = token();
        if (bearer) headers.Authorization = random() < 0.9 ? `Bearer ${bearer}` : bearer;
        if (random() < 0.2) headers['Idempotency-Key'] = pick(['k1', 'k 2', 'x'.repeat(200), '']);
        const query: Record<string, string> = {};
        if (random() < 0.5)
          query.signature = random() < 0.3 && raw ? hmacHex(WEBHOOK_SECRET, raw) : pick(strings);
        if (random() < 0.3) query[pick(['limit', 'cursor', 'email'])] = pick(strings);
        const requestPath = operation.path.replace(/\{\w+\}/g, () =>
          encodeURIComponent(pick(strings) || 'x'),
        );

        const answer = await dispatch({
          method: operation.method,
          path: requestPath,
          headers,
          query,
          body: raw,
        });
        sent++;
        const text = answer.body ?? '';
        const parsed = text ? (JSON.parse(text) as { error?: { code?: string } }) : {};
        const where = `${operation.name} #${i} -> ${answer.statusCode}`;
        if (answer.statusCode >= 500) problems.push(`${where}: ${text}`);
        if (/\n\s+at |Exception\b|stack/i.test(text)) problems.push(`${where} leaks: ${text}`);
        if (answer.statusCode >= 400) {
          const code = parsed.error?.code;
          if (!code || !documented.has(code)) problems.push(`${where}: undocumented code ${code}`);
        }
      }
    }

    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);
});
