import type { ReadonlySignal } from '@preact/signals';
import { useT } from '../../../web/i18n-context';

/** "il y a 12 s", on the server's clock; re-rendered alone when the clock ticks. */
export function Ago(props: { iso: string; clock: ReadonlySignal<number> }) {
  const t = useT('fleet');
  const seconds = Math.max(0, Math.round((props.clock.value - Date.parse(props.iso)) / 1000));
  return <time dateTime={props.iso}>{t('ago', { duration: duration(t, seconds) })}</time>;
}

/** "depuis 2 h 05": how long the kiosk page has run. */
export function Uptime(props: { iso: string; clock: ReadonlySignal<number> }) {
  const t = useT('fleet');
  const seconds = Math.max(0, Math.round((props.clock.value - Date.parse(props.iso)) / 1000));
  return <time dateTime={props.iso}>{t('since', { duration: duration(t, seconds) })}</time>;
}

function duration(t: ReturnType<typeof useT<'fleet'>>, seconds: number): string {
  if (seconds < 60) return t('duration.s', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration.m', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('duration.hm', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('duration.d', { d: Math.floor(hours / 24) });
}
