import { GATE_PERMISSIONS } from '../core/http/caller-gate';
import type { OperationDefinition } from '../core/operation-definition';

/** What the admin gate reads, beside each row's own actions. */
const GATE = GATE_PERMISSIONS.admin.cognito;

/** Operations of the admin-pool area: the user pool's status for administrators. */
export const ADMIN_POOL = {
  poolStatus: {
    name: 'poolStatus',
    method: 'GET',
    path: '/admin/cognito',
    access: 'admin',
    entry: 'admin-pool/pool-status.ts',
    summary:
      'Configuration set (names only), pool and app-client snapshot, the newest users, the sync count.',
    permissions: {
      cognito: [...GATE, 'cognito-idp:DescribeUserPool', 'cognito-idp:DescribeUserPoolClient'],
      // The newest users through the status index (Query), the item count (DescribeTable): no Scan.
      tables: { users: ['GetItem', 'Query', 'DescribeTable'] },
    },
    success: { 200: 'Pool and client snapshot, user counts, DB sync count' },
  },
  probeConnection: {
    name: 'probeConnection',
    method: 'POST',
    path: '/admin/cognito/test',
    access: 'admin',
    entry: 'admin-pool/probe-connection.ts',
    summary:
      'Probe: DescribeUserPool and ListUsers (limit 1), timed; a failure names the missing IAM action.',
    permissions: {
      cognito: [...GATE, 'cognito-idp:DescribeUserPool', 'cognito-idp:ListUsers'],
      tables: { users: ['GetItem'] },
    },
    success: { 200: '`{ok: true, ...}` or `{ok: false, reason}`' },
  },
} as const satisfies Record<string, OperationDefinition>;
