/** Browser notifications for new calls, when the médiateur allowed them. No personal data in them. */
export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!notificationsSupported()) return 'unsupported';
  return Notification.requestPermission();
}

export function notify(title: string, tag: string): void {
  if (notificationPermission() !== 'granted') return;
  try {
    // One notification per call: the tag replaces instead of stacking.
    new Notification(title, { tag, icon: '/staff/icon.svg' });
  } catch {
    // Some browsers only allow notifications from a service worker; the chime still rings.
  }
}
