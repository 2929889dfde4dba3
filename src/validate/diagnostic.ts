// Diagnostics are produced from parsing up; they live with the parser, below validate and registry.
export * from '../parse/diagnostic.js';
