import type { EnvironmentConfig } from './index';

/** Development: its own stack beside production's, the console on localhost allowed to call it. */
export const dev: EnvironmentConfig = {
  stackName: 'AccountsDev',
  corsOrigins: 'http://localhost:3000',
};
