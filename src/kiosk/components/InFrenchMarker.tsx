import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';

/** « en français », in the usager's own language: put inside a French text shown in its place. */
export function InFrenchMarker() {
  const t = useT();
  return (
    <span class="in-french" lang={useKiosk().language.value} dir="auto">
      {t('guide.inFrench')}
    </span>
  );
}
