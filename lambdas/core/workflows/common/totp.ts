import { BRAND } from '../../domain/messages';
import type { SelfService } from '../../ports/self-service';
import type { UserStore } from '../../ports/user-store';

export interface TotpPorts {
  selfService: SelfService;
  users: UserStore;
}

/** The issuer authenticator apps show beside the account. */
export const TOTP_ISSUER = BRAND;
