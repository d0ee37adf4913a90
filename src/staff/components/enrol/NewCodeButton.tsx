import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { EnrolCode } from './EnrolCode';
import { refusalText } from './errors';
import { Modal } from '../Modal';

/** « Nouveau code d'enregistrement » for a kiosk whose PC is replaced: the code opens in a dialog. */
export function NewCodeButton(props: { kiosk: { id: string; label: string; siteId: string } }) {
  const t = useT('enrol');
  const { enrol } = useAdmin();
  const { kiosk } = props;
  const shown = enrol.shown.value;
  const error = enrol.kioskError.value;
  const titleId = `enrol-new-${kiosk.id}`;
  return (
    <>
      <button type="button" class="button enrol__newCode" disabled={enrol.busy.value} aria-label={t('newCode.label', { kiosk: kiosk.label })} onClick={() => void enrol.newCode(kiosk)}>
        {t('newCode.button')}
      </button>
      {error?.kioskId === kiosk.id && (
        <p class="error" role="alert">
          {refusalText(t, error.refusal)}
        </p>
      )}
      {shown?.reason === 'newCode' && shown.view.kiosk.id === kiosk.id && (
        <Modal class="enrol__dialog" labelledBy={titleId} onClose={() => enrol.dismiss()}>
          <EnrolCode shown={shown} titleId={titleId} />
          <p class="enrol__actions">
            <button type="button" class="button button--primary" autofocus onClick={() => enrol.dismiss()}>
              {t('code.done')}
            </button>
          </p>
        </Modal>
      )}
    </>
  );
}
