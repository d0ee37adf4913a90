/** Pictograms drawn for Borne; decorative (aria-hidden): the text next to them says it all. */
export function CloseIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" class="icon">
      <path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 6l12 12M18 6 6 18" />
    </svg>
  );
}

export function OfflineIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="32" height="32" class="icon">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M3 3l18 18" />
      <circle cx="12" cy="19" r="1.5" fill="currentColor" />
    </svg>
  );
}

export function PersonIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 48 48" width="64" height="64" class="icon">
      <circle cx="24" cy="15" r="8" fill="currentColor" />
      <path fill="currentColor" d="M8 44c1.5-10 8-15.5 16-15.5S38.5 34 40 44Z" />
    </svg>
  );
}

/** The usual sign of languages: a globe. */
export function GlobeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" class="icon">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
      <path fill="none" stroke="currentColor" stroke-width="2" d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3Z" />
    </svg>
  );
}

/** A circle half dark, half light: the usual sign of contrast. */
export function ContrastIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" class="icon">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2.5" />
      <path fill="currentColor" d="M12 3a9 9 0 0 1 0 18Z" />
    </svg>
  );
}
