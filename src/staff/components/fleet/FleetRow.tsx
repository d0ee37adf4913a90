import { memo } from 'preact/compat';
import type { ReadonlySignal } from '@preact/signals';
import type { FleetKiosk } from '../../../core/fleet/fleet-view';
import { LANGUAGES } from '../../../core/i18n/languages';
import { useGuideText, useT } from '../../../web/i18n-context';
import { guidePlace } from '../guide-label';
import { KioskCommands } from '../commands/KioskCommands';
import { NewCodeButton } from '../enrol/NewCodeButton';
import { RevokeKioskButton } from '../enrol/RevokeKioskButton';
import { Ago, Uptime } from './times';

/**
 * One kiosk of « Parc des bornes ». Memoised on the kiosk object: the state replaces only the
 * kiosk that changed, so an event re-renders one row, not 500. The times read the clock signal
 * in their own small components, so the seconds ticking do not re-render the row either.
 * Everything is written out: presence and state never by colour alone.
 */
export const FleetRow = memo(function FleetRow(props: { kiosk: FleetKiosk; clock: ReadonlySignal<number> }) {
  const t = useT('fleet');
  const tc = useT('common');
  const ts = useT('staff');
  const text = useGuideText();
  const k = props.kiosk;
  const where = k.guide ? guidePlace(ts, text, k.guide.id, k.guide.step) : k.screen ? tc(`screen.${k.screen}`) : '—';
  const h = k.health;
  return (
    <tr class={`fleet__row fleet__row--${k.online ? 'online' : 'offline'} fleet__row--${k.state}`} data-kiosk-id={k.id} data-online={String(k.online)} data-state={k.state}>
      <th scope="row" class="fleet__label">
        {k.label}
      </th>
      <td class="fleet__presence">
        <span class="fleet__dot" aria-hidden="true" />
        {t(k.online ? 'presence.online' : 'presence.offline')}
      </td>
      <td class="fleet__state">{t(`state.${k.state}`)}</td>
      <td class="fleet__where">{k.online && k.screen ? where : '—'}</td>
      <td>{k.language ? <span lang={k.language}>{LANGUAGES[k.language].nativeName}</span> : '—'}</td>
      <td>
        <bdi>{h.appVersion ?? t('unknown')}</bdi>
      </td>
      <td>{k.lastSeenAt ? <Ago iso={k.lastSeenAt} clock={props.clock} /> : t('never')}</td>
      <td>{k.online && h.startedAt ? <Uptime iso={h.startedAt} clock={props.clock} /> : '—'}</td>
      <td>{h.camera === null ? t('unknown') : t(h.camera ? 'camera.yes' : 'camera.no')}</td>
      <td class="fleet__error">
        {h.lastError ? (
          <>
            <code>{h.lastError.code}</code> <Ago iso={h.lastError.at} clock={props.clock} />
          </>
        ) : (
          t('noError')
        )}
      </td>
      <td>
        <div class="fleet__actions">
        <KioskCommands kiosk={k} />
        <NewCodeButton kiosk={k} />
        <RevokeKioskButton kiosk={k} />
        </div>
      </td>
    </tr>
  );
});
