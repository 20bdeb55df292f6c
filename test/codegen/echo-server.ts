/**
 * A loopback HTTP server for the generic client tests: it records each request as received
 * (method, URL, headers, raw body bytes) and answers with it as JSON, or with fixed XML, text,
 * image bytes or nothing on the `/responses/…` paths. Multipart and form bodies are parsed back with
 * the platform's own parsers (Request.formData, URLSearchParams), independent of the client's code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 254, 255]);
export const XML = '<?xml version="1.0"?><pet><name>Rex</name></pet>';

export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface EchoServer {
  url: string;
  seen: Seen[];
  last(): Seen;
  close(): Promise<void>;
}

export async function startEchoServer(): Promise<EchoServer> {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) };
    seen.push(s);
    const path = new URL(s.url, 'http://x').pathname;
    if (path.endsWith('/responses/xml')) return void res.writeHead(200, { 'content-type': 'application/xml' }).end(XML);
    if (path.endsWith('/responses/text')) return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('plain words');
    if (path.endsWith('/responses/image')) return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(PNG));
    if (path.endsWith('/responses/empty')) return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: s.method, url: s.url, headers }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    last: () => seen[seen.length - 1],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A received multipart body, parsed by the platform (undici's Request.formData). */
export async function parseMultipart(s: Seen): Promise<FormData> {
  return new Request('http://x/', { method: 'POST', headers: { 'content-type': s.headers['content-type'] }, body: new Uint8Array(s.body) }).formData();
}
