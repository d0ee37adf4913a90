import 'i18next';
import type common from '../../locales/fr/common.json';
import type kiosk from '../../locales/fr/kiosk.json';
import type staff from '../../locales/fr/staff.json';

// Keys are typed from the French files, the source language: a typo is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'kiosk';
    resources: { common: typeof common; kiosk: typeof kiosk; staff: typeof staff };
    returnNull: false;
  }
}
