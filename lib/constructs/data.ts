import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  TABLE_KEYS,
  TABLES,
  type TableIndex,
  type TableKey,
  type TableSpec,
} from '../../lambdas/core/tables';

/** A table and the names of its secondary indexes (granted with `Query`). */
export interface TableRef {
  readonly table: dynamodb.ITable;
  readonly indexNames: readonly string[];
}

/**
 * The DynamoDB tables of the catalogue (`lambdas/core/tables.ts`): on-demand,
 * encrypted, point-in-time recovery, deletion-protected and retained, except
 * the disposable counters. Key schemas come from the catalogue only; the
 * emulator setup reads the synthesized template.
 */
export class Data extends Construct {
  readonly tables: Readonly<Record<TableKey, TableRef>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const tables = {} as Record<TableKey, TableRef>;
    for (const key of TABLE_KEYS) tables[key] = this.table(TABLES[key]);
    this.tables = tables;
  }

  private table(spec: TableSpec): TableRef {
    const table = new dynamodb.Table(this, spec.constructId, {
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Disposable tables hold only rows that expire within a day: a restore would bring back
      // stale counters and keys, so they have no point-in-time recovery (billed per GB).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: !spec.disposable },
      deletionProtection: !spec.disposable,
      removalPolicy: spec.disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      partitionKey: { name: spec.partitionKey, type: dynamodb.AttributeType.STRING },
      ...(spec.ttlAttribute ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
    });
    if (spec.disposable) {
      Validations.of(table).acknowledge({
        id: 'AwsSolutions-DDB3',
        reason: `${spec.constructId} holds only rows that expire (TTL ${spec.ttlAttribute}) within a day; a point-in-time restore would bring back stale throttle counters or idempotency keys, never data a person needs.`,
      });
    }
    const indexes = Object.values(spec.indexes as Record<string, TableIndex>);
    for (const index of indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        ...(index.sortKey ? { sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING } } : {}),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return { table, indexNames: indexes.map((i) => i.name) };
  }
}
