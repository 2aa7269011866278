import type { Tokens } from '../../../domain/tokens';
import { type Clock, systemClock } from '../../../ports/clock';
import type { PoolTriggers } from '../../../ports/pool-triggers';
import type { JwtSigner } from '../jwt-signer';
import type { Outbox } from '../outbox';
import { InMemoryAccountAdmin } from './account-admin';
import { CustomAuth } from './custom-auth';
import { Messenger } from './messages';
import { UserMigration } from './migration';
import { PoolState, viewOf } from './pool';
import { InMemoryPoolInspector } from './pool-inspector';
import { InMemoryCognitoApi } from './public-api';
import { InMemorySelfService } from './self-service';
import { Sessions } from './sessions';
import { InMemorySignIn } from './sign-in';
import { TokenIssuer } from './tokens';
import { Triggers } from './triggers';
import { UserAuth } from './user-auth';
import { InMemoryUserDirectory } from './user-directory';
import { FakeWebAuthn, type WebAuthnConfig } from './webauthn';

export { generateTemporaryPassword } from './passwords';

export interface InMemoryCognitoOptions {
  userPoolId: string;
  clientId: string;
  signer: JwtSigner;
  outbox: Outbox;
  clock?: Clock;
  /** The pool's triggers (its LambdaConfig), e.g. built from the trigger registry. */
  triggers?: PoolTriggers;
  /** The app client rotates refresh tokens (the stack's `refreshTokenRotation`). @default false */
  refreshRotation?: boolean;
  /** The pool's MFA mode (the stack's `mfa` option). @default 'OPTIONAL' */
  mfa?: 'OPTIONAL' | 'REQUIRED';
  /** The app client's secret: Cognito's public API (`api`) checks SECRET_HASH with it. @default 'local-app-client-secret' */
  clientSecret?: string;
  /** The pool's passkey relying party (the stack's `passkeyRpId`); none: passkeys off. */
  passkeys?: WebAuthnConfig;
}

/**
 * A stateful in-memory Cognito user pool, faithful to the Cognito semantics
 * this project relies on (user statuses, temporary-password expiry, password
 * policy, challenge sessions, RS256 tokens with Cognito's claims, triggers).
 * It follows real Cognito, not an emulator's gaps. One facade per port.
 */
export class InMemoryCognito {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly directory: InMemoryUserDirectory;
  readonly signIn: InMemorySignIn;
  readonly selfService: InMemorySelfService;
  readonly accountAdmin: InMemoryAccountAdmin;
  readonly inspector: InMemoryPoolInspector;
  readonly passkeys: FakeWebAuthn;
  /** Cognito's public API (unauthenticated and token-authorized calls), as outsiders reach it. */
  readonly api: InMemoryCognitoApi;
  /** The app client's secret (SECRET_HASH on its public API; the key of the API's sealed sessions in mock mode). */
  readonly clientSecret: string;
  private readonly pool: PoolState;
  private readonly tokens: TokenIssuer;
  private readonly triggers = new Triggers();
  private readonly signer: JwtSigner;

  constructor(options: InMemoryCognitoOptions) {
    this.userPoolId = options.userPoolId;
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret ?? 'local-app-client-secret';
    this.signer = options.signer;
    const config = {
      userPoolId: options.userPoolId,
      clientId: options.clientId,
      region: options.userPoolId.split('_')[0] ?? 'us-east-1',
      clock: options.clock ?? systemClock,
      mfa: options.mfa ?? 'OPTIONAL',
    };
    this.pool = new PoolState(config);
    this.tokens = new TokenIssuer(config, options.signer);
    this.triggers.use(options.triggers);
    const messenger = new Messenger(config, options.outbox, this.triggers);
    this.directory = new InMemoryUserDirectory(this.pool, messenger, this.tokens);
    const migration = new UserMigration(this.pool, this.triggers);
    this.passkeys = new FakeWebAuthn(this.pool, this.tokens, options.passkeys);
    const userAuth = new UserAuth(this.pool, this.tokens, messenger, this.passkeys, (user) =>
      this.signIn.afterPassword(user),
    );
    this.signIn = new InMemorySignIn(
      this.pool,
      new Sessions(config.clock),
      this.tokens,
      { customAuth: new CustomAuth(this.pool, this.tokens, this.triggers), migration, userAuth },
      options.refreshRotation ?? false,
    );
    this.selfService = new InMemorySelfService(
      this.pool,
      this.tokens,
      messenger,
      this.triggers,
      migration,
      (user) => userAuth.openConfirmedSession(user),
    );
    this.accountAdmin = new InMemoryAccountAdmin(this.pool, messenger, this.tokens);
    this.inspector = new InMemoryPoolInspector(this.pool);
    this.api = new InMemoryCognitoApi(
      this.pool,
      this.tokens,
      this.signIn,
      this.selfService,
      messenger,
      this.clientSecret,
      this.passkeys,
    );
  }

  /** The token issuer (`iss` claim). */
  get issuer(): string {
    return this.tokens.issuer;
  }

  /** The public keys verifiers trust for this pool's tokens. */
  get jwks() {
    return this.signer.jwks;
  }

  /** Configures the pool's triggers (like updating its LambdaConfig). */
  useTriggers(triggers: PoolTriggers | undefined): void {
    this.triggers.use(triggers);
  }

  /**
   * Tokens for a user of the pool without their password, or undefined for an
   * unknown one: for local tools (`npm run invoke --as`), whose owner may act as
   * any user of their own local world — never a path of the API.
   */
  issueTokensFor(emailOrUsername: string): Tokens | undefined {
    const user = this.pool.find(emailOrUsername);
    return user ? this.tokens.issue(user) : undefined;
  }

  /** Adds a CONFIRMED user directly, e.g. the local bootstrap admin (no email is sent). */
  seedUser(input: {
    email: string;
    password: string;
    groups?: string[];
    attributes?: Record<string, string>;
  }) {
    return viewOf(this.pool.add({ ...input, status: 'CONFIRMED' }));
  }
}
