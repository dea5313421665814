// The database as Kysely sees it: one interface per table. Queries are typed against these, and
// written once for every dialect (SQLite today; PostgreSQL can be added as another dialect).
import type { Generated, GeneratedAlways } from 'kysely';

/** 'removed' is internal: a deleted comment with no replies left, which nobody sees any more. */
export type StoredStatus = 'published' | 'pending' | 'spam' | 'deleted' | 'removed';

export interface CommentsTable {
  id: string;
  thread_id: string;
  parent_id: string | null;
  status: StoredStatus;
  body: string;
  author_name: string;
  author_email: string | null;
  author_url: string | null;
  client_key: string | null;
  idempotency_key: string;
  /** Milliseconds since the epoch: exact, and cheap to compare. */
  created_at: number;
  edited_at: number | null;
  up: Generated<number>;
  down: Generated<number>;
  /** up − down, computed by the database (a generated column). */
  score: GeneratedAlways<number>;
  /** Why the comment was held (the spam screen's step, or `manual`); null when it was not. */
  held_for: string | null;
  /** The host site's id of a reader it signed in (SSO `sub`); null for anyone else. */
  author_id: string | null;
  /** 1 when the host site vouched for the author (a valid SSO token), else 0. */
  author_verified: Generated<number>;
  /** Salted SHA-256 of the e-mail and of the network address: bans recognise them. */
  email_hash: string | null;
  ip_hash: string | null;
  /** In clear only with an Akismet-protocol service configured: its reports need them. */
  client_ip: string | null;
  user_agent: string | null;
}

export interface BansTable {
  id: string;
  author_id: string | null;
  email_hash: string | null;
  ip_hash: string | null;
  author_name: string;
  comment_id: string;
  created_at: number;
  created_by: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ReactionsTable {
  comment_id: string;
  client_key: string;
  reaction: 'up' | 'down';
}

export type Role = 'owner' | 'moderator';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 (base64url) of the cookie's token. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface ModerationLogTable {
  id: string;
  at: number;
  actor_email: string;
  action: string;
  comment_id: string;
  thread_id: string;
}

export interface Database {
  comments: CommentsTable;
  reactions: ReactionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  moderation_log: ModerationLogTable;
  bans: BansTable;
  settings: SettingsTable;
}
