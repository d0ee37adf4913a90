import { useState } from 'preact/hooks';
import type { CommandKind } from '../../../core/fleet/commands';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { ConfirmCommand } from './ConfirmCommand';
import { refusalText } from './refusal';

/** What the component needs of a kiosk (a FleetKiosk has all of it). */
export interface CommandsKiosk {
  id: string;
  label: string;
  siteId: string;
  online: boolean;
  outOfService: boolean;
}

/**
 * The remote actions of one kiosk: « Terminer la session », « Recharger », and « Mettre hors
 * service » or « Remettre en service » as its state asks. Each is confirmed once, then its state
 * shows live (« envoyée », « reçue », « faite », « expirée »).
 */
export function KioskCommands(props: { kiosk: CommandsKiosk }) {
  const t = useT('commands');
  const { commands } = useAdmin();
  const { kiosk } = props;
  const [asking, setAsking] = useState<CommandKind | null>(null);
  if (!commands.mayCommand(kiosk.siteId)) return null;
  const last = commands.latest.value.get(kiosk.id);
  const refused = !asking && commands.refusal.value?.target === kiosk.id ? commands.refusal.value.refusal : null;
  const kinds: CommandKind[] = ['reset', 'reload', kiosk.outOfService ? 'back_in_service' : 'out_of_service'];
  return (
    <div class="commands" data-kiosk-commands={kiosk.id}>
      <div class="commands__buttons">
        {kinds.map((kind) => (
          <button key={kind} type="button" class="button commands__button" aria-label={t(`${kind}.label`, { kiosk: kiosk.label })} disabled={commands.busy.value.has(kiosk.id)} onClick={() => setAsking(kind)}>
            {t(`${kind}.button`)}
          </button>
        ))}
      </div>
      <p class={`commands__status${last ? ` commands__status--${last.status}` : ''}`} role="status" data-command-status={last?.status ?? ''}>
        {last ? t('status.line', { action: t(`${last.kind}.button`), status: t(`status.${last.status}`) }) : ''}
      </p>
      {refused && (
        <p class="error" role="alert">
          {refusalText(t, refused)}
        </p>
      )}
      {asking && <ConfirmCommand kind={asking} kiosk={kiosk} onClose={() => setAsking(null)} />}
    </div>
  );
}
