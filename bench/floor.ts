// The floor for `npm run bench load`: a bare Fastify JSON route in its own process, on a free port.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ ok: true }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`天平已启动：${address}`);
