import type { TestProject } from 'vitest/node';
import { prepareTemplate, startPgCluster } from './pg';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** Global setup of the integration-pg project: one PostgreSQL cluster for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  await prepareTemplate(cluster);
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
