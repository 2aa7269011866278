import type { Template } from 'aws-cdk-lib/assertions';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';

/** The logical-id prefix of CDK's AwsCustomResource provider (it reads the app client's secret at deploy time). */
export const CUSTOM_RESOURCE_PROVIDER = `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;

/** The stack's own functions (one per operation and trigger), without CDK's custom-resource provider. */
export function ourFunctions(template: Template): ReturnType<Template['findResources']> {
  return Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !id.startsWith(CUSTOM_RESOURCE_PROVIDER),
    ),
  );
}
