/** Sentences of `dcr serve` and its API, apart from the logic. */
export const apiMessages = {
  notATable: (name: string) =>
    `"${name.slice(0, 80)}" is not a table name; give [db.][schema.]table, quoting parts with spaces or dots ("Order Items")`,
  noReader: (name: string, elsewhere: readonly string[]) =>
    elsewhere.length
      ? `no contract reads ${name.slice(0, 120)}; contracts list ${elsewhere.slice(0, 10).join(', ')}${elsewhere.length > 10 ? ', …' : ''} (ask for the bare name to see them all)`
      : `no contract reads a table named "${name.slice(0, 120)}"`,
};

/** Sentences about cross-origin reads (`--cors`, `site.cors`). */
export const corsMessages = {
  badOrigin: (origin: string, where: string) => ({
    message: `${where}: "${origin.slice(0, 120)}" is not an origin`,
    hint: 'give scheme, host and port only, as a browser sends it: https://portal.example.com or http://localhost:3000 (no path, no trailing slash); `*` allows every origin',
  }),
  starAlone: (where: string) => ({
    message: `${where}: "*" allows every origin and cannot be combined with named origins`,
    hint: 'give either `*` or a list of origins',
  }),
  refused: (origin: string) =>
    `the origin ${origin.slice(0, 120)} may not read this catalog; start dcr serve with --cors ${origin.slice(0, 120)} (or add it to site.cors in the config)`,
};
