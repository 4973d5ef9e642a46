export * from './municipalities.js';
export * from './identity.js';
export * from './audit.js';
export * from './organizations.js';
