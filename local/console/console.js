import { cell, fields, notice } from './dom.js';
import { loadOutbox } from './outbox.js';
import { wirePasskeys } from './passkeys.js';
import { showUserPasskeys } from './user-passkeys.js';

// The admin console: a small static page that talks only to the public API
// (same origin), as any client would. Tokens live in this module's scope, in memory
// only: never in localStorage, sessionStorage or a cookie. Everything shown
// is set with textContent, never as HTML.
const state = { email: '', accessToken: '', session: '', challenge: '', cursor: undefined, pages: [] };
const $ = (id) => document.getElementById(id);
// The actions of POST /admin/users/{userId}/{action}.
const ACTIONS = 'approve reject suspend disable enable reset-password require-mfa sign-out'.split(' ');

async function api(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.accessToken) headers.Authorization = `Bearer ${state.accessToken}`;
  const response = await fetch(path, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new Error(
      data.error ? `${data.error.code}: ${data.error.message}` : `HTTP ${response.status}`,
    );
    error.status = response.status;
    throw error;
  }
  return data;
}

// --- sign-in, with the NEW_PASSWORD_REQUIRED and TOTP challenges ---------
async function outcome(result) {
  if (result.tokens) return signedIn(result.tokens);
  const challenge = result.challenge;
  state.session = challenge.session;
  state.challenge = challenge.name;
  const newPassword = challenge.name === 'NEW_PASSWORD_REQUIRED';
  $('challenge-prompt').textContent = newPassword
    ? 'Choose a new password (first sign-in).'
    : challenge.name === 'SOFTWARE_TOKEN_MFA'
      ? 'Enter the 6-digit code of your authenticator app.'
      : `Challenge ${challenge.name} is not supported here; use the API.`;
  $('new-password-field').hidden = !newPassword;
  $('code-field').hidden = newPassword;
  $('login-form').hidden = true;
  $('challenge-form').hidden = false;
}

function showSignedIn(on) {
  for (const id of ['console', 'sign-out', 'add-passkey']) $(id).hidden = !on;
  $('sign-in').hidden = on;
}

async function signedIn(tokens) {
  state.accessToken = tokens.accessToken;
  const me = await api('GET', '/me');
  if (!(me.groups || []).includes('admin')) {
    state.accessToken = '';
    throw new Error('This account is not in the admin group.');
  }
  $('who').textContent = `signed in as ${me.email}`;
  showSignedIn(true);
  notice('');
  await Promise.all([loadPool(), loadUsers(), loadOutbox()]);
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  state.email = String(form.get('email'));
  api('POST', '/auth/login', { email: state.email, password: String(form.get('password')) })
    .then(outcome)
    .catch((error) => notice(error.message, true));
});

$('challenge-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { email: state.email, session: state.session, name: state.challenge };
  if (state.challenge === 'NEW_PASSWORD_REQUIRED') body.newPassword = String(form.get('newPassword'));
  else body.code = String(form.get('code'));
  api('POST', '/auth/challenge', body)
    .then((result) => {
      event.target.reset();
      return outcome(result);
    })
    .catch((error) => notice(error.message, true));
});

wirePasskeys({ api, outcome, state });

$('sign-out').addEventListener('click', () => {
  api('POST', '/auth/sign-out')
    .catch(() => undefined)
    .finally(() => {
      Object.assign(state, { accessToken: '', session: '', challenge: '', cursor: undefined, pages: [] });
      showSignedIn(false);
      $('login-form').hidden = false;
      $('challenge-form').hidden = true;
      $('who').textContent = '';
      notice('Signed out.');
    });
});

// --- pool status and the probe ------------------------------------------
async function loadPool() {
  fields($('pool-status'), await api('GET', '/admin/cognito'));
}
$('refresh-pool').addEventListener('click', () => loadPool().catch((e) => notice(e.message, true)));
$('probe').addEventListener('click', () => {
  $('probe-result').textContent = 'Testing ...';
  api('POST', '/admin/cognito/test')
    .then((result) => {
      $('probe-result').textContent = result.ok ? 'Connection OK' : `Connection failed: ${result.reason}`;
    })
    .catch((e) => notice(e.message, true));
});

// --- users: paging, the email and status filters, the detail and its actions
async function loadUsers(cursor) {
  const form = new FormData($('filter-form'));
  const [filter, status] = [String(form.get('email') || ''), String(form.get('status') || '')];
  const query = new URLSearchParams({ limit: '20' }); // an email search ignores the status
  if (filter || status) query.set(filter ? 'email' : 'status', filter || status);
  if (cursor) query.set('cursor', cursor);
  const page = await api('GET', `/admin/users?${query}`);
  const body = $('users-table').tBodies[0];
  body.replaceChildren();
  for (const user of page.users) {
    const row = document.createElement('tr');
    row.className = 'user';
    row.dataset.userId = user.userId;
    for (const value of [user.email, user.status, user.role, user.createdAt]) cell(row, value);
    row.addEventListener('click', () => showUser(user.userId).catch((e) => notice(e.message, true)));
    body.appendChild(row);
  }
  state.cursor = page.nextCursor;
  $('next-page').disabled = !page.nextCursor;
}
$('filter-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadUsers().catch((e) => notice(e.message, true));
});
// "All users" clears the filters, "Approval queue" shows pending_approval only.
for (const [id, status] of [
  ['clear-filter', ''],
  ['approval-queue', 'pending_approval'],
]) {
  $(id).addEventListener('click', () => {
    $('filter-form').reset();
    $('status-filter').value = status;
    loadUsers().catch((e) => notice(e.message, true));
  });
}
$('first-page').addEventListener('click', () => loadUsers().catch((e) => notice(e.message, true)));
$('next-page').addEventListener('click', () => loadUsers(state.cursor).catch((e) => notice(e.message, true)));

async function showUser(userId) {
  const user = await api('GET', `/admin/users/${encodeURIComponent(userId)}`);
  state.userId = userId;
  fields($('user-fields'), user);
  const actions = $('user-actions');
  actions.replaceChildren();
  for (const action of [...ACTIONS, 'delete']) {
    const button = document.createElement('button');
    button.textContent = action;
    button.dataset.action = action;
    if (action === 'delete') button.className = 'danger';
    button.addEventListener('click', () => act(userId, action).catch((e) => notice(e.message, true)));
    actions.appendChild(button);
  }
  await showUserPasskeys(api, userId);
  $('user-detail').hidden = false;
}

/** A user-detail form: its body from the form, then the updated user shown. */
function userForm(id, method, suffix, body) {
  $(id).addEventListener('submit', (event) => {
    event.preventDefault();
    const userId = state.userId;
    api(method, `/admin/users/${encodeURIComponent(userId)}/${suffix}`, body(new FormData(event.target)))
      .then(async (user) => {
        fields($('user-fields'), user);
        await loadUsers();
        notice(`${suffix}: saved.`);
      })
      .catch((e) => notice(e.message, true));
  });
}
userForm('password-form', 'PUT', 'password', (form) => ({
  password: String(form.get('password')),
  permanent: form.get('permanent') === 'on',
}));
userForm('attributes-form', 'PATCH', 'attributes', (form) => {
  const attributes = {};
  if (form.get('name')) attributes.name = String(form.get('name'));
  if (form.get('organizationId')) attributes['custom:organizationId'] = String(form.get('organizationId'));
  if (form.get('demote') === 'on') attributes['custom:role'] = 'user';
  return { attributes };
});
userForm('mfa-form', 'PUT', 'mfa', (form) => ({
  totp: form.get('totp') === 'on',
  sms: form.get('sms') === 'on',
}));

$('admin-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const email = String(new FormData(event.target).get('email'));
  // One Idempotency-Key per click: a retried request is answered once.
  api('POST', '/admins', { email }, { 'Idempotency-Key': crypto.randomUUID() })
    .then(async () => {
      await loadUsers();
      notice(`Admin ${email} created; the invitation is on its way.`);
    })
    .catch((e) => notice(e.message, true));
});
$('resend-invite').addEventListener('click', () => {
  const email = String(new FormData($('admin-form')).get('email'));
  api('POST', '/admins/resend-invite', { email })
    .then((answer) => notice(answer.message))
    .catch((e) => notice(e.message, true));
});

async function act(userId, action) {
  const path = `/admin/users/${encodeURIComponent(userId)}`;
  if (action === 'delete') {
    if (!window.confirm('Delete this user from Cognito and the tables?')) return;
    await api('DELETE', path);
    $('user-detail').hidden = true;
    await loadUsers();
    notice('User deleted.');
  } else {
    const user = await api('POST', `${path}/${action}`);
    fields($('user-fields'), user);
    // The table first, then the notice: once it shows, the whole page is current.
    await loadUsers();
    notice(`${action}: done (status ${user.status}).`);
  }
}

$('refresh-outbox').addEventListener('click', () => loadOutbox().catch((e) => notice(e.message, true)));
