import { PROFILE_ROLES, ROLE_LABELS, type Profile, type ProfileRole } from '../../../shared/contract/profile';
import { UsageError } from '../args';
import type { CliCommand } from '../command';

const text = (options: Record<string, string | true>, name: string): string | undefined => {
  const value = options[name];
  if (value === true) throw new UsageError(`Flaggan --${name} behöver ett värde.`);
  return value;
};

/** The role as typed: the code, or its Swedish label ("Nämndsekreterare"). */
function roleOption(value: string | undefined): ProfileRole | undefined {
  if (value === undefined) return undefined;
  const code = value.trim().toLocaleLowerCase('sv-SE').replace(/ä/g, 'a');
  const role = PROFILE_ROLES.find((r) => r === code);
  if (!role) throw new UsageError(`Okänd roll "${value}". Välj ${PROFILE_ROLES.join(', ')}.`);
  return role;
}

function describe(profile: Profile | null, actor: string, overridden: boolean): string {
  const recorded = `Ändringar registreras som: ${actor}${overridden ? ' (angivet med --actor)' : profile ? '' : ' (användarkontot)'}`;
  if (!profile) {
    return ['Ingen profil är sparad.', recorded, 'Spara en med: granska profile set --name "Namn" --role granskare [--title "Titel"]'].join('\n');
  }
  return [`Namn: ${profile.name}`, `Titel: ${profile.title || '–'}`, `Roll: ${ROLE_LABELS[profile.role]}`, recorded].join('\n');
}

export const profileCommands: CliCommand[] = [
  {
    words: ['profile', 'show'],
    usage: 'granska profile show [--json]',
    summary: 'Visar vem som arbetar vid granskningsbänken och vem ändringar registreras som.',
    async run(ctx, { options }) {
      const result = await ctx.call('profile.get', {});
      return { json: result, human: describe(result.profile, result.actor, options.actor !== undefined) };
    },
  },
  {
    words: ['profile', 'set'],
    usage: `granska profile set [--name <namn>] [--title <titel>] [--role ${PROFILE_ROLES.join('|')}] [--json]`,
    summary: 'Sparar namn, titel och roll; namnet registreras på varje ändring (om inte --actor anges).',
    options: ['name', 'title', 'role'],
    async run(ctx, { options }) {
      const name = text(options, 'name');
      const title = text(options, 'title');
      const role = roleOption(text(options, 'role'));
      if (name === undefined && title === undefined && role === undefined) throw new UsageError('Ange minst en av --name, --title och --role.');
      // Only what is given changes; a first profile needs a name and a role.
      const { profile: current } = await ctx.call('profile.get', {});
      const nextName = name ?? current?.name;
      const nextRole = role ?? current?.role;
      if (nextName === undefined) throw new UsageError('Ange namnet med --name <namn>.');
      if (nextRole === undefined) throw new UsageError(`Ange rollen med --role ${PROFILE_ROLES.join('|')}.`);
      const result = await ctx.call('profile.save', { name: nextName, title: title ?? current?.title ?? '', role: nextRole });
      return { json: result, human: `Profilen sparades.\n${describe(result.profile, result.actor, options.actor !== undefined)}` };
    },
  },
];
