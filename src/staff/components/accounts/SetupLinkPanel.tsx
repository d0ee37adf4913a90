import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { formatWhen } from './account-words';

/**
 * The setup link and code, shown once to the admin who made them (the server keeps only a keyed
 * hash): « Copier », and what to tell the person. Closing it forgets them in this browser too.
 */
export function SetupLinkPanel() {
  const t = useT('accounts');
  const { accounts } = useAdmin();
  const shown = accounts.shownSetup.value;
  const [copied, setCopied] = useState<'link' | 'code' | 'failed' | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setCopied(null);
    title.current?.focus();
  }, [shown?.setup.code]);
  if (!shown) return null;
  const { account, setup } = shown;

  async function copy(text: string, what: 'link' | 'code'): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section class="panel accounts__link" aria-labelledby="accounts-link-title">
      <h3 id="accounts-link-title" tabIndex={-1} ref={title}>
        {shown.reason === 'created' ? t('setupLink.titleCreated', { name: account.firstName }) : t('setupLink.titleReset', { name: account.firstName })}
      </h3>
      <p>{t('setupLink.tell', { name: account.firstName, username: account.username, date: formatWhen(setup.expiresAt) })}</p>
      <dl class="accounts__secret">
        <dt>{t('setupLink.link')}</dt>
        <dd>
          <code dir="ltr" data-testid="setup-url">{setup.url}</code>
          <button type="button" class="button" onClick={() => void copy(setup.url, 'link')}>
            {t('setupLink.copy')}
          </button>
        </dd>
        <dt>{t('setupLink.code')}</dt>
        <dd>
          <code dir="ltr" data-testid="setup-code">{setup.code}</code>
          <button type="button" class="button" onClick={() => void copy(setup.code, 'code')}>
            {t('setupLink.copyCode')}
          </button>
        </dd>
      </dl>
      <p role="status" class="accounts__copied">
        {copied === 'failed' ? t('setupLink.copyFailed') : copied ? t('setupLink.copied') : ''}
      </p>
      <p class="muted">{t('setupLink.once')}</p>
      <button type="button" class="button button--primary" onClick={() => accounts.dismissSetup()}>
        {t('setupLink.close')}
      </button>
    </section>
  );
}
