import { Annotations, Validations } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';

/**
 * API Gateway's account-wide CloudWatch role (record 0053), which the stage's
 * logs need: where the stack sets it, cdk-nag's finding on its AWS-managed
 * policy is acknowledged; where it is left to the account
 * (`-c apiGatewayCloudWatchRole=false`), synth warns with the command that checks it.
 */
export function accountLoggingRole(scope: Construct, api: apigateway.RestApi, setByStack: boolean): void {
  if (!setByStack)
    Annotations.of(scope).addWarningV2(
      'account-backend:apiGatewayCloudWatchRole',
      "The stage logs only where the account's API Gateway CloudWatch role is set; check with `aws apigateway get-account --query cloudwatchRoleArn` (None: deploy without -c apiGatewayCloudWatchRole=false).",
    );
  const role = api.node.tryFindChild('CloudWatchRole');
  if (role)
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "API Gateway's account-level logging role must carry AWS's own push-to-CloudWatch policy; it grants API Gateway (not our code) log writes, and execution logging (APIG6) needs it.",
    });
}
