import type { SseMessage } from './message.ts';

/** Writes one message back in wire form, ending with the blank line that dispatches it. */
export function serializeSseMessage(message: SseMessage): string {
  switch (message.kind) {
    case 'comment':
      return `: ${message.comment}\n\n`;
    case 'retry':
      return `retry: ${message.retry}\n\n`;
    case 'event': {
      let out = '';
      if (message.event !== undefined) out += `event: ${message.event}\n`;
      if (message.id !== undefined) out += `id: ${message.id}\n`;
      // A multi-line payload needs one `data:` line per line to survive the round trip.
      for (const line of message.data.split('\n')) out += `data: ${line}\n`;
      return `${out}\n`;
    }
  }
}
