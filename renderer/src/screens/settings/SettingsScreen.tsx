import { ROLE_LABELS } from '../../../../shared/contract/profile';
import { ScreenHeading } from '../../frame/ScreenHeading';
import { useProfile } from '../../state/profile-store';
import { announce } from '../../state/status-store';
import { ProfileForm } from './ProfileForm';
import { ReportSettingsForm } from './ReportSettingsForm';

/** "Inställningar": who works at this workbench, and the names its tjänsteutlåtanden are written with. */
export function SettingsScreen() {
  const loadState = useProfile((s) => s.loadState);
  const profile = useProfile((s) => s.profile);
  const actor = useProfile((s) => s.actor);

  return (
    <div className="screen screen-settings">
      <ScreenHeading>Inställningar</ScreenHeading>
      <section className="panel" aria-labelledby="settings-profile-heading">
        <h2 id="settings-profile-heading">Profil</h2>
        <p className="lead">
          Namnet registreras på varje ändring du gör – svar, urval, bortfall och akter som markeras klara – och visas som &quot;Skapad av&quot; på
          granskningar du skapar. Ändringar som redan är gjorda behåller det namn de gjordes under.
        </p>
        {loadState === 'ready' ? (
          <>
            {profile && actor !== profile.name && (
              <p className="hint">
                Just nu registreras ändringar som {actor}, som har angetts när programmet startades.
              </p>
            )}
            <ProfileForm
              idBase="settings-profile"
              initial={profile}
              submitLabel="Spara profilen"
              onSaved={(saved) => announce(`Profilen sparades: ${saved.name}, ${ROLE_LABELS[saved.role].toLowerCase()}.`, 'success')}
            />
          </>
        ) : (
          <p>Hämtar profilen…</p>
        )}
      </section>
      <section className="panel" aria-labelledby="settings-report-heading">
        <h2 id="settings-report-heading">Tjänsteutlåtanden</h2>
        <p className="lead">Nya tjänsteutlåtanden skrivs med de här uppgifterna. Utkast som redan är påbörjade behåller sina.</p>
        <ReportSettingsForm />
      </section>
    </div>
  );
}
