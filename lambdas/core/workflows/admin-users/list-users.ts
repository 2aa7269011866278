import { openCursor, sealCursor } from '../../domain/cursor';
import { normalizeEmail } from '../../domain/email';
import { RequestValidationError } from '../../domain/errors';
import type { UserStatus } from '../../domain/onboarding';
import type { Caller } from '../../domain/tokens';
import { toUser, type User } from '../../domain/user';
import type { SecretSource } from '../../ports/secret-source';
import type { UserStore } from '../../ports/user-store';
import { auditEntry, audited } from '../common/audit';

/**
 * listUsers — `GET /admin/users`: a page of the `Users` table newest first
 * (`limit` 1-60), of one onboarding `status` (the approval queue is
 * `pending_approval`) or of all; or the one record of `email` (exact,
 * case-insensitive, through the email index). `nextCursor` is sealed with the
 * query it pages (core/domain/cursor.ts), so a cursor of one status cannot
 * page another.
 */
export async function listUsers(
  ports: { users: UserStore; secrets: SecretSource },
  input: ListUsersInput & { actor: Caller; correlationId: string },
): Promise<{ users: User[]; nextCursor?: string }> {
  if (input.email !== undefined && input.status !== undefined)
    throw new RequestValidationError('query', 'query: email and status cannot be combined');
  const entry = auditEntry(
    'listUsers',
    input,
    input.email ?? (input.status ? `status:${input.status}` : '*'),
  );
  return audited(entry, () => pageOfUsers(ports, input));
}

interface ListUsersInput {
  limit: number;
  cursor?: string;
  email?: string;
  status?: UserStatus;
}

async function pageOfUsers(
  ports: { users: UserStore; secrets: SecretSource },
  input: ListUsersInput,
): Promise<{ users: User[]; nextCursor?: string }> {
  const query =
    input.email !== undefined
      ? `email:${normalizeEmail(input.email)}`
      : input.status !== undefined
        ? `status:${input.status}`
        : 'all';
  const key = await ports.secrets.get('listCursor');
  const after = input.cursor === undefined ? undefined : openCursor(key, input.cursor, query).after;
  if (input.email !== undefined) {
    const record = after === undefined ? await ports.users.findByEmail(input.email) : undefined;
    return { users: record ? [toUser(record)] : [] };
  }
  const page = await ports.users.list({
    limit: input.limit,
    ...(after ? { after } : {}),
    ...(input.status ? { status: input.status } : {}),
  });
  return {
    users: page.records.map((record) => toUser(record)),
    ...(page.last ? { nextCursor: sealCursor(key, { after: page.last, query }) } : {}),
  };
}
