/**
 * Runs the chat route on node:http: `node --import tsx examples/chat-app/src/server.ts`, then
 *   curl -N localhost:3000/chat -d '{"conversationId":"c1","message":"How do I cross the street?"}'
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { createChatRoute } from './chat-route.ts';
import { createClients } from './clients.ts';
import { openDatabase } from './database.ts';

const db = await openDatabase({ dataDir: process.env.PGLITE_DIR });
const chat = createChatRoute({ db, clients: createClients() });
const port = Number(process.env.PORT ?? 3000);

createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/chat') {
    res.writeHead(404).end();
    return;
  }
  const request = new Request(`http://localhost${req.url}`, {
    method: 'POST',
    headers: req.headers as Record<string, string>,
    body: Readable.toWeb(req) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const response = await chat(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as never).pipe(res);
  else res.end();
}).listen(port, () => console.log(`chat app on http://localhost:${port}/chat`));
