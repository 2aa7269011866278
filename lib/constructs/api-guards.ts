import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { SECURITY_HEADERS } from '../../lambdas/core/http/headers';
import type { OperationDefinition } from '../../lambdas/core/operation-definition';

/** Requests per 5 minutes from one IP on the public and webhook routes before the WAF blocks it. */
export const WAF_RATE_LIMIT_PER_5_MIN = 300;

/** A regional web ACL with one per-IP rate-based rule on the public and webhook paths, on the `v1` stage. */
export function addWebAcl(
  scope: Construct,
  api: apigateway.RestApi,
  definitions: readonly OperationDefinition[],
) {
  const openPaths = [
    ...new Set(definitions.filter((d) => d.access === 'public' || d.access === 'webhook').map((d) => d.path)),
  ];
  const byPath = openPaths.map((path) => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'ENDS_WITH',
      searchString: path,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  }));
  const acl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    // Metric names carry the stack's name: two environments in one account keep their own numbers.
    visibilityConfig: {
      cloudWatchMetricsEnabled: true,
      metricName: `${Stack.of(scope).stackName}-web-acl`,
      sampledRequestsEnabled: true,
    },
    rules: [
      {
        name: 'per-ip-rate-on-open-routes',
        priority: 0,
        action: { block: {} },
        visibilityConfig: {
          cloudWatchMetricsEnabled: true,
          metricName: `${Stack.of(scope).stackName}-per-ip-rate`,
          sampledRequestsEnabled: true,
        },
        statement: {
          rateBasedStatement: {
            limit: WAF_RATE_LIMIT_PER_5_MIN,
            aggregateKeyType: 'IP',
            scopeDownStatement: byPath.length === 1 ? byPath[0] : { orStatement: { statements: byPath } },
          },
        },
      },
    ],
  });
  new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', {
    resourceArn: api.deploymentStage.stageArn,
    webAclArn: acl.attrArn,
  });
}

/**
 * CORS headers on API Gateway's own answers (a refused token, a throttle, a bad
 * body), so a browser on an allowed origin can read a 401 or a 429 as it reads
 * the functions' answers. A header value here is a literal or a request value,
 * never a choice: one origin is named; several are answered by echoing the
 * request's `Origin`, which exposes only these fixed error bodies.
 */
function gatewayCorsHeaders(origins: readonly string[]): Record<string, string> {
  if (origins.length === 0) return {};
  return {
    'Access-Control-Allow-Origin': origins.length === 1 ? `'${origins[0]}'` : 'method.request.header.Origin',
    'Access-Control-Expose-Headers': "'Retry-After'",
    Vary: "'Origin'",
  };
}

/** API Gateway's own refusals, in the `{"error": {"code", "message"}}` shape of docs/api.md. */
export function addGatewayResponses(api: apigateway.RestApi, corsOrigins: readonly string[] = []): void {
  // [id, type, status (undefined keeps API Gateway's), code, message]
  const answers: Array<[string, apigateway.ResponseType, string | undefined, string, string]> = [
    [
      'Unauthorized',
      apigateway.ResponseType.UNAUTHORIZED,
      '401',
      'UNAUTHENTICATED',
      'A valid access token is required.',
    ],
    [
      'AccessDenied',
      apigateway.ResponseType.ACCESS_DENIED,
      '403',
      'FORBIDDEN',
      'You are not allowed to do this.',
    ],
    [
      'MissingToken',
      apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN,
      '404',
      'NOT_FOUND',
      'No such route.',
    ],
    ['ResourceNotFound', apigateway.ResponseType.RESOURCE_NOT_FOUND, '404', 'NOT_FOUND', 'No such route.'],
    [
      'BadBody',
      apigateway.ResponseType.BAD_REQUEST_BODY,
      '400',
      'VALIDATION_ERROR',
      "The request body does not match the route's schema.",
    ],
    [
      'TooLarge',
      apigateway.ResponseType.REQUEST_TOO_LARGE,
      '413',
      'PAYLOAD_TOO_LARGE',
      'The request body is too large.',
    ],
    [
      'MediaType',
      apigateway.ResponseType.UNSUPPORTED_MEDIA_TYPE,
      '415',
      'UNSUPPORTED_MEDIA_TYPE',
      'The request body must be application/json.',
    ],
    [
      'Throttled',
      apigateway.ResponseType.THROTTLED,
      '429',
      'TOO_MANY_REQUESTS',
      'Too many requests; try again later.',
    ],
    ['Default4xx', apigateway.ResponseType.DEFAULT_4XX, undefined, 'BAD_REQUEST', 'The request was refused.'],
    [
      'Default5xx',
      apigateway.ResponseType.DEFAULT_5XX,
      '500',
      'INTERNAL',
      'Something went wrong on our side. Try again later.',
    ],
  ];
  for (const [id, type, statusCode, code, message] of answers) {
    api.addGatewayResponse(id, {
      type,
      ...(statusCode ? { statusCode } : {}),
      // API Gateway wants each value as a quoted literal.
      responseHeaders: {
        ...Object.fromEntries(
          Object.entries(SECURITY_HEADERS).map(([name, value]) => [name, `'${value.replace(/'/g, "\\'")}'`]),
        ),
        ...gatewayCorsHeaders(corsOrigins),
      },
      templates: { 'application/json': JSON.stringify({ error: { code, message } }) },
    });
  }
}
