import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for a group robot: records every POST body and answers with the given status and body. */
export async function startReceiver(
  answer: { status: number; body: string } = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' },
) {
  const received: { path: string; contentType: string; body: unknown }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', contentType: String(req.headers['content-type']), body: JSON.parse(text) });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
