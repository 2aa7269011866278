import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { USERS_EMAIL_INDEX } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import type { TableKey } from '../../lambdas/core/operation-definition';

/** A table and the names of its secondary indexes (granted with `Query`). */
export interface TableRef {
  readonly table: dynamodb.ITable;
  readonly indexNames: readonly string[];
}

/**
 * The DynamoDB tables: `Users` (pk `userId` = Cognito sub, GSI on email),
 * `AdminInfo` (pk `userId`), `RateLimits` (per-key counters with TTL) and
 * `Reconciliations` (failed compensations, pk `id`).
 * Key schemas live here and nowhere else; the emulator setup reads them too.
 */
export class Data extends Construct {
  readonly tables: Readonly<Record<TableKey, TableRef>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const durable = {
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    } as const;

    const users = new dynamodb.Table(this, 'Users', {
      ...durable,
      partitionKey: { name: 'userId', type: dynamodb.AttributeType.STRING },
    });
    users.addGlobalSecondaryIndex({
      indexName: USERS_EMAIL_INDEX,
      partitionKey: { name: 'email', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    const adminInfo = new dynamodb.Table(this, 'AdminInfo', {
      ...durable,
      partitionKey: { name: 'userId', type: dynamodb.AttributeType.STRING },
    });

    // Counters live for minutes; losing them on a stack deletion is harmless.
    const rateLimits = new dynamodb.Table(this, 'RateLimits', {
      ...durable,
      deletionProtection: false,
      removalPolicy: RemovalPolicy.DESTROY,
      partitionKey: { name: 'key', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
    });

    // Compensations that failed, kept until an operator repairs them (npm run reconcile).
    const reconciliations = new dynamodb.Table(this, 'Reconciliations', {
      ...durable,
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    });

    this.tables = {
      users: { table: users, indexNames: [USERS_EMAIL_INDEX] },
      adminInfo: { table: adminInfo, indexNames: [] },
      rateLimits: { table: rateLimits, indexNames: [] },
      reconciliations: { table: reconciliations, indexNames: [] },
    };
  }
}
