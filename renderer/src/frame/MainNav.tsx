import type { Route } from '../routing/routes';

interface NavItem {
  label: string;
  href: string;
  /** Screens that belong to this item, for aria-current. */
  owns(route: Route): boolean;
}

/** The sections of the workbench, the inspector's work first. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Granskningar', href: '#/granskningar', owns: (r) => r.name === 'reviews' || r.name === 'review' || r.name === 'scoring' || r.name === 'results' || r.name === 'report' || r.name === 'findings' },
  { label: 'Mallar', href: '#/mallar', owns: (r) => r.name === 'templates' || r.name === 'template' || r.name === 'preview' },
  { label: 'Inställningar', href: '#/installningar', owns: (r) => r.name === 'settings' },
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
