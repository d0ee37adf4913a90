import { useT } from '../../../web/i18n-context';

/** Placeholder: this section of « Administration » is being built. */
export function MotifsSection() {
  const t = useT('admin');
  return <p class="muted">{t('common.loading')}</p>;
}
