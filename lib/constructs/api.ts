import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as z from 'zod/mini';
import { COGNITO_ADMIN_SCOPE } from '../../lambdas/core/domain/pool-policy';
import { CORS_ALLOWED_HEADERS } from '../../lambdas/core/http/cors';
import type { OperationDefinition } from '../../lambdas/core/operation-definition';
import { accountLoggingRole } from './api-account-role';
import { addGatewayResponses, addWebAcl } from './api-guards';

/** Props of the REST API. */
export interface ApiProps {
  readonly userPool: cognito.IUserPool;
  /** One function per registry row, in registry order. */
  readonly operations: ReadonlyArray<{ definition: OperationDefinition; function: lambda.IFunction }>;
  /**
   * Stage throttling (requests per second, steady and burst).
   * @default { rateLimit: 50, burstLimit: 100 }
   */
  readonly throttling?: { rateLimit: number; burstLimit: number };
  /**
   * Associate a WAF web ACL with a per-IP rate-based rule on the public and
   * webhook routes (billed per web ACL and request).
   * @default false
   */
  readonly waf?: boolean;
  /**
   * Create API Gateway's account-wide CloudWatch Logs role (one per account and region).
   * @default false
   */
  readonly cloudWatchRole?: boolean;
  /**
   * Browser origins (exact, e.g. `https://admin.example.com`) allowed to call
   * the API: preflight answers on every route, and the functions echo an
   * allowed `Origin` (never `*`, no credentials).
   * @default none: no CORS
   */
  readonly corsOrigins?: readonly string[];
}

/**
 * Per-method throttles (requests per second, steady / burst) by who may call
 * the route: the public sign-in routes are tighter than the stage, so a
 * flood of logins cannot use up everyone's share; webhooks get their own
 * headroom, so deliveries are not throttled by user traffic.
 */
export const METHOD_THROTTLES: Readonly<
  Record<OperationDefinition['access'], { rateLimit: number; burstLimit: number }>
> = {
  public: { rateLimit: 20, burstLimit: 40 },
  webhook: { rateLimit: 20, burstLimit: 40 },
  user: { rateLimit: 50, burstLimit: 100 },
  admin: { rateLimit: 10, burstLimit: 20 },
};

/**
 * The CORS preflight (OPTIONS, a mock integration) of one resource: only the
 * listed origins, the API's methods and request headers, 10 minutes of caching.
 */
function addPreflight(resource: apigateway.IResource, origins: readonly string[]): void {
  const options = resource.addCorsPreflight({
    allowOrigins: [...origins],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: CORS_ALLOWED_HEADERS,
    maxAge: Duration.minutes(10),
  });
  for (const id of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
    Validations.of(options).acknowledge({
      id,
      reason: `OPTIONS ${resource.path} is the CORS preflight: browsers send it without credentials; a mock integration answers it with the allow-list (-c corsOrigins), no function runs.`,
    });
  }
}

/**
 * The REST API: one route per operation, a Cognito authorizer that accepts
 * access tokens (scope `aws.cognito.signin.user.admin`) on `user` and `admin`
 * routes, body validation against models derived from the handlers' schemas,
 * JSON access logs, stage throttling, and gateway errors in the API's error shape.
 */
export class Api extends Construct {
  readonly restApi: apigateway.RestApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const throttling = props.throttling ?? { rateLimit: 50, burstLimit: 100 };

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const api = new apigateway.RestApi(this, 'RestApi', {
      // The API's name is the stack's: the 5xx alarm's ApiName dimension, and API Gateway's own
      // metrics, keep each environment's numbers apart (a rename updates the API in place).
      restApiName: Stack.of(this).stackName,
      description: 'Cognito account backend',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // The stage's logs need the account's API Gateway CloudWatch role, which a fresh account
      // lacks: set by default, retained (another stack of the account may rely on the setting),
      // -c apiGatewayCloudWatchRole=false where the account manages it (record 0053).
      cloudWatchRole: props.cloudWatchRole ?? true,
      ...(props.cloudWatchRole !== false ? { cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN } : {}),
      deployOptions: {
        stageName: 'v1',
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        // Errors only, and never request or response bodies: they carry passwords and tokens.
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        throttlingRateLimit: throttling.rateLimit,
        throttlingBurstLimit: throttling.burstLimit,
        methodOptions: Object.fromEntries(
          props.operations.map(({ definition }) => [
            `${definition.path}/${definition.method}`,
            {
              throttlingRateLimit: METHOD_THROTTLES[definition.access].rateLimit,
              throttlingBurstLimit: METHOD_THROTTLES[definition.access].burstLimit,
            },
          ]),
        ),
      },
    });
    this.restApi = api;
    const corsOrigins = props.corsOrigins ?? [];

    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [props.userPool],
      identitySource: 'method.request.header.Authorization',
    });
    const bodyValidator = new apigateway.RequestValidator(this, 'BodyValidator', {
      restApi: api,
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    const withPreflight = new Set<string>();
    for (const { definition, function: fn } of props.operations) {
      const resource = api.root.resourceForPath(definition.path);
      if (corsOrigins.length > 0 && !withPreflight.has(definition.path)) {
        withPreflight.add(definition.path);
        addPreflight(resource, corsOrigins);
      }
      // No model on webhook routes: the gateway would validate the body before the function
      // checks the signature, and tell an unsigned caller what the schema wants.
      const model =
        definition.body && definition.access !== 'webhook'
          ? api.addModel(`${definition.name}Model`, {
              contentType: 'application/json',
              schema: gatewaySchema(definition.body),
            })
          : undefined;
      const protectedRoute = definition.access === 'user' || definition.access === 'admin';
      const parameters = requestParameters(definition);
      const method = resource.addMethod(
        definition.method,
        new apigateway.LambdaIntegration(fn, { proxy: true, allowTestInvoke: false }),
        {
          operationName: definition.name,
          ...(protectedRoute
            ? {
                authorizer,
                authorizationType: apigateway.AuthorizationType.COGNITO,
                authorizationScopes: [COGNITO_ADMIN_SCOPE],
              }
            : { authorizationType: apigateway.AuthorizationType.NONE }),
          ...(model ? { requestModels: { 'application/json': model } } : {}),
          ...(model || parameters ? { requestValidator: bodyValidator } : {}),
          ...(parameters ? { requestParameters: parameters } : {}),
        },
      );
      if (!protectedRoute) {
        const why =
          definition.access === 'webhook'
            ? 'is a webhook: the sender cannot hold a Cognito token, so the handler verifies an HMAC signature of the raw body (401 INVALID_SIGNATURE) before reading it.'
            : 'is a public authentication route (it is how a caller obtains tokens); it is enumeration-safe, throttled at the stage and per email where it sends mail.';
        for (const id of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
          Validations.of(method).acknowledge({
            id,
            reason: `${definition.method} ${definition.path} ${why}`,
          });
        }
      }
    }

    addGatewayResponses(api, corsOrigins);

    if (props.waf) {
      addWebAcl(
        this,
        api,
        props.operations.map((o) => o.definition),
      );
    } else {
      Validations.of(api).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason:
          'The WAF web ACL (a per-IP rate-based rule on the public and webhook routes) is on by default; this deployment turned it off with -c waf=false, leaving the per-method throttles, the per-email and global resend limits and the Cognito authorizer.',
      });
    }
    accountLoggingRole(this, api, props.cloudWatchRole !== false);
  }
}

/**
 * The method's request parameters: every `{name}` of the path (required) and
 * every key of the `query` schema (required unless optional). API Gateway
 * refuses a request without a required one; the handler validates values.
 */
export function requestParameters(definition: OperationDefinition): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const [, name] of definition.path.matchAll(/\{(\w+)\}/g)) out[`method.request.path.${name}`] = true;
  const shape = (definition.query?.def.shape ?? {}) as Record<string, { _zod: { optin?: string } }>;
  for (const [name, field] of Object.entries(shape)) {
    out[`method.request.querystring.${name}`] = field._zod.optin !== 'optional';
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The API Gateway model for a body schema: the handler's zod schema as JSON
 * Schema draft 4, structure only. Formats and patterns stay with the handler,
 * which names the failing field precisely and trims input first.
 */
export function gatewaySchema(schema: z.ZodMiniType): apigateway.JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-04', io: 'input', unrepresentable: 'any' });
  return stripValidationDetails(json) as apigateway.JsonSchema;
}

function stripValidationDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripValidationDetails);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'format' || key === 'pattern' || key === '$schema') continue;
    out[key] = stripValidationDetails(inner);
  }
  return out;
}
