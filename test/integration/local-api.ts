import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalServer } from '../../local/server';

/**
 * The local API on the emulators, in this test process, on a free loopback
 * port for the suite (started before its tests, closed after), and a JSON
 * client for it.
 */
export function localApiOnEmulators() {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createLocalServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  return async function http(method: string, path: string, body?: unknown, token?: string) {
    const response = await fetch(`${base}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    return {
      status: response.status,
      // biome-ignore lint/suspicious/noExplicitAny: JSON answers read by shape in the assertions
      body: (await response.json().catch(() => ({}))) as Record<string, any>,
    };
  };
}
