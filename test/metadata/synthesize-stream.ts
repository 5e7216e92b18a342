/**
 * Turns a real non-stream body into the stream the same API sends for the same answer (the
 * documented event sequence of each API, text cut into small deltas), so that one recorded call
 * can be extracted both ways. Test support only.
 */
type Json = Record<string, unknown>;

function pieces(text: string, size = 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function sse(events: readonly Json[], named: boolean, done = false): string {
  let text = '';
  for (const event of events) {
    if (named) text += `event: ${String(event.type)}\n`;
    text += `data: ${JSON.stringify(event)}\n\n`;
  }
  return done ? `${text}data: [DONE]\n\n` : text;
}

export function chatStream(body: Json): string {
  const choice = (body.choices as Json[])[0] as Json;
  const message = choice.message as Json;
  // Streams repeat the body's top-level fields (id, model, service_tier, x_groq…) in each chunk.
  const { choices: _choices, usage: _usage, ...top } = body;
  const head = { ...top, object: 'chat.completion.chunk' };
  const chunk = (delta: Json, finish: unknown = null): Json => ({
    ...head,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const events: Json[] = [chunk({ role: 'assistant', content: '' })];
  for (const key of ['reasoning_content', 'reasoning'] as const) {
    if (typeof message[key] === 'string')
      for (const p of pieces(message[key])) events.push(chunk({ [key]: p }));
  }
  if (typeof message.content === 'string')
    for (const p of pieces(message.content)) events.push(chunk({ content: p }));
  const calls = (message.tool_calls as Json[] | undefined) ?? [];
  calls.forEach((call, index) => {
    const fn = call.function as Json;
    events.push(
      chunk({
        tool_calls: [
          { index, id: call.id, type: 'function', function: { name: fn.name, arguments: '' } },
        ],
      }),
    );
    for (const p of pieces(String(fn.arguments)))
      events.push(chunk({ tool_calls: [{ index, function: { arguments: p } }] }));
  });
  events.push(chunk({}, choice.finish_reason));
  events.push({ ...head, choices: [], usage: body.usage });
  return sse(events, false, true);
}

export function responsesStream(body: Json): string {
  const start = { ...body, status: 'in_progress', output: [], usage: null };
  const events: Json[] = [{ type: 'response.created', response: start }];
  (body.output as Json[]).forEach((item, output_index) => {
    if (item.type === 'function_call') {
      events.push({
        type: 'response.output_item.added',
        output_index,
        item: { ...item, arguments: '' },
      });
      for (const delta of pieces(String(item.arguments))) {
        events.push({
          type: 'response.function_call_arguments.delta',
          item_id: item.id,
          output_index,
          delta,
        });
      }
    } else if (item.type === 'message') {
      events.push({
        type: 'response.output_item.added',
        output_index,
        item: { ...item, content: [] },
      });
      for (const part of (item.content as Json[]) ?? []) {
        if (part.type !== 'output_text') continue;
        for (const delta of pieces(String(part.text)))
          events.push({ type: 'response.output_text.delta', output_index, delta });
      }
    }
    events.push({ type: 'response.output_item.done', output_index, item });
  });
  events.push({ type: 'response.completed', response: body });
  return sse(events, true);
}

export function anthropicStream(body: Json): string {
  const usage = body.usage as Json;
  const events: Json[] = [
    {
      type: 'message_start',
      message: { ...body, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
    },
  ];
  (body.content as Json[]).forEach((block, index) => {
    if (block.type === 'text') {
      events.push({
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '' },
      });
      for (const text of pieces(String(block.text)))
        events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    } else if (block.type === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      // Spaced differently from the body's JSON, as models write it.
      for (const partial_json of pieces(JSON.stringify(block.input, null, 1))) {
        events.push({
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json },
        });
      }
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({
    type: 'message_delta',
    delta: { stop_reason: body.stop_reason, stop_sequence: body.stop_sequence ?? null },
    usage: { output_tokens: usage.output_tokens },
  });
  events.push({ type: 'message_stop' });
  return sse(events, true);
}
