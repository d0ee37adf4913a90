import { useState } from 'preact/hooks';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { refusalText } from './errors';
import { Modal } from '../Modal';

/** « Retirer la borne », confirmed once in a dialog that says what happens. */
export function RevokeKioskButton(props: { kiosk: { id: string; label: string; siteId: string } }) {
  const t = useT('enrol');
  const { enrol } = useAdmin();
  const [asking, setAsking] = useState(false);
  const { kiosk } = props;
  const error = enrol.kioskError.value;
  const titleId = `enrol-revoke-${kiosk.id}`;
  return (
    <>
      <button type="button" class="button enrol__revoke" disabled={enrol.busy.value} aria-label={t('revoke.label', { kiosk: kiosk.label })} onClick={() => setAsking(true)}>
        {t('revoke.button')}
      </button>
      {!asking && error?.kioskId === kiosk.id && (
        <p class="error" role="alert">
          {refusalText(t, error.refusal)}
        </p>
      )}
      {asking && (
        <Modal class="enrol__dialog" labelledBy={titleId} describedBy={`${titleId}-text`} onClose={() => setAsking(false)}>
          <h3 id={titleId}>{t('revoke.title', { kiosk: kiosk.label })}</h3>
          <p id={`${titleId}-text`}>{t('revoke.text')}</p>
          {error?.kioskId === kiosk.id && (
            <p class="error" role="alert">
              {refusalText(t, error.refusal)}
            </p>
          )}
          <p class="enrol__actions">
            <button type="button" class="button" autofocus onClick={() => setAsking(false)}>
              {t('revoke.cancel')}
            </button>
            <button
              type="button"
              class="button enrol__danger"
              disabled={enrol.busy.value}
              onClick={async () => {
                if (await enrol.revoke(kiosk)) setAsking(false);
              }}
            >
              {t('revoke.confirm')}
            </button>
          </p>
        </Modal>
      )}
    </>
  );
}
