import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { MAX_METRICS_PER_ALARM, type ServiceAlarmProps, serviceAlarms } from './service-alarms';

/** A function the monitoring watches. */
export interface WatchedFunction {
  readonly name: string;
  readonly function: lambda.IFunction;
  readonly logGroup: logs.ILogGroup;
  /** Runs a cross-system saga (it logs `compensation failed` and `reconciliation record not written`). */
  readonly runsSaga: boolean;
  /**
   * A Cognito trigger: it refuses (a wrong legacy password, an unsigned sign-up) by throwing,
   * which Lambda counts in `Errors`; its alarm counts only the failures that are not refusals.
   */
  readonly trigger: boolean;
}

/** Props of the monitoring construct. */
export interface MonitoringProps extends ServiceAlarmProps {
  readonly restApi: apigateway.RestApi;
  readonly functions: readonly WatchedFunction[];
}

/** The log events the sagas write that need a person (docs/operations.md, "Alarms"). */
export const SAGA_EVENTS = {
  CompensationFailed: 'compensation failed',
  ReconciliationNotWritten: 'reconciliation record not written',
} as const;

/** The API 5xx alarm: this share of answers in 5 minutes, once at least `API_5XX_MIN_REQUESTS` came. */
export const API_5XX_PERCENT = 5;
export const API_5XX_MIN_REQUESTS = 20;

const PERIOD = Duration.minutes(5);

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * Alarms on what the API, the functions and the sagas report, all to one SNS
 * topic in the stack outputs: the API's 5xx rate, each function's errors, the
 * functions' throttles by groups of ten, saga log events found by metric filters. The topic is encrypted
 * with a customer-managed key whose policy lets CloudWatch publish (under
 * `alias/aws/sns` CloudWatch cannot, and no alarm would reach anyone).
 */
export class Monitoring extends Construct {
  readonly topic: sns.ITopic;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const topic = alarmTopic(this);
    this.topic = topic;
    const notify = new actions.SnsAction(topic);
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, description: string, threshold = 1) =>
      new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(notify);

    alarm(
      'Api5xxRate',
      new cloudwatch.MathExpression({
        expression: `IF(requests >= ${API_5XX_MIN_REQUESTS}, 100 * FILL(errors, 0) / requests, 0)`,
        usingMetrics: {
          errors: props.restApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
          requests: props.restApi.metricCount({ period: PERIOD, statistic: 'Sum' }),
        },
        period: PERIOD,
        label: 'API 5xx %',
      }),
      `At least ${API_5XX_PERCENT} % of the API's answers in 5 minutes were 5xx: see the function logs by correlation id (docs/operations.md).`,
      API_5XX_PERCENT,
    );

    // Throttles: one alarm per group of at most 10 functions (CloudWatch's limit of metrics in a
    // math alarm), not one per function: a throttle is rare and account-wide in cause, and the
    // alarm's description names the group. Errors keep one alarm per function.
    for (const [index, group] of chunks(props.functions, MAX_METRICS_PER_ALARM).entries()) {
      const names = group.map((fn) => fn.name);
      alarm(
        `Throttles-${index + 1}`,
        new cloudwatch.MathExpression({
          expression: names.map((_, i) => `FILL(t${i}, 0)`).join(' + '),
          usingMetrics: Object.fromEntries(
            group.map((fn, i) => [
              `t${i}`,
              fn.function.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
            ]),
          ),
          period: PERIOD,
          label: `Throttles of ${names.length} functions`,
        }),
        `Lambda throttled one of ${names.join(', ')} (see each function's Throttles metric): raise its reserved concurrency or the account limit.`,
      );
    }

    for (const [id, metric, description, threshold] of serviceAlarms(props))
      alarm(id, metric, description, threshold);

    for (const fn of props.functions) {
      alarm(
        `Errors-${fn.name}`,
        fn.trigger
          ? unexpectedTriggerErrors(this, fn)
          : fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        `${fn.name} failed (crash, timeout or out of memory): read its log group (docs/operations.md).`,
      );
      if (!fn.runsSaga) continue;
      for (const [metricName, phrase] of Object.entries(SAGA_EVENTS)) {
        const filter = new logs.MetricFilter(this, `${metricName}-${fn.name}`, {
          logGroup: fn.logGroup,
          filterPattern: logs.FilterPattern.literal(`"${phrase}"`),
          metricNamespace: metricNamespace(this),
          metricName,
          metricValue: '1',
        });
        alarm(
          `${metricName}-${fn.name}-Alarm`,
          filter.metric({ period: PERIOD, statistic: 'Sum' }),
          `${fn.name} logged "${phrase}": run npm run reconcile -- list (docs/operations.md).`,
        );
      }
    }
  }
}

/**
 * The namespace of the stack's own metrics (saga events, trigger refusals): one per
 * stack, so two environments in one account keep their own numbers and alarms.
 */
export function metricNamespace(scope: Construct): string {
  return `CognitoAccountBackend/${Stack.of(scope).stackName}`;
}

/**
 * The topic and its key. CloudWatch publishes to an encrypted topic only when
 * the key policy lets `cloudwatch.amazonaws.com` use the key, which an
 * AWS-managed key's policy never does; the topic policy lets it publish, for
 * this account's alarms only.
 */
function alarmTopic(scope: Construct): sns.Topic {
  const { account, region, partition } = Stack.of(scope);
  const alarmsOfThisAccount = {
    StringEquals: { 'aws:SourceAccount': account },
    ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
  };
  const key = new kms.Key(scope, 'AlarmsKey', {
    description: 'Encrypts the alarm topic; CloudWatch alarms of this account may publish with it',
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      // In a key policy, "*" is this key and nothing else.
      resources: ['*'],
      conditions: alarmsOfThisAccount,
    }),
  );
  const topic = new sns.Topic(scope, 'Alarms', {
    displayName: 'Cognito account backend alarms',
    masterKey: key,
    enforceSSL: true,
  });
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: alarmsOfThisAccount,
    }),
  );
  return topic;
}

/**
 * A trigger's `Errors` minus its refusals: the trigger preset logs a refusal
 * (a domain error: wrong legacy password, unsigned sign-up) as `trigger failed`
 * at level `info`, anything unexpected at level `error`.
 */
function unexpectedTriggerErrors(scope: Construct, fn: WatchedFunction): cloudwatch.IMetric {
  const refusals = new logs.MetricFilter(scope, `Refusals-${fn.name}`, {
    logGroup: fn.logGroup,
    filterPattern: logs.FilterPattern.all(
      logs.FilterPattern.stringValue('$.event', '=', 'trigger failed'),
      logs.FilterPattern.stringValue('$.level', '=', 'info'),
    ),
    metricNamespace: metricNamespace(scope),
    metricName: `TriggerRefusals-${fn.name}`,
    metricValue: '1',
  });
  return new cloudwatch.MathExpression({
    expression: 'FILL(errors, 0) - FILL(refusals, 0)',
    usingMetrics: {
      errors: fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      refusals: refusals.metric({ period: PERIOD, statistic: 'Sum' }),
    },
    period: PERIOD,
    label: `${fn.name} errors that are not refusals`,
  });
}
