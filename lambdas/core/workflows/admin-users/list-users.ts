import { openCursor, sealCursor } from '../../domain/cursor';
import { normalizeEmail } from '../../domain/email';
import type { Caller } from '../../domain/tokens';
import { toUser, type User } from '../../domain/user';
import type { SecretSource } from '../../ports/secret-source';
import type { UserStore } from '../../ports/user-store';
import { auditEntry, audited } from '../common/audit';

/**
 * listUsers — `GET /admin/users`: a page of the `Users` table (`limit` 1-60),
 * or the one record of `email` (exact, case-insensitive, through the email
 * index). `nextCursor` is sealed with the query it pages (core/domain/cursor.ts).
 */
export async function listUsers(
  ports: { users: UserStore; secrets: SecretSource },
  input: { limit: number; cursor?: string; email?: string; actor: Caller; correlationId: string },
): Promise<{ users: User[]; nextCursor?: string }> {
  const entry = auditEntry('listUsers', input, input.email ?? '*');
  return audited(entry, () => pageOfUsers(ports, input));
}

async function pageOfUsers(
  ports: { users: UserStore; secrets: SecretSource },
  input: { limit: number; cursor?: string; email?: string },
): Promise<{ users: User[]; nextCursor?: string }> {
  const query = input.email === undefined ? 'all' : `email:${normalizeEmail(input.email)}`;
  const key = await ports.secrets.get('listCursor');
  const after = input.cursor === undefined ? undefined : openCursor(key, input.cursor, query).after;
  if (input.email !== undefined) {
    const record = after === undefined ? await ports.users.findByEmail(input.email) : undefined;
    return { users: record ? [toUser(record)] : [] };
  }
  const page = await ports.users.list({ limit: input.limit, ...(after ? { after } : {}) });
  return {
    users: page.records.map((record) => toUser(record)),
    ...(page.last ? { nextCursor: sealCursor(key, { after: page.last, query }) } : {}),
  };
}
