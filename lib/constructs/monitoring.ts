import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** A function the monitoring watches. */
export interface WatchedFunction {
  readonly name: string;
  readonly function: lambda.IFunction;
  readonly logGroup: logs.ILogGroup;
  /** Runs a cross-system saga (it logs `compensation failed` and `reconciliation record not written`). */
  readonly runsSaga: boolean;
}

/** Props of the monitoring construct. */
export interface MonitoringProps {
  readonly restApi: apigateway.RestApi;
  readonly functions: readonly WatchedFunction[];
}

/** The log events the sagas write that need a person (docs/operations.md, "Alarms"). */
export const SAGA_EVENTS = {
  CompensationFailed: 'compensation failed',
  ReconciliationNotWritten: 'reconciliation record not written',
} as const;

/**
 * Alarms on what the API and the sagas report (F18), all to one SNS topic
 * (encrypted, TLS only) in the stack outputs: API 5xx answers, saga log
 * events found by metric filters, and Lambda throttles per function.
 */
export class Monitoring extends Construct {
  readonly topic: sns.ITopic;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const topic = new sns.Topic(this, 'Alarms', {
      displayName: 'Cognito account backend alarms',
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    this.topic = topic;
    const notify = new actions.SnsAction(topic);
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, description: string) =>
      new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(notify);

    alarm(
      'Api5xx',
      props.restApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      'The API answered 5xx: see the function logs by correlation id (docs/operations.md).',
    );

    for (const fn of props.functions) {
      alarm(
        `Throttles-${fn.name}`,
        fn.function.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        `Lambda throttled ${fn.name}: raise its reserved concurrency or the account limit.`,
      );
      if (!fn.runsSaga) continue;
      for (const [metricName, phrase] of Object.entries(SAGA_EVENTS)) {
        const filter = new logs.MetricFilter(this, `${metricName}-${fn.name}`, {
          logGroup: fn.logGroup,
          filterPattern: logs.FilterPattern.literal(`"${phrase}"`),
          metricNamespace: 'CognitoAccountBackend',
          metricName,
          metricValue: '1',
        });
        alarm(
          `${metricName}-${fn.name}-Alarm`,
          filter.metric({ period: Duration.minutes(5), statistic: 'Sum' }),
          `${fn.name} logged "${phrase}": run npm run reconcile -- list (docs/operations.md).`,
        );
      }
    }
  }
}
