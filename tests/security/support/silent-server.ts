import net from "node:net";
import { type LocalTcpServer, listenLocally } from "../../support/local-tcp-server";

/**
 * A TCP server that accepts connections and never answers: a database host that hangs
 * instead of refusing. Only connection and statement timeouts can end a request against it.
 */
export type SilentServer = LocalTcpServer;

export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  return listenLocally(server, sockets);
}
