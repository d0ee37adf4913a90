import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { AlertsBar } from '../components/AlertsBar';
import { CallCard } from '../components/CallCard';
import { DutyPanel } from '../components/DutyPanel';
import { ErrorMessage } from '../components/ErrorMessage';
import { KioskPanel } from '../components/KioskPanel';
import { AgendaPanel } from '../components/AgendaPanel';
import { OutboxPanel } from '../components/OutboxPanel';
import { GuideStatsPanel } from '../components/GuideStatsPanel';
import { TodayCallsPanel } from '../components/TodayCallsPanel';
import type { Chime } from '../sound';
import { useStaff } from '../state/context';

export function ConsoleScreen(props: { chime: Chime }) {
  const t = useT('staff');
  const staff = useStaff();
  // Waiting times move on their own; refresh them every 15 s, on the server's clock.
  const [now, setNow] = useState(() => Date.now() + staff.serverOffsetMs.value);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + staff.serverOffsetMs.value), 15_000);
    return () => clearInterval(timer);
  }, []);
  const calls = staff.openCalls.value;
  const current = Date.now() + staff.serverOffsetMs.value;
  return (
    <main class="console" id="main">
      <div class="console__main">
        <AlertsBar chime={props.chime} />
        <DutyPanel />
        <ErrorMessage />
        <section class="panel" aria-labelledby="calls-title">
          <h2 id="calls-title">{t('calls.title')}</h2>
          {!staff.watching.value ? <p class="muted">{t('calls.onDutyFirst')}</p> : calls.length === 0 ? <p class="muted">{t('calls.empty')}</p> : calls.map((c) => <CallCard key={c.id} call={c} now={Math.max(now, current)} />)}
        </section>
        <TodayCallsPanel />
        <AgendaPanel />
        <OutboxPanel />
        <GuideStatsPanel />
      </div>
      <aside class="console__side">
        <KioskPanel />
      </aside>
    </main>
  );
}
