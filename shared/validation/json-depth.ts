/**
 * How deeply JSON a user hands in may nest. A review template needs about five levels; 64 leaves
 * room for anything legitimate while keeping every later step — validation, error messages that
 * quote a value, structured cloning — far from the stack limit that 50,000 levels would reach.
 * Both checks are loops, never recursion, so they are safe on any input.
 */
export const MAX_JSON_DEPTH = 64;

/** True when JSON text nests objects and arrays deeper than `max`; counted without parsing. */
export function jsonTextTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character, \" included
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** The same for a value already parsed or cloned (a request, an IPC message); cycles count as too deep. */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth > max) return true;
    for (const child of Array.isArray(item.value) ? item.value : Object.values(item.value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return false;
}

/** The Swedish explanation, for any face. */
export const TOO_DEEP_MESSAGE = `Innehållet är för djupt nästlat: mer än ${MAX_JSON_DEPTH} nivåer av { } eller [ ] i varandra. Filen är troligen skadad eller inte den fil som avsågs.`;
