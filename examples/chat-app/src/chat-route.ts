import { z } from 'zod';
import { chooseRoute, type RouteName } from './choose-route.ts';
import type { Clients } from './clients.ts';
import type { Database } from './database.ts';
import { conversationMessages, storeMessage } from './messages.ts';
import { orchestration } from './routes/orchestration.ts';
import { passthrough } from './routes/passthrough.ts';
import { reasoning } from './routes/reasoning.ts';
import type { HistoryMessage, Route } from './routes/route.ts';

const ROUTES: Record<RouteName, Route> = { passthrough, reasoning, orchestration };

const ChatRequestSchema = z.object({
  conversationId: z.string().min(1),
  message: z.string().min(1),
  /** Forces a route instead of letting the app choose. */
  route: z.enum(['passthrough', 'reasoning', 'orchestration']).optional(),
});

export interface ChatDeps {
  db: Database;
  clients: Clients;
}

/**
 * `POST /chat` as a fetch handler (a Next.js route handler, Hono, or `server.ts` for node:http):
 * stores the user's message, picks a route, streams the answer as plain text, and stores the
 * answer with the metadata of every LLM call before the response ends.
 */
export function createChatRoute({ db, clients }: ChatDeps) {
  return async function POST(request: Request): Promise<Response> {
    const parsed = ChatRequestSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) {
      return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
    }
    const { conversationId, message } = parsed.data;
    const routeName = parsed.data.route ?? chooseRoute(message);
    await storeMessage(db, { conversationId, role: 'user', content: message, route: routeName });
    const history: HistoryMessage[] = (await conversationMessages(db, conversationId))
      .filter((m) => (m.role === 'user' || m.role === 'assistant') && m.content !== null)
      .map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content! }));

    const run = ROUTES[routeName](history, clients);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await run.next();
          if (!next.done) {
            controller.enqueue(encoder.encode(next.value));
            return;
          }
          for (const call of next.value) {
            // A tool-calling step is kept too: its tokens were paid for.
            const toolStep = call.message.tool_calls.length > 0;
            await storeMessage(db, {
              conversationId,
              role: toolStep ? 'tool' : 'assistant',
              content: toolStep ? JSON.stringify(call.message.tool_calls) : call.message.content,
              route: routeName,
              metadata: call.metadata,
            });
          }
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await run.return([]);
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-chat-route': routeName },
    });
  };
}
