/** Files read as ODCS documents rather than dcr contracts (`*.odcs.yaml`). */
export const isOdcsFile = (file: string): boolean => /\.odcs\.ya?ml$/i.test(file);
