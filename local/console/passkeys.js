import { notice } from './dom.js';

// Passkeys in the admin console: "Add a passkey" for the signed-in admin, and
// "Sign in with a passkey" (USER_AUTH with WEB_AUTHN). The browser does the
// WebAuthn part (navigator.credentials); the API hands out Cognito's options
// and passes the browser's answer back, as JSON both ways.
const $ = (id) => document.getElementById(id);

export function wirePasskeys({ api, outcome, state }) {
  $('add-passkey').addEventListener('click', () => {
    addPasskey(api).catch((error) => notice(`Add a passkey: ${error.message}`, true));
  });
  $('passkey-sign-in').addEventListener('click', () => {
    const email = String(new FormData($('login-form')).get('email') || '');
    if (!email) {
      notice('Enter your email first.', true);
      return;
    }
    state.email = email;
    signInWithPasskey(api, email)
      .then(outcome)
      .catch((error) => notice(`Sign in with a passkey: ${error.message}`, true));
  });
}

async function addPasskey(api) {
  const { options } = await api('POST', '/me/passkeys/options');
  const created = await navigator.credentials.create({
    publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
  });
  await api('POST', '/me/passkeys', { credential: created.toJSON() });
  const { passkeys } = await api('GET', '/me/passkeys');
  notice(`Passkey added (${passkeys.length} registered).`);
}

async function signInWithPasskey(api, email) {
  const { challenge } = await api('POST', '/auth/sign-in', { email, preferred: 'WEB_AUTHN' });
  if (challenge.name !== 'WEB_AUTHN') throw new Error('passkeys are not offered by this user pool');
  const assertion = await navigator.credentials.get({
    publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(challenge.credentialRequestOptions),
  });
  return api('POST', '/auth/challenge', {
    email,
    session: challenge.session,
    name: 'WEB_AUTHN',
    credential: assertion.toJSON(),
  });
}
