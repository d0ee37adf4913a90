/** The on-screen keypad's rules, apart from any screen: digits only, a fixed length, erase. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'erase';

export function applyKey(value: string, key: KeypadKey, maxLength: number): string {
  if (key === 'erase') return value.slice(0, -1);
  return value.length >= maxLength ? value : value + key;
}

/** Keeps what a physical keyboard typed to digits only, at most `maxLength`. */
export function cleanDigits(input: string, maxLength: number): string {
  return input.replace(/\D/g, '').slice(0, maxLength);
}

/** "14031985" (day, month, year as French usagers write it) → "1985-03-14"; null while incomplete. */
export function birthDateFromDigits(digits: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(digits);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** "140319" → "14/03/19": the mask shows the usager where they are in the date. */
export function formatBirthDigits(digits: string): string {
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 8)].filter((p) => p.length > 0);
  return parts.join('/');
}

/** Keys of the on-screen letter keyboard (name, e-mail): a character, or one of the actions. */
export type TextKey = { char: string } | 'space' | 'erase';

/**
 * Applies a key to a name or an e-mail address. Names get their capitals by themselves (first
 * letter of each part, in the scripts that have capitals), so a usager never needs a shift key;
 * e-mail addresses stay lower case.
 */
export function applyTextKey(value: string, key: TextKey, kind: 'name' | 'email' | 'code' | 'search', maxLength = 80): string {
  if (key === 'erase') return value.slice(0, -1);
  if (value.length >= maxLength) return value;
  if (key === 'space') return kind === 'email' || kind === 'code' || value === '' || value.endsWith(' ') ? value : `${value} `;
  if (kind === 'email' || kind === 'search') return value + key.char.toLowerCase();
  if (kind === 'code') return value.replace(/[^A-Z0-9]/gi, '').length >= 6 ? value : value + key.char.toUpperCase();
  // Only a script with capitals gets them (Cyrillic, Latin); Arabic letters go in as they are.
  // The Ukrainian apostrophe ʼ is a letter sign, not a break: « Марʼяна » keeps its small я.
  const cased = key.char.toUpperCase() !== key.char.toLowerCase();
  if (!cased) return value + key.char;
  const startsWord = value === '' || /[\s'-]$/.test(value);
  return value + (startsWord ? key.char.toUpperCase() : key.char.toLowerCase());
}
