import type { FleetEvent, FleetSnapshot } from '../core/fleet/fleet-view';
import { apiRequest } from '../web/api-client';
import { startEventStream, type EventStream, type StreamState } from '../web/event-stream';

/** « Parc des bornes »: one answer, and one stream over all the admin's pôles. */
export const fleetApi = {
  fleet: () => apiRequest<FleetSnapshot>('/api/staff/fleet'),
  stream: (onEvent: (event: FleetEvent) => void, onState: (s: StreamState) => void, onRefused: (status: number) => void): EventStream =>
    startEventStream({ url: '/api/staff/fleet/stream', onEvent: (_type, data) => onEvent(data as FleetEvent), onState, onRefused }),
};

export type FleetApi = typeof fleetApi;
