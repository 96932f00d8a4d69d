import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { ProfileForm } from '../screens/settings/ProfileForm';
import { useProfile } from '../state/profile-store';
import { announce } from '../state/status-store';
import { ScreenHeading } from './ScreenHeading';

/**
 * Before anything else the workbench asks who is working, once: the name is recorded on every
 * change. Until the profile is known nothing of the app is shown; if it cannot be read, or the
 * store refuses to save it (a read-only workbench), the app opens anyway rather than locking the
 * user out, and changes are recorded as the computer account as before.
 */
export function FirstStartGate({ children }: { children: ReactNode }) {
  const loadState = useProfile((s) => s.loadState);
  const profile = useProfile((s) => s.profile);
  const [storeProblem, setStoreProblem] = useState<ApiError>();
  const [skipped, setSkipped] = useState(false);

  useEffect(() => {
    if (useProfile.getState().loadState === 'idle') void useProfile.getState().load();
  }, []);

  if (loadState === 'idle' || loadState === 'loading') {
    return (
      <div className="app-body">
        <main id="main" className="app-main" tabIndex={-1}>
          <p>Startar Granskningsbänken…</p>
        </main>
      </div>
    );
  }
  if (loadState === 'error' || profile || skipped) return <>{children}</>;
  return (
    <div className="app-body">
      <main id="main" className="app-main first-start" tabIndex={-1}>
        <ScreenHeading title="Välkommen">Välkommen till Granskningsbänken</ScreenHeading>
        <p className="lead">
          Innan du börjar: vem arbetar här? Ditt namn registreras på allt du gör i granskningarna och visas som &quot;Skapad av&quot;. Uppgifterna
          sparas bara i den här arbetsbänken, och du kan ändra dem senare under Inställningar.
        </p>
        {storeProblem && (
          <div className="alert alert-error" role="alert">
            <p>Profilen kunde inte sparas: {storeProblem.message}</p>
            <button type="button" onClick={() => setSkipped(true)}>
              Fortsätt utan profil
            </button>
          </div>
        )}
        <section className="panel" aria-label="Profil">
          <ProfileForm
            idBase="first-start"
            initial={null}
            submitLabel="Spara och börja"
            onSaved={(saved) => announce(`Välkommen, ${saved.name}.`, 'success')}
            onStoreProblem={setStoreProblem}
          />
        </section>
      </main>
    </div>
  );
}
