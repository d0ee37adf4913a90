import { startBarHub } from './background/bar-hub';
import { startKioskRelay } from './background/kiosk-relay';
import { keepOneTab } from './background/one-tab';
import { reachOpenTabs } from './background/open-tabs';

/**
 * Borne's companion extension, background worker. Listeners are registered at the top level, as
 * Manifest V3 requires, so a worker woken by an event finds them at once.
 */
startKioskRelay();
startBarHub();
keepOneTab();
reachOpenTabs();
