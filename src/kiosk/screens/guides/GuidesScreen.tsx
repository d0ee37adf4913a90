import { useMemo, useState } from 'preact/hooks';
import { ORGANISMS, type Organism } from '../../../core/guides/guide';
import { searchGuides, type SearchDocument } from '../../../core/guides/search';
import { useGuideText, useT } from '../../../web/i18n-context';
import { GuideTextView } from '../../components/GuideTextView';
import { OrganismIcon } from '../../components/guide-icons';
import { TextKeyboard } from '../../components/TextKeyboard';
import { useKiosk } from '../../state/context';

/** « Démarches en ligne »: by organism, or by need in plain words, with a forgiving search. */
export function GuidesScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const text = useGuideText();
  const guideState = kiosk.guide;
  const GUIDES = guideState.catalogue;
  const [keyboard, setKeyboard] = useState(false);
  const offered = (kiosk.site.value?.guides ?? []).filter((id) => GUIDES.has(id));
  const organisms = ORGANISMS.filter((o) => offered.some((id) => GUIDES.get(id)!.organism === o));
  const query = guideState.query.value;
  const organism = guideState.organism.value;
  const lang = kiosk.language.value;

  // Search in the usager's language and in French: people mix both ("RSA", "CAF", "impôts").
  const documents = useMemo<SearchDocument[]>(
    () =>
      offered.map((id) => {
        const g = GUIDES.get(id)!;
        const pick = (path: string) => `${text(id, path)?.text ?? ''} ${lang === 'fr' ? '' : (text(id, path, 'fr')?.text ?? '')}`;
        return {
          id,
          main: `${pick('title')} ${pick('need')}`,
          extra: `${pick('keywords')} ${pick('purpose')} ${t(`guides.organism.${g.organism}`)} ${g.organism}`,
        };
      }),
    [offered.join(), lang],
  );
  const searching = query.trim() !== '';
  const shown = searching ? searchGuides(query, documents).map((h) => h.id) : offered.filter((id) => !organism || GUIDES.get(id)!.organism === organism);

  return (
    <section class="screen guides" aria-labelledby="guides-title">
      <h1 id="guides-title" tabIndex={-1}>
        {t('guides.title')}
      </h1>
      {/* It speaks of the tiles: gone while searching, which leaves room for the results. */}
      {!searching && <p class="lead">{t('guides.intro')}</p>}

      <div class="guides__search" role="search">
        <label for="guide-search">{t('guides.searchLabel')}</label>
        <div class="guides__search-row">
          <input id="guide-search" class="big-input big-input--text" type="search" dir="auto" autocomplete="off" spellcheck={false} value={query} onInput={(e) => guideState.search(e.currentTarget.value.slice(0, 80))} />
          <button type="button" class="button" aria-expanded={keyboard} aria-controls="guide-keyboard" onClick={() => setKeyboard(!keyboard)}>
            {t('guides.showKeyboard')}
          </button>
        </div>
        <div id="guide-keyboard">{keyboard && <TextKeyboard value={query} kind="search" onChange={(v) => guideState.search(v)} controls="guide-search" language={lang} />}</div>
      </div>

      {/*
        While a search is typed, its results take the tiles' place, right under the field (and
        under the on-screen keys, which must not move while typing): at 1920×1080 results below
        the tiles were out of sight, and typing seemed to do nothing.
      */}
      {!searching && (
        <section aria-labelledby="organisms-title">
          <h2 id="organisms-title">{t('guides.byOrganism')}</h2>
          <ul class="organisms">
            {organisms.map((o: Organism) => (
              <li key={o}>
                <button type="button" class={`organism organism--${o}`} aria-pressed={organism === o} onClick={() => guideState.chooseOrganism(organism === o ? null : o)}>
                  <OrganismIcon organism={o} />
                  <span class="organism__name">{t(`guides.organism.${o}`)}</span>
                  <span class="organism__hint">{t(`guides.organismHint.${o}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="needs-title">
        <h2 id="needs-title">{searching ? t('guides.resultsFor', { query }) : organism ? t(`guides.organism.${organism}`) : t('guides.byNeed')}</h2>
        {/* Always in the page, so each change is announced: how many démarches the words found, or none. */}
        <p role="status" class={searching && shown.length === 0 ? 'notice' : 'guides__count'}>
          {searching ? (shown.length > 0 ? t('guides.resultCount', { count: shown.length }) : t('guides.noResult')) : ''}
        </p>
        {!searching && shown.length === 0 && <p class="notice">{t('guides.noResult')}</p>}
        {shown.length > 0 && (
          <ul class="needs">
            {shown.map((id) => {
              const g = GUIDES.get(id)!;
              return (
                <li key={id}>
                  <button type="button" class={`need need--${g.organism}`} onClick={() => kiosk.openGuide(id)}>
                    <span class="need__icon">
                      <OrganismIcon organism={g.organism} size={36} />
                    </span>
                    <span class="need__text">
                      <GuideTextView text={text(id, 'need')} class="need__title" />
                      <GuideTextView text={text(id, 'title')} class="need__sub" />
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
