import type net from "node:net";

/** A TCP server of a test's own on 127.0.0.1, with the sockets it holds. */
export interface LocalTcpServer {
  port: number;
  /** `url` with its host and port pointed at this server. */
  route(url: string): string;
  /** Destroys every open socket. */
  dropConnections(): void;
  /** Drops the connections and stops listening. */
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1; `sockets` are the ones the server tracks. */
export async function listenLocally(
  server: net.Server,
  sockets: Set<net.Socket>,
): Promise<LocalTcpServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    route(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    dropConnections,
    close() {
      dropConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
