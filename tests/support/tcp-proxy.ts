import net from "node:net";
import { listenLocally } from "./local-tcp-server";

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore, to simulate the
 * database becoming unreachable without touching the real server.
 * Cut: every open connection is destroyed and new ones are reset at once.
 */
export interface TcpProxy {
  port: number;
  /** postgres://… URL of `url`'s database, routed through this proxy. */
  route(url: string): string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let isCut = false;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };

  const server = net.createServer((client) => {
    track(client);
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    client.pipe(upstream).pipe(client);
    const destroyBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", destroyBoth);
    upstream.on("error", destroyBoth);
    client.on("close", destroyBoth);
    upstream.on("close", destroyBoth);
  });

  const local = await listenLocally(server, sockets);
  return {
    port: local.port,
    route: local.route,
    cut() {
      isCut = true;
      local.dropConnections();
    },
    restore() {
      isCut = false;
    },
    close: local.close,
  };
}
