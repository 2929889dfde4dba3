/**
 * `DCR_TRACE=1` prints where a run spends its time to stderr: milliseconds since the process
 * started, and the CPU milliseconds dcr's own process has used (git's work is not in them).
 * The answer to "why is my hook slow?"; costs one property read when off.
 */
const on = process.env.DCR_TRACE === '1';

export function trace(label: string): void {
  if (!on) return;
  const cpu = process.cpuUsage();
  const ms = (n: number) => n.toFixed(0).padStart(5);
  process.stderr.write(
    `dcr trace: ${ms(performance.now())} ms ${ms((cpu.user + cpu.system) / 1000)} ms cpu  ${label}\n`,
  );
}
