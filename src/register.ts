/**
 * Import first (`import 'llm-cassette/register'`, or vitest `setupFiles`) to install the fetch
 * interceptor before any SDK client is constructed: clients keep the `fetch` they see at
 * construction, so one made at module load must see the intercepted one.
 */
import { installInterceptor } from './recorder/interceptor.ts';

installInterceptor();
