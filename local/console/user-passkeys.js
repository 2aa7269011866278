import { cell, notice } from './dom.js';

// A user's passkeys on the admin's user page (GET /admin/users/{userId}/passkeys), each with a
// Remove button (DELETE .../passkeys/{credentialId}); a removed one shows when, until it is gone.
const $ = (id) => document.getElementById(id);

export async function showUserPasskeys(api, userId) {
  const base = `/admin/users/${encodeURIComponent(userId)}/passkeys`;
  const { passkeys } = await api('GET', base);
  const body = $('user-passkeys').tBodies[0];
  body.replaceChildren();
  $('user-passkeys-empty').hidden = passkeys.length > 0;
  for (const passkey of passkeys) {
    const row = body.insertRow();
    row.dataset.credentialId = passkey.credentialId;
    cell(row, passkey.credentialId);
    cell(row, passkey.createdAt);
    cell(row, passkey.removedAt ?? '');
    const actions = row.insertCell();
    if (passkey.removedAt) continue;
    const button = document.createElement('button');
    button.textContent = 'Remove';
    button.className = 'danger';
    button.addEventListener('click', () =>
      api('DELETE', `${base}/${encodeURIComponent(passkey.credentialId)}`)
        .then(() => showUserPasskeys(api, userId))
        .then(() => notice('Passkey removed: refused at its next use, deleted at Cognito then.'))
        .catch((e) => notice(e.message, true)),
    );
    actions.appendChild(button);
  }
}
