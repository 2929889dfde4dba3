export { fileSlug } from './search/engine.js';
