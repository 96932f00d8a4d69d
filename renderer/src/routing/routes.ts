/** Hash routes, so a reload (or the desktop app's file:// page) keeps the screen. */
export type Route =
  | { name: 'templates' }
  | { name: 'template'; id: string }
  | { name: 'preview'; id: string }
  | { name: 'reviews' }
  | { name: 'review'; id: string }
  | { name: 'scoring'; reviewId: string; caseId: string }
  | { name: 'results'; reviewId: string }
  | { name: 'report'; reviewId: string }
  | { name: 'findings'; reviewId: string }
  | { name: 'settings' }
  | { name: 'notFound'; hash: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  // The app opens on Granskningar: the inspector's work, with "Kom igång" on a fresh workbench.
  if (path === '' || path === '/') return { name: 'reviews' };
  if (path === '/mallar') return { name: 'templates' };
  if (path === '/installningar') return { name: 'settings' };
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'mallar' && parts.length === 2) return { name: 'template', id: parts[1] };
  if (parts[0] === 'mallar' && parts.length === 3 && parts[2] === 'forhandsvisning') return { name: 'preview', id: parts[1] };
  if (parts[0] === 'granskningar' && parts.length === 1) return { name: 'reviews' };
  if (parts[0] === 'granskningar' && parts.length === 2) return { name: 'review', id: parts[1] };
  if (parts[0] === 'granskningar' && parts.length === 3 && parts[2] === 'resultat') return { name: 'results', reviewId: parts[1] };
  if (parts[0] === 'granskningar' && parts.length === 3 && parts[2] === 'utlatande') return { name: 'report', reviewId: parts[1] };
  if (parts[0] === 'granskningar' && parts.length === 3 && parts[2] === 'fynd') return { name: 'findings', reviewId: parts[1] };
  if (parts[0] === 'granskningar' && parts.length === 4 && parts[2] === 'akt') return { name: 'scoring', reviewId: parts[1], caseId: parts[3] };
  return { name: 'notFound', hash };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'templates':
      return '#/mallar';
    case 'template':
      return `#/mallar/${encodeURIComponent(route.id)}`;
    case 'preview':
      return `#/mallar/${encodeURIComponent(route.id)}/forhandsvisning`;
    case 'reviews':
      return '#/granskningar';
    case 'review':
      return `#/granskningar/${encodeURIComponent(route.id)}`;
    case 'scoring':
      return `#/granskningar/${encodeURIComponent(route.reviewId)}/akt/${encodeURIComponent(route.caseId)}`;
    case 'results':
      return `#/granskningar/${encodeURIComponent(route.reviewId)}/resultat`;
    case 'report':
      return `#/granskningar/${encodeURIComponent(route.reviewId)}/utlatande`;
    case 'findings':
      return `#/granskningar/${encodeURIComponent(route.reviewId)}/fynd`;
    case 'settings':
      return '#/installningar';
    case 'notFound':
      return route.hash;
  }
}

export function navigate(route: Route): void {
  const href = hrefFor(route);
  if (window.location.hash !== href) window.location.hash = href;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
