import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * Where the console is: the calls (« Appels », the default) or a section of « Administration ».
 * Kept in the address's hash (#/admin/fleet) so a bookmark or a reload opens the same place,
 * and so a médiateur who types an admin address gets the refusal screen, not a blank page.
 */
export const ADMIN_SECTIONS = ['fleet', 'accounts', 'referents', 'motifs', 'settings'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];
/** 'setup': a new staff member's one-time link (#/setup/<code>), opened without being signed in. */
export type ConsoleRoute = { area: 'calls' } | { area: 'admin'; section: AdminSection } | { area: 'setup'; code: string };

export function parseRoute(hash: string): ConsoleRoute {
  const setup = /^#\/setup(?:\/([A-Za-z0-9-]{0,64}))?\/?$/.exec(hash);
  if (setup) return { area: 'setup', code: setup[1] ?? '' };
  const match = /^#\/admin(?:\/([a-z]+))?\/?$/.exec(hash);
  if (!match) return { area: 'calls' };
  const section = (ADMIN_SECTIONS as readonly string[]).includes(match[1] ?? '') ? (match[1] as AdminSection) : 'fleet';
  return { area: 'admin', section };
}

export function routeHash(route: ConsoleRoute): string {
  if (route.area === 'setup') return `#/setup/${route.code}`;
  return route.area === 'calls' ? '#/' : `#/admin/${route.section}`;
}

export interface RouteState {
  route: ReadonlySignal<ConsoleRoute>;
  go(route: ConsoleRoute): void;
}

/** Follows the page's hash; `go` changes it (a history entry each, so « Précédent » works). */
export function createRoute(win: Pick<Window, 'location' | 'addEventListener'> = window): RouteState {
  const route = signal(parseRoute(win.location.hash));
  win.addEventListener('hashchange', () => (route.value = parseRoute(win.location.hash)));
  return {
    route,
    go(next) {
      const hash = routeHash(next);
      if (win.location.hash !== hash) win.location.hash = hash;
      route.value = next;
    },
  };
}
