import type { BringKind, Organism } from '../../core/guides/guide';

/**
 * Borne's own pictograms for the organisms and the things to bring: simple shapes a person
 * recognises, never the organisms' logos. Decorative: the text beside each says it all.
 */
const ORGANISM_PATHS: Record<Organism, preact.JSX.Element> = {
  // A house with two people: family benefits and housing.
  caf: (
    <>
      <path d="M6 22 24 8l18 14" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" stroke-linecap="round" />
      <path d="M11 20v20h26V20" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
      <circle cx="19" cy="27" r="3" fill="currentColor" />
      <circle cx="29" cy="28" r="2.5" fill="currentColor" />
      <path d="M14 40c0-5 2.5-8 5-8s5 3 5 8Zm11 0c0-4 2-6.5 4-6.5s4 2.5 4 6.5Z" fill="currentColor" />
    </>
  ),
  // A form with a euro sign: taxes.
  impots: (
    <>
      <path d="M12 6h18l8 8v28H12Z" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
      <path d="M30 6v8h8" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
      <path d="M30 23a7 7 0 1 0 0 12M18 27h10M18 31h10" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </>
  ),
  // A briefcase: work.
  'france-travail': (
    <>
      <rect x="6" y="15" width="36" height="25" rx="4" fill="none" stroke="currentColor" stroke-width="3" />
      <path d="M18 15v-4a3 3 0 0 1 3-3h6a3 3 0 0 1 3 3v4M6 26h36" fill="none" stroke="currentColor" stroke-width="3" />
      <rect x="21" y="23" width="6" height="6" rx="1" fill="currentColor" />
    </>
  ),
  // A key in a circle: one account for every site.
  franceconnect: (
    <>
      <circle cx="24" cy="24" r="18" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="18" cy="24" r="5" fill="none" stroke="currentColor" stroke-width="3" />
      <path d="M23 24h13M31 24v5M35 24v4" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    </>
  ),
  // An envelope with an @.
  email: (
    <>
      <rect x="5" y="11" width="38" height="26" rx="3" fill="none" stroke="currentColor" stroke-width="3" />
      <path d="m6 13 18 14 18-14" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
    </>
  ),
};

export function OrganismIcon(props: { organism: Organism; size?: number }) {
  const size = props.size ?? 48;
  return (
    <svg aria-hidden="true" viewBox="0 0 48 48" width={size} height={size} class="icon">
      {ORGANISM_PATHS[props.organism]}
    </svg>
  );
}

const BRING_PATHS: Record<BringKind, preact.JSX.Element> = {
  identifier: (
    <>
      <rect x="4" y="10" width="40" height="28" rx="4" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="16" cy="22" r="4" fill="currentColor" />
      <path d="M10 32c1-4 3.5-5.5 6-5.5s5 1.5 6 5.5M27 19h11M27 25h11M27 31h7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </>
  ),
  password: (
    <>
      <rect x="9" y="21" width="30" height="21" rx="4" fill="none" stroke="currentColor" stroke-width="3" />
      <path d="M16 21v-6a8 8 0 0 1 16 0v6" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="24" cy="31" r="3" fill="currentColor" />
    </>
  ),
  document: (
    <>
      <path d="M11 5h19l8 8v30H11Z" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
      <path d="M17 20h15M17 27h15M17 34h10" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </>
  ),
  email: (
    <>
      <rect x="5" y="11" width="38" height="26" rx="3" fill="none" stroke="currentColor" stroke-width="3" />
      <path d="m6 13 18 14 18-14" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
    </>
  ),
  phone: (
    <>
      <rect x="14" y="4" width="20" height="40" rx="4" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="24" cy="37" r="2" fill="currentColor" />
      <path d="M20 9h8" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </>
  ),
};

export function BringIcon(props: { kind: BringKind }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 48 48" width="40" height="40" class="icon">
      {BRING_PATHS[props.kind]}
    </svg>
  );
}
