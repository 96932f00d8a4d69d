import { ProfileBadge } from './ProfileBadge';
import { StatusRegion } from './StatusRegion';

/** Product name, the live status line and who is working. */
export function AppHeader() {
  return (
    <header className="app-header">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // A plain "#main" would change the hash route.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Hoppa till innehållet
      </a>
      <p className="brand">Granskningsbänken</p>
      <StatusRegion />
      <ProfileBadge />
    </header>
  );
}
