// What every route may use, decorated on the Fastify instance as `maoni`: one set per app, so two
// apps in one process share nothing. Also the request decoration the client identity plugin sets.
import type { EventHub } from '../events/hub.js';
import type { AppConfig } from '../options.js';
import type { Present } from '../present.js';
import type { Store } from '../store/open.js';
import type { FormTokens } from '../spam/form-token.js';
import type { AkismetClient } from '../spam/akismet.js';
import type { BackgroundTasks } from './background.js';

export interface Services {
  store: Store;
  events: EventHub;
  present: Present;
  config: AppConfig;
  /** Signs and checks the form tokens of GET /config. */
  formTokens: FormTokens;
  /** The Akismet-protocol check, when configured. */
  akismet: AkismetClient | null;
  /** Work after the answer (spam reports): awaited before the database closes. */
  background: BackgroundTasks;
  /** True from the moment the app starts closing: new requests get a 503. */
  readonly closing: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    maoni: Services;
    /** Records one post for the request's client; 0 when allowed, else the seconds to wait. */
    takePostLimit(request: FastifyRequest): Promise<number>;
  }
  interface FastifyRequest {
    /** The anonymous client key (X-Maoni-Client), or null for an anonymous reader. */
    viewer: string | null;
  }
}
