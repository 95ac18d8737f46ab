// The bench's statement counter: a TCP proxy between each server and PostgreSQL that counts the
// statements the server sends, reading the frontend protocol (one Query 'Q' message of the simple
// protocol or one Execute 'E' message of the extended one per statement run). It runs in its
// own process, forked by the bench with an IPC channel:
//   -> { listen: [{ name, port? }], upstream: { host, port } }   <- { ready: { name: port } }
//   -> { counts: true }                                          <- { counts: { name: n } }
// It only reads the client's side of each connection; the server's answers pass untouched.
import { createConnection, createServer } from 'node:net';

const counts = {};

/** Counts the messages of one client connection's stream, across chunk boundaries. */
function counter(name) {
  let started = false; // the startup message (no type byte) comes first
  let header = Buffer.alloc(0); // the part of a message header (type + length) not yet complete
  let skip = 0; // bytes of the current message's body still to pass
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - at);
        skip -= n;
        at += n;
        continue;
      }
      const size = started ? 5 : 4;
      const need = size - header.length;
      const take = Math.min(need, chunk.length - at);
      header = Buffer.concat([header, chunk.subarray(at, at + take)]);
      at += take;
      if (header.length < size) break;
      if (!started) {
        const length = header.readInt32BE(0);
        // SSLRequest / GSSENCRequest (8 bytes) are answered by one byte, then the startup follows.
        const code = length === 8 ? null : undefined;
        skip = length - 4;
        if (code === undefined) started = true;
      } else {
        const type = String.fromCharCode(header[0]);
        if (type === 'Q' || type === 'E') counts[name] = (counts[name] ?? 0) + 1;
        skip = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
    }
  };
}

function listen(name, port, upstream) {
  counts[name] = 0;
  return new Promise((resolve) => {
    const server = createServer((client) => {
      const db = createConnection(upstream);
      const count = counter(name);
      client.on('data', (chunk) => {
        count(chunk);
        db.write(chunk);
      });
      db.pipe(client);
      const close = () => {
        client.destroy();
        db.destroy();
      };
      client.on('error', close);
      db.on('error', close);
      client.on('close', close);
      db.on('close', close);
    });
    server.listen(port ?? 0, '127.0.0.1', () => resolve([name, server.address().port]));
  });
}

process.on('message', (message) => {
  if (message.listen) {
    void Promise.all(message.listen.map((l) => listen(l.name, l.port, message.upstream))).then(
      (ports) => process.send({ ready: Object.fromEntries(ports) }),
    );
  } else if (message.counts) {
    process.send({ counts: { ...counts } });
  }
});
process.on('disconnect', () => process.exit(0));
