import { NotFoundError } from '../../domain/errors';
import type { IndexedPasskey, PasskeyIndex } from '../../ports/passkey-index';
import type { Passkey, Passkeys } from '../../ports/passkeys';

export interface PasskeyIndexPorts {
  passkeys: Passkeys;
  index: PasskeyIndex;
}

/**
 * While the API holds a user's access token, brings its passkey index in line
 * with Cognito's list (ListWebAuthnCredentials, the truth): a passkey an admin
 * removed is deleted in Cognito now (DeleteWebAuthnCredential with the
 * user's token: Cognito has no admin API for it) and forgotten; one registered
 * straight at Cognito is indexed; one deleted straight at Cognito is
 * forgotten. `alsoRemove` deletes more (an admin's hold: those registered
 * before it). Answers the user's passkeys that remain.
 */
export async function syncPasskeys(
  ports: PasskeyIndexPorts,
  input: { userId: string; accessToken: string; alsoRemove?: (passkey: Passkey) => boolean },
): Promise<Passkey[]> {
  const [listed, indexed] = await Promise.all([
    ports.passkeys.list(input.accessToken),
    ports.index.listOf(input.userId),
  ]);
  const byId = new Map<string, IndexedPasskey>(indexed.map((p) => [p.credentialId, p]));
  const doomed = (p: Passkey) => byId.get(p.credentialId)?.removedAt !== undefined || !!input.alsoRemove?.(p);
  const listedIds = new Set(listed.map((p) => p.credentialId));
  await Promise.all([
    ...listed.filter(doomed).map((p) => removeEverywhere(ports, input.accessToken, p.credentialId)),
    ...listed
      .filter((p) => !doomed(p) && !byId.has(p.credentialId))
      .map((p) =>
        ports.index.add({ credentialId: p.credentialId, userId: input.userId, createdAt: p.createdAt }),
      ),
    ...indexed.filter((p) => !listedIds.has(p.credentialId)).map((p) => ports.index.forget(p.credentialId)),
  ]);
  return listed.filter((p) => !doomed(p));
}

/** Deletes a passkey in Cognito with its owner's token (gone already counts), then from the index. */
export async function removeEverywhere(
  ports: Pick<PasskeyIndexPorts, 'passkeys' | 'index'>,
  accessToken: string,
  credentialId: string,
): Promise<void> {
  await ports.passkeys.remove(accessToken, credentialId).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
  await ports.index.forget(credentialId);
}
