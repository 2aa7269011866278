import type { OpenedSession } from '../domain/sealed-session';

/**
 * Seals the sign-in sessions the API hands out (core/domain/sealed-session.ts)
 * with the deployment's key, which the composition root derives from the app
 * client's secret.
 */
export interface SessionSeal {
  seal(opened: OpenedSession): Promise<string>;
  /** Undefined for a string this deployment did not seal. */
  open(sealed: string): Promise<OpenedSession | undefined>;
}
