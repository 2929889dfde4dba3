const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;

/** The sentences about remote registries, shared by the loader and the change guard's report. */
export const registryMessages = {
  unreachable: (where: string, why: string): string =>
    `the contracts at ${where} could not be read (${why}); nothing was checked`,
  notRead: (where: string, why: string): string => `the contracts at ${where} could not be read (${why})`,
  stale: (where: string, age: string): string =>
    `using the cached contracts from ${where}, ${age} old (offline)`,
  /** Hint of an unavailable registry. */
  unavailableHint:
    'check the URL and your access to it; without `--strict` dcr warns and lets the change through',
  noAnswer: (ms: number): string => `no answer within ${ms} ms; \`check.timeoutSeconds\` sets the deadline`,
  tooBig: (limit: number): string => `larger than ${size(limit)}, the limit for a registry`,
  downgrade: (to: string): string => `refused a redirect from https to ${to}`,
  tooManyRedirects: (n: number): string => `more than ${n} redirects`,
  httpStatus: (status: number): string => `HTTP ${status}`,
  notJson: (type: string): string =>
    `the answer is not JSON (${type || 'no content type'}; a login page or a wrong URL answers like this)`,
  noCommits: 'the repository has no commits (a login page or a wrong URL answers like this)',
  noFolder: (folder: string): string => `the repository has no folder "${folder}"`,
  folderOutside: (folder: string): string => `the contracts folder "#${folder}" leaves the repository`,
  folderHint: 'name a folder inside the contracts repository, as in `URL#contracts`',
  httpsOnly: (url: string): string => `the registry URL must use https: ${url}`,
  httpsOnlyHint: 'publish registry.json over https (the catalog site does)',
  damagedCache: (file: string): string => `the cache of the contracts at ${file} is damaged; it is removed`,
  damagedCacheHint: 'run the command again: dcr rebuilds the cache from the contracts',
  unguardedFile:
    'not a valid contract, so its tables are not guarded; `dcr validate` says why (a file that is not meant to be a contract goes under `ignore:` in dcr.config.yaml)',
  unguardedMore: (n: number): string =>
    `${n} more contract files are not valid contracts, so their tables are not guarded; \`dcr validate\` lists them`,
  unguardedIn: (where: string, file: string): string =>
    `${file} in ${where} is not a valid contract, so its tables are not guarded; its owners can run \`dcr validate\` there`,
};
