import type { Route } from '../routing/routes';

interface NavItem {
  label: string;
  href: string;
  /** Screens that belong to this item, for aria-current. */
  owns(route: Route): boolean;
}

/** The sections of the workbench. Later features (Granskningar …) add an item here. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Mallar', href: '#/mallar', owns: (r) => r.name === 'templates' || r.name === 'template' || r.name === 'preview' },
  { label: 'Granskningar', href: '#/granskningar', owns: (r) => r.name === 'reviews' || r.name === 'review' || r.name === 'scoring' },
];

export function MainNav({ route }: { route: Route }) {
  return (
    <nav className="app-nav" aria-label="Huvudmeny">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={item.owns(route) ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
