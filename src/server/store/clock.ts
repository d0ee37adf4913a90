/** Every "now" on the server comes from here, so tests can fix time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
