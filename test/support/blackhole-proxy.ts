import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a server that can turn into a black hole:
 * while `blackhole` is on, it forwards nothing in either direction (the
 * connections stay open, nothing answers), as a stalled network does. New and
 * kept-alive connections alike are swallowed.
 */
export async function blackholeProxy(target: { host: string; port: number }) {
  const state = { blackhole: false };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      if (!state.blackhole) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!state.blackhole) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    set blackhole(on: boolean) {
      state.blackhole = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
