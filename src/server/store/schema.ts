import type { Generated } from 'kysely';

/** Table types. Times are ISO-8601 UTC strings: portable across SQLite and PostgreSQL, and sortable. */
export interface Database {
  settings: { key: string; value: string };
  staff_users: {
    id: string;
    username: string;
    first_name: string;
    role: 'mediateur' | 'admin';
    password_hash: string;
    created_at: string;
    disabled_at: string | null;
  };
  staff_sessions: {
    token_hash: string;
    staff_id: string;
    created_at: string;
    expires_at: string;
  };
  staff_duty: {
    staff_id: string;
    site_id: string;
    since: string;
  };
  kiosks: {
    id: string;
    site_id: string;
    token_hash: string;
    enrolled_at: string;
    last_seen_at: string | null;
    in_session: number;
    screen: string | null;
    language: string | null;
  };
  help_calls: {
    id: string;
    site_id: string;
    kiosk_id: string;
    request_id: string;
    status: string;
    screen: string;
    language: string;
    guide_id: string | null;
    step: number | null;
    accessibility: string;
    created_at: string;
    escalated_at: string | null;
    claimed_at: string | null;
    claimed_by: string | null;
    claimed_by_first_name: string | null;
    ended_at: string | null;
    outcome: string | null;
    /** 1 while waiting or claimed: a unique index on (kiosk_id, open_slot) keeps one open call a kiosk. */
    open_slot: number | null;
  };
  events: {
    id: Generated<number>;
    site_id: string;
    type: string;
    payload: string;
    created_at: string;
  };
}
