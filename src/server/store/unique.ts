/**
 * Whether a write was refused by a unique index (on `column`, when given), on either dialect:
 * SQLite says SQLITE_CONSTRAINT_UNIQUE "…: table.column", PostgreSQL 23505 "Key (column)=(…)".
 * The index is what decides a race between two instances; the loser gets the friendly refusal.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const e = (error ?? {}) as { code?: string; message?: string; detail?: string; constraint?: string };
  if (e.code === '23505') return column === undefined || `${e.detail ?? ''} ${e.constraint ?? ''}`.includes(column);
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return column === undefined || (e.message ?? '').includes(column);
  return false;
}
