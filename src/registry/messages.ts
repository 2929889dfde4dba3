/** The sentences about remote registries, shared by the loader and the change guard's report. */
export const registryMessages = {
  unreachable: (where: string, why: string): string =>
    `the contracts at ${where} could not be read (${why}); nothing was checked`,
  stale: (where: string, age: string): string =>
    `using the cached contracts from ${where}, ${age} old (offline)`,
};
