import { UserNotFoundError, UserStateError } from '../../../domain/errors';
import type { IdentityUser, Invitation } from '../../../ports/identity-user';
import type { CreateUserInput, UserDirectory } from '../../../ports/user-directory';
import type { Messenger } from './messages';
import { assertPolicy, generateTemporaryPassword, hashPassword } from './passwords';
import { type PoolState, viewOf } from './pool';
import type { TokenIssuer } from './tokens';

/** The user-directory port on the in-memory pool: one method per Admin* API, as Cognito behaves. */
export class InMemoryUserDirectory implements UserDirectory {
  constructor(
    private readonly pool: PoolState,
    private readonly messenger: Messenger,
    private readonly tokens: TokenIssuer,
  ) {}

  /** AdminCreateUser: FORCE_CHANGE_PASSWORD, invitation emailed; a failing CustomMessage creates nothing. */
  async createUser(input: CreateUserInput): Promise<IdentityUser> {
    if (input.temporaryPassword !== undefined) assertPolicy(input.temporaryPassword);
    const temporaryPassword = input.temporaryPassword ?? generateTemporaryPassword();
    const user = this.pool.add({
      email: input.email,
      password: temporaryPassword,
      status: 'FORCE_CHANGE_PASSWORD',
      attributes: input.attributes,
    });
    try {
      await this.messenger.send(user, {
        source: 'AdminCreateUser',
        secret: temporaryPassword,
        clientMetadata: { invitation: input.invitation ?? 'applicant' },
      });
    } catch (error) {
      this.pool.remove(user.username);
      throw error;
    }
    return viewOf(user);
  }

  /** AdminCreateUser RESEND: a new temporary password, its validity restarted. */
  async resendTemporaryPassword(email: string, invitation: Invitation = 'applicant'): Promise<void> {
    const user = this.pool.find(email);
    if (!user) throw new UserNotFoundError('User does not exist.');
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      throw new UserStateError('Resend is only possible while the temporary password is unused.');
    }
    const temporaryPassword = generateTemporaryPassword();
    await this.messenger.send(user, {
      source: 'AdminCreateUser',
      secret: temporaryPassword,
      clientMetadata: { invitation },
    });
    user.passwordHash = hashPassword(temporaryPassword);
    user.temporaryPasswordIssuedAt = this.pool.config.clock().getTime();
  }

  async addUserToGroup(username: string, group: string): Promise<void> {
    this.pool.existing(username).groups.add(group);
  }

  async removeUserFromGroup(username: string, group: string): Promise<void> {
    this.pool.existing(username).groups.delete(group);
  }

  /** AdminDisableUser also revokes every token the user holds, as Cognito does; AdminEnableUser restores none. */
  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const user = this.pool.existing(username);
    user.enabled = enabled;
    if (!enabled) this.tokens.signOut(user);
  }

  async groupsOf(username: string): Promise<string[]> {
    return [...this.pool.existing(username).groups].sort();
  }

  /** AdminDeleteUser; the adapter treats an unknown user as already deleted. */
  async deleteUser(username: string): Promise<void> {
    if (this.pool.remove(username)) this.tokens.forget(username);
  }

  async getUser(emailOrUsername: string): Promise<IdentityUser | undefined> {
    const user = this.pool.find(emailOrUsername);
    return user ? viewOf(user) : undefined;
  }
}
