import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';

/** SES puts an account under review at these rates (its developer guide), before it pauses sending. */
export const SES_BOUNCE_RATE = 0.05;
export const SES_COMPLAINT_RATE = 0.001;

/** CloudWatch takes at most 10 metrics in one metric-math alarm. */
export const MAX_METRICS_PER_ALARM = 10;

const PERIOD = Duration.minutes(5);

/** What the service alarms watch (MonitoringProps passes them on). */
export interface ServiceAlarmProps {
  /** The pool and its app client: Cognito's throttles of sign-ins, refreshes and sign-ups. */
  readonly userPool?: { readonly id: string; readonly clientId: string };
  /** The tables: DynamoDB's read and write throttle events. */
  readonly tables?: readonly dynamodb.ITable[];
  /** The pool and the product mail through SES (`-c sesFromAddress`): the account's reputation. */
  readonly sesReputation?: boolean;
}

/** Alarms on the services the functions depend on: Cognito's throttles, DynamoDB's, SES's reputation. */
export function serviceAlarms(props: ServiceAlarmProps): Array<[string, cloudwatch.IMetric, string, number]> {
  const sum = (metrics: Record<string, cloudwatch.IMetric>, label: string) =>
    new cloudwatch.MathExpression({
      expression: Object.keys(metrics)
        .map((id) => `FILL(${id}, 0)`)
        .join(' + '),
      usingMetrics: metrics,
      period: PERIOD,
      label,
    });
  const alarms: Array<[string, cloudwatch.IMetric, string, number]> = [];
  if (props.userPool) {
    const dimensionsMap = { UserPool: props.userPool.id, UserPoolClient: props.userPool.clientId };
    const cognito = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/Cognito',
        metricName,
        dimensionsMap,
        period: PERIOD,
        statistic: 'Sum',
      });
    alarms.push([
      'CognitoThrottles',
      sum(
        {
          signIn: cognito('SignInThrottles'),
          refresh: cognito('TokenRefreshThrottles'),
          signUp: cognito('SignUpThrottles'),
        },
        'Cognito throttled sign-ins, refreshes and sign-ups',
      ),
      'Cognito throttled this pool\'s sign-ins, refreshes or sign-ups (the account\'s quota per category): ask Service Quotas for more (docs/operations.md, "Cognito quotas per route").',
      1,
    ]);
  }
  const tables = (props.tables ?? []).slice(0, MAX_METRICS_PER_ALARM);
  for (const [kind, metricName] of [
    ['Read', 'ReadThrottleEvents'],
    ['Write', 'WriteThrottleEvents'],
  ] as const) {
    if (tables.length === 0) continue;
    const metrics = Object.fromEntries(
      tables.map((table, i) => [
        `t${i}`,
        new cloudwatch.Metric({
          namespace: 'AWS/DynamoDB',
          metricName,
          dimensionsMap: { TableName: table.tableName },
          period: PERIOD,
          statistic: 'Sum',
        }),
      ]),
    );
    alarms.push([
      `DynamoDb${kind}Throttles`,
      sum(metrics, `DynamoDB ${kind.toLowerCase()} throttle events`),
      `DynamoDB throttled ${kind.toLowerCase()}s on the stack's tables (each table's ${metricName} says which): an on-demand table past its previous peak, or a hot key.`,
      1,
    ]);
  }
  if (props.sesReputation) {
    const ses = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        period: Duration.hours(1),
        statistic: 'Maximum',
      });
    alarms.push(
      [
        'SesBounceRate',
        ses('Reputation.BounceRate'),
        `The SES account's bounce rate reached ${SES_BOUNCE_RATE * 100} %: SES reviews the account there and may pause sending (sign-in codes, invitations).`,
        SES_BOUNCE_RATE,
      ],
      [
        'SesComplaintRate',
        ses('Reputation.ComplaintRate'),
        `The SES account's complaint rate reached ${SES_COMPLAINT_RATE * 100} %: SES reviews the account there and may pause sending.`,
        SES_COMPLAINT_RATE,
      ],
    );
  }
  return alarms;
}
