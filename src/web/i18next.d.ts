import 'i18next';
import type common from '../../locales/fr/common.json';
import type kiosk from '../../locales/fr/kiosk.json';
import type staff from '../../locales/fr/staff.json';
import type admin from '../../locales/fr/admin.json';
import type fleet from '../../locales/fr/fleet.json';
import type enrol from '../../locales/fr/enrol.json';
import type accounts from '../../locales/fr/accounts.json';
import type agendaAdmin from '../../locales/fr/agendaAdmin.json';
import type settings from '../../locales/fr/settings.json';
import type commands from '../../locales/fr/commands.json';

// Keys are typed from the French files, the source language: a typo is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'kiosk';
    resources: {
      common: typeof common;
      kiosk: typeof kiosk;
      staff: typeof staff;
      // The console's « Administration », one namespace per area.
      admin: typeof admin;
      fleet: typeof fleet;
      enrol: typeof enrol;
      accounts: typeof accounts;
      agendaAdmin: typeof agendaAdmin;
      settings: typeof settings;
      commands: typeof commands;
    };
    returnNull: false;
  }
}
