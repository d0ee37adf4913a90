import { useState } from 'preact/hooks';
import type { CommandKind } from '../../../core/fleet/commands';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { Modal } from '../Modal';
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
 * service » or « Remettre en service » as its state asks. One button per row (the fleet shows
 * 500 kiosks) opens a dialog where the action is chosen, then confirmed once; its state then
 * shows live in the row (« envoyée », « reçue », « faite », « expirée »).
 */
export function KioskCommands(props: { kiosk: CommandsKiosk }) {
  const t = useT('commands');
  const { commands } = useAdmin();
  const { kiosk } = props;
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<CommandKind | null>(null);
  if (!commands.mayCommand(kiosk.siteId)) return null;
  const last = commands.latest.value.get(kiosk.id);
  const refused = !open && commands.refusal.value?.target === kiosk.id ? commands.refusal.value.refusal : null;
  const kinds: CommandKind[] = ['reset', 'reload', kiosk.outOfService ? 'back_in_service' : 'out_of_service'];
  const id = `commands-${kiosk.id}`;
  const close = () => {
    commands.clearRefusal();
    setAsking(null);
    setOpen(false);
  };
  return (
    <div class="commands" data-kiosk-commands={kiosk.id}>
      <button type="button" class="button commands__open" aria-haspopup="dialog" aria-label={t('open.label', { kiosk: kiosk.label })} onClick={() => setOpen(true)}>
        {t('open.button')}
      </button>
      <p class={`commands__status${last ? ` commands__status--${last.status}` : ''}`} role="status" data-command-status={last?.status ?? ''}>
        {last ? t('status.line', { action: t(`${last.kind}.button`), status: t(`status.${last.status}`) }) : ''}
      </p>
      {refused && (
        <p class="error" role="alert">
          {refusalText(t, refused)}
        </p>
      )}
      {open && (
        <Modal class="commands__dialog" labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={close}>
          {asking ? (
            <ConfirmCommand kind={asking} kiosk={kiosk} titleId={`${id}-title`} textId={`${id}-text`} onClose={close} />
          ) : (
            <>
              <h3 id={`${id}-title`}>{t('open.title', { kiosk: kiosk.label })}</h3>
              <p id={`${id}-text`}>{t('open.text')}</p>
              {!kiosk.online && <p class="commands__note">{t('offlineNote')}</p>}
              <ul class="commands__choices">
                {kinds.map((kind) => (
                  <li key={kind}>
                    <button type="button" class="button commands__choice" onClick={() => setAsking(kind)}>
                      {t(`${kind}.button`)}
                    </button>
                  </li>
                ))}
              </ul>
              <p class="commands__actions">
                <button type="button" class="button" onClick={close}>
                  {t('close')}
                </button>
              </p>
            </>
          )}
        </Modal>
      )}
    </div>
  );
}
