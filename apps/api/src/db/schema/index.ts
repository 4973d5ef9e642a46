export * from './municipalities.js';
