import type { Generated } from 'kysely';

/** Table types. Times are ISO-8601 UTC strings: portable across SQLite and PostgreSQL, and sortable. */
export interface Database {
  settings: { key: string; value: string };
  staff_users: {
    id: string;
    username: string;
    first_name: string;
    role: 'mediateur' | 'admin_pole' | 'admin_departement';
    /** '' while the person has not chosen a password yet (an account made in « Comptes »). */
    password_hash: string;
    created_at: string;
    disabled_at: string | null;
    /** Bumped on every change: a second admin's save of a stale copy is refused (migration 010). */
    version: Generated<number>;
  };
  /** The pôles a staff member belongs to (migration 010); an admin_departement needs none. */
  staff_sites: { staff_id: string; site_id: string };
  /** The live configuration of each pôle: a SiteConfig as JSON, imported from kiosk-config/ (migration 010). */
  site_configs: { id: string; json: string; version: number; updated_at: string; updated_by: string | null };
  /** One-time kiosk enrolment codes, as keyed hashes only (migration 011). */
  enrolment_codes: { id: string; code_hash: string; kiosk_id: string; site_id: string; created_by: string | null; created_at: string; expires_at: string; used_at: string | null };
  /** Refused enrolment tries, for the rate limit: a keyed hash of the address, never the address (migration 011). */
  enrolment_failures: { id: string; address_key: string; at: string };
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
    guide_id: string | null;
    guide_step: number | null;
    /** Migration 012: what the heartbeats tell (codes only). */
    app_version: string | null;
    started_at: string | null;
    camera: number | null;
    last_error_code: string | null;
    last_error_at: string | null;
    /** Written by the heartbeat's UPDATE from the old row: last_seen_at before it, and whether the details changed. */
    previous_seen_at: string | null;
    health_changed: Generated<number>;
    /** Migration 013: the message for usagers (JSON {fr, en?, ar?}) while out of service; null in service. */
    out_of_service: string | null;
  };
  /** Remote actions on kiosks and their state (migration 013). */
  kiosk_commands: { id: string; site_id: string; kiosk_id: string; kind: string; message: string | null; status: string; staff_id: string | null; staff_first_name: string | null; created_at: string; updated_at: string; expires_at: string };
  /** Offline alerts (migration 013); open_slot is 1 while new or taken (one open alert a kiosk). */
  fleet_alerts: { id: string; site_id: string; kiosk_id: string; kind: string; status: string; offline_since: string | null; raised_at: string; taken_by: string | null; taken_by_first_name: string | null; taken_at: string | null; resolved_at: string | null; resolved_automatically: number; open_slot: number | null };
  /** What the alert provider sent for each alert (migration 013); the agenda's outbox is for appointments. */
  fleet_alert_messages: { id: string; site_id: string; alert_id: string; channel: string; recipient: string; body: string; created_at: string };
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
  /** gender: 'female' | 'male' | null; place_i18n: the place's translations as JSON (migration 009). */
  referents: { id: string; site_id: string; first_name: string; metier: string; place: string; hours: string; gender: string | null; place_i18n: string | null; archived_at: string | null; version: Generated<number> };
  dossiers: { id: string; number: string; birth_date: string; site_id: string; referent_id: string | null; kiosk_access: string };
  demandes: { id: string; dossier_id: string; kind: string; type: string; status: string; last_change_at: string };
  missing_documents: { id: string; dossier_id: string; demande_id: string | null; type: string };
  appointments: {
    id: string;
    dossier_id: string | null;
    referent_id: string;
    starts_at: string;
    ends_at: string;
    place: string;
    /** The place's translations as JSON {en, ar, …}; `place` holds the French (migration 009). */
    place_i18n: string | null;
    /** 'booked' or 'cancelled'; a move cancels the old row and books a new one. */
    status: string;
    motif_id: string | null;
    reference: string | null;
    kiosk_id: string | null;
    /** Only for a first contact without a dossier: the person gave them at the kiosk. */
    contact_name: string | null;
    contact_phone: string | null;
    receipt_hash: string | null;
    created_at: string | null;
    changed_at: string | null;
  };
  motifs: {
    id: string;
    site_id: string;
    category: string;
    duration_minutes: number;
    mode: string;
    min_delay_minutes: number;
    max_delay_days: number;
    change_limit_hours: number;
    metiers: string;
    position: number;
    /** Migration 015: the texts the kiosk shows (French, and the other languages as JSON), open without a dossier, archived, version. */
    name: string;
    name_i18n: string | null;
    description: string;
    description_i18n: string | null;
    first_contact: number;
    archived_at: string | null;
    version: Generated<number>;
  };
  absences: { id: string; referent_id: string; starts_at: string; ends_at: string };
  guide_stats: { site_id: string; guide_id: string; day: string; opened: number; completed: number };
  outbox: { id: string; site_id: string; appointment_id: string; channel: string; recipient: string; body: string; created_at: string };
  identification_attempts: { id: string; kiosk_id: string; dossier_key: string; success: number; at: string };
  usager_sessions: { token_hash: string; kiosk_id: string; dossier_id: string; created_at: string; expires_at: string; ended_at: string | null };
  audit_log: { id: string; at: string; kiosk_id: string | null; dossier_id: string | null; action: string; outcome: string };
  staff_audit: { id: string; at: string; staff_id: string | null; action: string; site_id: string | null; target: string | null; before_json: string | null; after_json: string | null; address: string | null };
  /** username_key: HMAC of the lower-cased username with the instance secret (migration 007). */
  sign_in_failures: { id: string; username_key: string; address: string; at: string };
  /** One-time links to choose a password (« Comptes », migration 014): only a keyed hash of the code. */
  account_setup_codes: { code_hash: string; staff_id: string; created_at: string; expires_at: string; used_at: string | null; created_by: string | null };
  /** Wrong setup codes per client address (migration 014), for the rate limit. */
  account_setup_failures: { id: string; address: string; at: string };
}
