import { ROLE_LABELS } from '../../../shared/contract/profile';
import { useProfile } from '../state/profile-store';

/** Who is working, in the header: name and role, a link to where they are changed. */
export function ProfileBadge() {
  const profile = useProfile((s) => s.profile);
  if (!profile) return null;
  return (
    <p className="profile-badge">
      <a href="#/installningar" title="Ändra profilen under Inställningar">
        <span className="profile-badge-name">{profile.name}</span>
        <span className="profile-badge-role">{ROLE_LABELS[profile.role]}</span>
      </a>
    </p>
  );
}
