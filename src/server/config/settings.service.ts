import { readFileSync } from 'node:fs';
import { hostOf, type GuideTexts } from '../../core/guides/guide';
import { changedFields, mergeSettings, notEditable, settingsOf, type GuideChoice, type SettingsSaved, type SettingsView } from '../../core/site/settings';
import type { SiteConfig } from '../../core/site/site-config';
import { recordStaffAction } from '../audit/staff-audit';
import type { AppContext } from '../context';
import { ApiError, apiError, versionConflict } from '../errors';
import { validateSite } from './site-loader';
import { translationStatus } from './translation-status';

/** The guides' French titles, read once: the admin chooses guides by what usagers will read. */
let frenchTitles: Record<string, GuideTexts> | undefined;
function titleOf(id: string): string {
  frenchTitles ??= (() => {
    try {
      return JSON.parse(readFileSync(new URL('../../../locales/fr/guides.json', import.meta.url), 'utf8')) as Record<string, GuideTexts>;
    } catch {
      return {};
    }
  })();
  return frenchTitles[id]?.title ?? id;
}

/**
 * The command, run on each kiosk PC, that regenerates a pôle's Chromium policy once its allowed
 * hosts changed. It reads kiosk-config/: the console says to export the live configuration first.
 */
export function policyCommand(siteId: string, serverUrl: string): string {
  return `npm run kiosk -- policy --site ${siteId} --server ${serverUrl} --install`;
}

/**
 * « Réglages du pôle »: reads and saves the editable part of one pôle's configuration. A save is
 * checked by merging it into the current configuration and running the config files' own schema,
 * so the console and the files refuse the same mistakes with the same words.
 */
export class SettingsService {
  constructor(private readonly ctx: AppContext) {}

  private guideChoices(): GuideChoice[] {
    return [...this.ctx.guides.keys()].sort().map((id) => ({ id, title: titleOf(id) }));
  }

  view(siteId: string): SettingsView {
    const current = this.ctx.config.get(siteId);
    if (!current) throw apiError('site_unknown');
    return { settings: settingsOf(current.site), version: current.version, updatedAt: current.updatedAt, updatedBy: current.updatedBy, guides: this.guideChoices(), languages: translationStatus() };
  }

  /** Field-by-field problems of a merged site beyond its schema: guides that exist, hosts they need. */
  private guideProblems(site: SiteConfig): { path: string; message: string }[] {
    const problems: { path: string; message: string }[] = [];
    site.guides.forEach((id, i) => {
      const guide = this.ctx.guides.get(id);
      if (!guide) {
        problems.push({ path: `guides.${i}`, message: `there is no guide "${id}": choose one of the guides listed, or remove it` });
        return;
      }
      const host = hostOf(guide.startUrl);
      if (!site.allowedHosts.includes(host)) problems.push({ path: 'allowedHosts', message: `the guide "${titleOf(id)}" offered here opens ${host}: add it to the allowed sites, or stop offering this guide` });
    });
    return problems;
  }

  async save(siteId: string, input: Record<string, unknown>, version: number, staffId: string, meta: { address: string | null; serverUrl: string }): Promise<SettingsSaved> {
    const current = this.ctx.config.get(siteId);
    if (!current) throw apiError('site_unknown');
    const refused = notEditable(input).map((k) => ({ path: k, message: `"${k}" is not a setting of « Réglages du pôle »: remove it (kiosks are managed in « Parc des bornes », the id and browser rules by IT in kiosk-config)` }));
    if (refused.length) throw apiError('validation', refused);
    const checked = validateSite(mergeSettings(current.site, input));
    if (!checked.site) throw apiError('validation', checked.problems.map((p) => ({ path: p.field, message: p.message, ...(p.issue ? { issue: p.issue } : {}) })));
    const guideProblems = this.guideProblems(checked.site);
    if (guideProblems.length) throw apiError('validation', guideProblems);

    let newVersion: number;
    try {
      newVersion = await this.ctx.config.save(checked.site, version, staffId);
    } catch (error) {
      // The other person's save, as settings (not the whole stored record): the form shows those.
      if (error instanceof ApiError && error.code === 'version_conflict' && error.current) {
        throw versionConflict(settingsOf(error.current as SiteConfig), Number(error.details?.version ?? 0));
      }
      throw error;
    }
    const changes = changedFields(settingsOf(current.site), settingsOf(checked.site));
    if (Object.keys(changes.before).length || Object.keys(changes.after).length) {
      await recordStaffAction(this.ctx.db, { staffId, action: 'settings_change', siteId, target: siteId, before: changes.before, after: changes.after, address: meta.address, at: this.ctx.clock() });
    }
    const hostsChanged = JSON.stringify(current.site.allowedHosts) !== JSON.stringify(checked.site.allowedHosts);
    return { ...this.view(siteId), version: newVersion, policyCommand: hostsChanged ? policyCommand(siteId, meta.serverUrl) : null };
  }
}
