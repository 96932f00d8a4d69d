import { kindOfContentType, kindOfRelationship, type PartKind } from './places';

/**
 * The structure of an Office package as Word and Excel read it (Open Packaging Conventions): a
 * part's content type comes from [Content_Types].xml (an Override for its name, else the Default
 * for its extension), and what the part IS comes from the relationship that points to it, found
 * by following the relationships from `_rels/.rels` to the main part and on through each part's
 * own `_rels/<part>.rels`. Part names are case-insensitive; they are kept here in lower case.
 */

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export class PackageMap {
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();
  /** Relationships by source part ('' for the package itself). */
  private readonly relationships = new Map<string, Relationship[]>();
  /** Parts reached from the package's relationships, with the type of the first relationship found. */
  private readonly reached = new Map<string, PartKind | undefined>();
  private resolved = false;

  /** From [Content_Types].xml. */
  addDefault(extension: string, contentType: string): void {
    this.defaults.set(extension.toLowerCase(), contentType);
    this.resolved = false;
  }

  addOverride(partName: string, contentType: string): void {
    const name = normalizePartName(partName);
    if (name !== undefined) this.overrides.set(name, contentType);
    this.resolved = false;
  }

  /** From a relationships part (`word/_rels/document.xml.rels`). */
  addRelationship(relsPart: string, relationship: Relationship): void {
    const source = sourceOfRelationshipsPart(relsPart);
    if (source === undefined) return;
    const list = this.relationships.get(source) ?? [];
    list.push(relationship);
    this.relationships.set(source, list);
    this.resolved = false;
  }

  contentType(part: string): string | undefined {
    const name = part.toLowerCase();
    const override = this.overrides.get(name);
    if (override !== undefined) return override;
    const dot = name.lastIndexOf('.');
    return dot > name.lastIndexOf('/') ? this.defaults.get(name.slice(dot + 1)) : undefined;
  }

  /** Whether the package has relationships at all (a bare zip has none, and nothing is "unreached"). */
  get hasRelationships(): boolean {
    return this.relationships.has('');
  }

  /** Whether a part is reachable from the package's relationships. */
  isReached(part: string): boolean {
    this.resolve();
    return this.reached.has(part.toLowerCase());
  }

  /** What a part is: by the relationship pointing to it, else by its content type. */
  kindOf(part: string): PartKind | undefined {
    this.resolve();
    const name = part.toLowerCase();
    const contentType = this.contentType(name);
    const byType = contentType === undefined ? undefined : kindOfContentType(contentType);
    return this.reached.get(name) ?? byType;
  }

  /** Follows the relationships from the package root, each part once (so bounded by the number of parts). */
  private resolve(): void {
    if (this.resolved) return;
    this.resolved = true;
    this.reached.clear();
    const queue = [''];
    const seen = new Set<string>(queue);
    while (queue.length > 0) {
      const source = queue.shift()!;
      for (const relationship of this.relationships.get(source) ?? []) {
        if (relationship.external) continue;
        const target = resolveTarget(source, relationship.target);
        if (target === undefined || seen.has(target)) continue;
        seen.add(target);
        const contentType = this.contentType(target);
        const main = contentType === undefined ? undefined : kindOfContentType(contentType);
        this.reached.set(target, kindOfRelationship(relationship.type, main === 'document' || main === 'workbook' ? main : undefined) ?? main);
        queue.push(target);
      }
    }
  }
}

/** "/word/document.xml" → "word/document.xml", in lower case; undefined for a name outside the package. */
export function normalizePartName(name: string): string | undefined {
  return resolveTarget('', name.startsWith('/') ? name : `/${name}`);
}

/** `word/_rels/document.xml.rels` → `word/document.xml`; `_rels/.rels` → '' (the package). */
export function sourceOfRelationshipsPart(relsPart: string): string | undefined {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  if (!match) return undefined;
  return `${match[1]}${match[2]}`.toLowerCase();
}

export const isRelationshipsPart = (name: string): boolean => sourceOfRelationshipsPart(name) !== undefined;

/**
 * A relationship's target as a part name, resolved against the source part's folder as OPC does:
 * "/x" from the root, "../x" one folder up, percent-escapes decoded. Undefined when it leaves the
 * package.
 */
export function resolveTarget(source: string, target: string): string | undefined {
  let path = target.replace(/\\/g, '/').replace(/[#?].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept as written: a malformed escape names no part.
  }
  const base = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const out = [...base];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.length === 0 ? undefined : out.join('/').toLowerCase();
}
