/** Folders whose files never change a real table: tests, fixtures, factories, vendored and built code. */
const IGNORED =
  /(^|\/)(tests?|spec|specs|__tests__|__mocks__|fixtures|__fixtures__|factories|node_modules|vendor|deps|dist|build|target|\.git)\//;

/** Whether the path lies in a test, fixture, vendored or build folder. */
export const isIgnoredPath = (path: string): boolean => IGNORED.test(path);
