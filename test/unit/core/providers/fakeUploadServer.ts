import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with the n-th chunk request (0-based): answer 503, or take the bytes and drop the connection. */
export type ChunkFault = '503' | 'dropAfterAccept';

interface Session {
  size: number;
  displayName: string;
  received: Buffer[];
  bytes: number;
  final: boolean;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** A minimal Gemini resumable-upload server (start / upload / upload, finalize / query / cancel) for unit tests. */
export async function startFakeUploadServer(faults: Map<number, ChunkFault> = new Map()) {
  const sessions = new Map<string, Session>();
  const commands: string[] = [];
  const keys = new Set<string>();
  let chunkIndex = 0;
  let nextId = 1;
  let onChunk: ((index: number) => void) | undefined;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const command = String(req.headers['x-goog-upload-command'] ?? '');
    keys.add(String(req.headers['x-goog-api-key']));
    const body = await readBody(req);
    commands.push(command);
    if (command === 'start') {
      const id = `U${nextId++}`;
      const meta = JSON.parse(body.toString()) as { file: { displayName: string } };
      sessions.set(id, {
        size: Number(req.headers['x-goog-upload-header-content-length']),
        displayName: meta.file.displayName,
        received: [],
        bytes: 0,
        final: false,
      });
      const { port } = server.address() as AddressInfo;
      res.writeHead(200, {
        'x-goog-upload-url': `http://127.0.0.1:${port}/upload/v1beta/files?upload_id=${id}&upload_protocol=resumable`,
        'x-goog-upload-status': 'active',
      });
      res.end();
      return;
    }
    const session = sessions.get(url.searchParams.get('upload_id') ?? '');
    if (!session) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":404,"message":"no upload"}}');
      return;
    }
    const file = () =>
      JSON.stringify({
        file: {
          name: 'files/up1',
          displayName: session.displayName,
          sizeBytes: String(session.bytes),
          mimeType: 'jsonl',
        },
      });
    if (command === 'query') {
      res.writeHead(200, {
        'x-goog-upload-status': session.final ? 'final' : 'active',
        'x-goog-upload-size-received': String(session.bytes),
      });
      res.end(session.final ? file() : '');
      return;
    }
    if (command === 'cancel') {
      sessions.delete(url.searchParams.get('upload_id') ?? '');
      res.writeHead(200).end();
      return;
    }
    const index = chunkIndex++;
    onChunk?.(index);
    const fault = faults.get(index);
    if (fault === '503') {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":503,"message":"try again"}}');
      return;
    }
    if (Number(req.headers['x-goog-upload-offset']) !== session.bytes) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":400,"message":"bad offset"}}');
      return;
    }
    session.received.push(body);
    session.bytes += body.length;
    session.final = command === 'upload, finalize';
    if (fault === 'dropAfterAccept') {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, {
      'x-goog-upload-status': session.final ? 'final' : 'active',
      'content-type': 'application/json',
    });
    res.end(session.final ? file() : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sessions,
    commands,
    keys,
    set onChunk(f: ((index: number) => void) | undefined) {
      onChunk = f;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
