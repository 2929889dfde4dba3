// A small accessibility check run in the page (no dependency): landmarks, names of controls and
// links, one h1 and no skipped heading levels, unique ids, a language, and the WCAG contrast of
// every piece of visible text against the background it is drawn on.
import type { Page } from 'playwright-core';

/** The problems found on the page as it is now, one readable line each. */
export function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
    };
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;

    if (!document.documentElement.lang) problems.push('the page has no lang');
    if (!document.title.trim()) problems.push('the page has no title');
    // Landmarks: one main, a banner and a contentinfo at the top level, navigation named.
    if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>');
    if (!document.querySelector('body > header')) problems.push('no banner landmark (body > header)');
    if (!document.querySelector('body > footer')) problems.push('no contentinfo landmark (body > footer)');
    for (const nav of Array.from(document.querySelectorAll('nav')))
      if (!nav.getAttribute('aria-label') && !nav.getAttribute('aria-labelledby'))
        problems.push('a <nav> without a name');

    const nameOf = (el: Element): string => {
      const label = el.getAttribute('aria-label');
      if (label?.trim()) return label;
      const by = el.getAttribute('aria-labelledby');
      if (by)
        return by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      if (el.id) {
        const forIt = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
        if (forIt?.textContent?.trim()) return forIt.textContent;
      }
      const wrapping = el.closest('label');
      if (wrapping?.textContent?.trim()) return wrapping.textContent;
      if (el instanceof HTMLInputElement) return '';
      return (
        (el.textContent ?? '') +
        Array.from(el.querySelectorAll('img[alt]'))
          .map((i) => i.getAttribute('alt'))
          .join('')
      );
    };
    for (const el of Array.from(
      document.querySelectorAll('input, select, textarea, button, a[href], summary'),
    ))
      if (!nameOf(el).trim()) problems.push(`no accessible name: ${describe(el)}`);
    for (const img of Array.from(document.querySelectorAll('img')))
      if (!img.hasAttribute('alt')) problems.push(`img without alt: ${describe(img)}`);

    const ids = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" used ${n} times`);

    const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    if (headings.filter((h) => h.tagName === 'H1').length !== 1) problems.push('not exactly one h1');
    let level = 0;
    for (const h of headings) {
      const l = Number(h.tagName[1]);
      if (l > level + 1) problems.push(`heading level skipped: h${level} then ${describe(h)}`);
      level = l;
    }

    // Contrast (WCAG 2): 4.5:1, or 3:1 for large text, for every text node drawn on screen.
    const rgba = (text: string) => {
      const m = text.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a] = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r!, g!, b!, a ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3]! > 0) layers.push(c);
        if (c[3] === 1) break;
      }
      let out = [255, 255, 255];
      const html = rgba(getComputedStyle(document.documentElement).backgroundColor);
      if (html[3] === 1) out = html.slice(0, 3);
      for (const [r, g, b, a] of layers.reverse())
        out = [r! * a! + out[0]! * (1 - a!), g! * a! + out[1]! * (1 - a!), b! * a! + out[2]! * (1 - a!)];
      return out;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim() || !visible(el)) continue;
      if (el.closest('.visually-hidden, noscript, script, style')) continue;
      seen.add(el);
      const s = getComputedStyle(el);
      const fg = rgba(s.color);
      const bg = background(el);
      const mixed = [0, 1, 2].map((i) => fg[i]! * fg[3]! + bg[i]! * (1 - fg[3]!));
      const [hi, lo] = [luminance(mixed), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        problems.push(
          `contrast ${ratio.toFixed(2)}:1 for ${describe(el)} (${s.color} on rgb(${bg.map(Math.round).join(', ')}))`,
        );
    }
    return problems;
  });
}
