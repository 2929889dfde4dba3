/** Where contracts come from: a folder, a git repository, or a published registry.json. */
export type ContractsLocation =
  { kind: 'folder'; path: string } | { kind: 'git'; url: string } | { kind: 'json'; url: string };

/** Tells a git URL (`git@host:o/r.git`, `ssh://`, `git://`, `https://....git`, `file://`) from an https registry.json and a folder. */
export function locationOf(text: string): ContractsLocation {
  if (/^https?:\/\/.*\.json(?:[?#].*)?$/i.test(text)) return { kind: 'json', url: text };
  if (/^(?:ssh|git|file|https?):\/\//i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text))
    return { kind: 'git', url: text };
  return { kind: 'folder', path: text };
}
