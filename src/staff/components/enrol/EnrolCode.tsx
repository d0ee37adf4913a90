import { useState } from 'preact/hooks';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import type { ShownCode } from '../../state/enrol-state';
import { EnrolQr } from './EnrolQr';

function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The one-time code, large, and as a QR code of the kiosk address; its countdown; the launcher
 * command to copy. Codes, addresses and commands stay left-to-right in an Arabic console.
 */
export function EnrolCode(props: { shown: ShownCode; titleId: string; /** h4 inside « Ajouter une borne », h3 as a dialog's title. */ level?: 3 | 4 }) {
  const t = useT('enrol');
  const { enrol } = useAdmin();
  const [copied, setCopied] = useState(false);
  const { view } = props.shown;
  const Heading = props.level === 4 ? 'h4' : 'h3';
  const left = enrol.secondsLeft.value;
  const command = `npm run kiosk -- enrol --server ${new URL(view.enrolUrl).origin} --code ${view.code}`;
  const copy = () => {
    void navigator.clipboard?.writeText(command).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div class="enrol__code">
      <Heading id={props.titleId}>{t('code.title', { kiosk: view.kiosk.label })}</Heading>
      <div class="enrol__codeMain">
        <div>
          <p class="enrol__codeLabel" id={`${props.titleId}-code`}>
            {t('code.code')}
          </p>
          <p class="enrol__codeText" dir="ltr" aria-labelledby={`${props.titleId}-code`} data-enrol-code>
            {view.code}
          </p>
          {left > 0 ? (
            <p class="enrol__expiry" role="timer" aria-live="off">
              {t('code.expiresIn', { time: clockText(left) })}
            </p>
          ) : (
            <p class="enrol__expiry enrol__expiry--over" role="status">
              {t('code.expired')}
            </p>
          )}
          <p class="muted">{t('code.once')}</p>
        </div>
        <EnrolQr text={view.enrolUrl} label={t('code.qr', { kiosk: view.kiosk.label })} />
      </div>
      <p>{t('code.howBrowser')}</p>
      <p>
        <span class="enrol__mono" dir="ltr">
          {view.enrolUrl}
        </span>
      </p>
      <p>{t('code.howCli')}</p>
      <p class="enrol__command">
        <code class="enrol__mono" dir="ltr">
          {command}
        </code>
        <button type="button" class="button" onClick={copy}>
          {t('code.copy')}
        </button>
      </p>
      <p role="status" class="muted">
        {copied ? t('code.copied') : ''}
      </p>
    </div>
  );
}
