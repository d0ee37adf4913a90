import { useEffect } from 'preact/hooks';
import { FLEET_FILTERS } from '../../../core/fleet/fleet-view';
import { useT } from '../../../web/i18n-context';
import { FleetAlerts } from '../../components/commands/FleetAlerts';
import { EnrolPanel } from '../../components/enrol/EnrolPanel';
import { FleetRow } from '../../components/fleet/FleetRow';
import { useAdmin } from '../../state/admin-context';
import type { FleetGroup } from '../../state/fleet-state';

/**
 * « Parc des bornes »: every kiosk of the admin's pôles, grouped by pôle, filterable by state,
 * live. The stream opens when the section is shown and closes when it is left (the effect only
 * says so to the state, which does the fetching).
 */
export function FleetSection() {
  const t = useT('fleet');
  const { fleet } = useAdmin();
  useEffect(() => {
    fleet.open();
    return () => fleet.close();
  }, [fleet]);
  const counts = fleet.counts.value;
  return (
    <div class="fleet">
      <FleetAlerts />
      <EnrolPanel />
      <p class="fleet__connection" role="status">
        {fleet.refused.value ? t('refused') : t(`connection.${fleet.connection.value}`)}
      </p>
      <div class="fleet__filters" role="group" aria-label={t('filter.label')}>
        {FLEET_FILTERS.map((f) => (
          <button key={f} type="button" class="button fleet__filter" aria-pressed={fleet.filter.value === f ? 'true' : 'false'} onClick={() => fleet.setFilter(f)}>
            {t(`filter.${f}`, { n: counts[f] })}
          </button>
        ))}
      </div>
      {!fleet.loaded.value && !fleet.refused.value && <p class="muted">{t('loading')}</p>}
      {fleet.groups.value.map((g) => (
        <FleetSiteGroup key={g.site.id} group={g} />
      ))}
    </div>
  );
}

function FleetSiteGroup(props: { group: FleetGroup }) {
  const t = useT('fleet');
  const { fleet } = useAdmin();
  const { site, kiosks, total, online } = props.group;
  const open = !fleet.collapsed.value.has(site.id);
  const bodyId = `fleet-site-${site.id}`;
  return (
    <section class="panel fleet__site" aria-labelledby={`${bodyId}-title`}>
      <h3 id={`${bodyId}-title`} class="fleet__siteTitle">
        <button type="button" class="fleet__toggle" aria-expanded={open ? 'true' : 'false'} aria-controls={bodyId} onClick={() => fleet.toggle(site.id)}>
          <span class="fleet__chevron" aria-hidden="true" />
          {site.name}
          <span class="fleet__siteCount">{t('site.count', { total, online })}</span>
        </button>
      </h3>
      <div id={bodyId} hidden={!open}>
        {open &&
          (kiosks.length === 0 ? (
            <p class="muted">{t(total === 0 ? 'site.none' : 'site.noneHere')}</p>
          ) : (
            <div class="fleet__scroll">
              <table class="fleet__table" aria-labelledby={`${bodyId}-title`}>
                <thead>
                  <tr>
                    {(['kiosk', 'presence', 'state', 'where', 'language', 'version', 'lastBeat', 'uptime', 'camera', 'lastError', 'actions'] as const).map((c) => (
                      <th key={c} scope="col">
                        {t(`column.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {kiosks.map((k) => (
                    <FleetRow key={k.id} kiosk={k} clock={fleet.clock} />
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </div>
    </section>
  );
}
