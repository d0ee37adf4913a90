/**
 * The accept queue of the listening socket. After a restart, thousands of kiosks reconnect within
 * seconds; Node's default (511) overflowed at 5,000 kiosks and the kernel reset connections
 * (each one then waits a back-off before trying again). Linux caps it at net.core.somaxconn
 * (4096 on current kernels): raise that too on a host with more kiosks.
 */
export const LISTEN_BACKLOG = 4096;
