import { connect } from "node:net";

// Raw HTTP over a socket, for requests fetch cannot make: broken chunk sizes, bodies that stop short.

export interface RawResult {
  /** Everything the server sent before closing (or before the wait ended). */
  response: string;
  /** The status code of the first response line, or 0 when none came. */
  status: number;
  /** Milliseconds from the first byte sent until the server closed the connection (or the wait ended). */
  ms: number;
  /** True when the server closed the connection within the wait. */
  closed: boolean;
}

/** Writes `payload` to a fresh connection and collects what comes back until the server closes or `waitMs` passes. */
export function rawRequest(port: number, payload: string | Buffer, waitMs = 5000): Promise<RawResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    let response = "";
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      resolve({ response, status, ms: performance.now() - start, closed });
    };
    const socket = connect(port, "127.0.0.1", () => socket.write(payload));
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => (response += d));
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true));
    const timer = setTimeout(() => finish(false), waitMs);
  });
}
