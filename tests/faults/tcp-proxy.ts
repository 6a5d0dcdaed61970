import { connect, createServer, type Server, type Socket } from "node:net";

// A TCP proxy on loopback that a test can break on purpose:
//  - freeze(): connections stay open but no byte goes through in either direction (a stalled network or a server
//    that hangs); new connections are accepted and held the same way. thaw() lets everything through again.
//  - cut(): every connection is closed and new ones are refused (a stopped server); restore() listens again.

export interface TcpProxy {
  readonly port: number;
  freeze(): void;
  thaw(): void;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
  /** Connections open right now. */
  readonly open: number;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  toUpstream: Buffer[];
  toClient: Buffer[];
}

export async function startTcpProxy(target: { host: string; port: number }, listenPort = 0): Promise<TcpProxy> {
  let frozen = false;
  const pairs = new Set<Pair>();

  const connectUpstream = (p: Pair) => {
    const up = connect(target.port, target.host);
    p.upstream = up;
    up.on("data", (d: Buffer) => {
      if (frozen) p.toClient.push(d);
      else p.client.write(d);
    });
    up.on("connect", () => {
      if (!frozen) for (const b of p.toUpstream.splice(0)) up.write(b);
    });
    const end = () => {
      p.client.destroy();
      pairs.delete(p);
    };
    up.on("close", end);
    up.on("error", end);
  };

  const onConnection = (client: Socket) => {
    const p: Pair = { client, upstream: undefined, toUpstream: [], toClient: [] };
    pairs.add(p);
    client.on("data", (d: Buffer) => {
      if (frozen || !p.upstream || p.upstream.connecting) p.toUpstream.push(d);
      else p.upstream.write(d);
    });
    const end = () => {
      p.upstream?.destroy();
      pairs.delete(p);
    };
    client.on("close", end);
    client.on("error", end);
    // While frozen even the connection to the server waits: the client sees a connect that never completes its
    // handshake, as with a hung server.
    if (!frozen) connectUpstream(p);
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const port = await listen(listenPort);
  let listening = true;

  const closeServer = () =>
    new Promise<void>((resolve) => {
      if (!listening) {
        resolve();
        return;
      }
      listening = false;
      server.close(() => resolve());
    });

  return {
    port,
    get open() {
      return pairs.size;
    },
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const p of pairs) {
        if (!p.upstream) connectUpstream(p);
        else if (!p.upstream.connecting) for (const b of p.toUpstream.splice(0)) p.upstream.write(b);
        for (const b of p.toClient.splice(0)) p.client.write(b);
      }
    },
    async cut() {
      const closing = closeServer();
      for (const p of [...pairs]) {
        p.client.destroy();
        p.upstream?.destroy();
      }
      pairs.clear();
      await closing;
    },
    async restore() {
      if (listening) return;
      server = createServer(onConnection);
      await listen(port);
      listening = true;
    },
    async close() {
      frozen = false;
      for (const p of [...pairs]) {
        p.client.destroy();
        p.upstream?.destroy();
      }
      pairs.clear();
      await closeServer();
    },
  };
}
