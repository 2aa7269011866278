import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Email, Mailer } from '../../ports/mailer';
import { sdkClientConfig } from './sdk-config';

/** The mailer on Amazon SES (v2 SendEmail) from a verified address; its timeouts sit well inside a trigger's 5 s. */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(
    private readonly from: string,
    client?: SESv2Client,
  ) {
    // One attempt, 1.8 s at worst: beside the rate-limit calls (in parallel, 2.8 s at worst)
    // it keeps CreateAuthChallenge inside Cognito's 5 s; a retry would risk a second email.
    const base = sdkClientConfig();
    this.client =
      client ??
      new SESv2Client({
        ...base,
        maxAttempts: 1,
        requestHandler: { ...base.requestHandler, requestTimeout: 1500 },
      });
  }

  async send(email: Email): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: email.text, Charset: 'UTF-8' },
              Html: { Data: email.html, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
  }
}
