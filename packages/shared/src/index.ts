export * from './contract.js';
export * from './routes.js';
export * from './schemas/common.js';
export * from './schemas/problem.js';
export * from './schemas/municipalities.js';
export * from './schemas/identity.js';
export * from './schemas/organizations.js';
export * from './client/client.js';
