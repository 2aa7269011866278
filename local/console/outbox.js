import { cell } from './dom.js';

// The outbox of the local server (mock mode, or the emulators): the newest 50 messages.
// Elsewhere (a deployed API) there is none, and the section stays hidden.
const $ = (id) => document.getElementById(id);

export async function loadOutbox() {
  const response = await fetch('/_local/outbox');
  if (!response.ok) return;
  const { messages } = await response.json();
  const body = $('outbox-table').tBodies[0];
  body.replaceChildren();
  for (const m of messages.slice(-50).reverse()) {
    const row = document.createElement('tr');
    for (const value of [m.to, m.kind, m.subject, m.secret, m.sentAt]) cell(row, value);
    body.appendChild(row);
  }
  $('outbox').hidden = false;
}
