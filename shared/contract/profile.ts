import { z } from 'zod';
import { method } from './define';
import { freeText } from './fields';

/**
 * The roles a person at the workbench can have. A role is a declaration made in the local profile,
 * not a login: the workbench records who said they approved, and the trail makes that record
 * tamper-evident, but it cannot prove the person at the keyboard holds the office.
 */
export const PROFILE_ROLES = ['granskare', 'avdelningschef', 'socialdirektor', 'namndsekreterare'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];

/** How each role is written for people (the stored codes carry no diacritics). */
export const ROLE_LABELS: Readonly<Record<ProfileRole, string>> = {
  granskare: 'Granskare',
  avdelningschef: 'Avdelningschef',
  socialdirektor: 'Socialdirektör',
  namndsekreterare: 'Nämndsekreterare',
};

/** A person's name as recorded on every change (the profile's name, or the CLI's --actor). */
export const ActorNameSchema = freeText({ min: 1, max: 120 });

export const ProfileSchema = z.object({ name: z.string(), title: z.string(), role: z.enum(PROFILE_ROLES) });
export type Profile = z.infer<typeof ProfileSchema>;

const ProfileAnswer = z.object({
  /** Null until someone has said who works at this workbench (first start). */
  profile: ProfileSchema.nullable(),
  /** Who changes are recorded as right now: an explicit override (CLI --actor), else the profile's name, else the account. */
  actor: z.string(),
});

export const profileMethods = {
  'profile.get': method({
    summary: 'Visar vem som arbetar vid granskningsbänken och vem ändringar registreras på.',
    input: z.strictObject({}),
    output: ProfileAnswer,
  }),
  'profile.save': method({
    summary: 'Sparar namn, titel och roll för den som arbetar vid granskningsbänken.',
    input: z.strictObject({
      name: ActorNameSchema,
      title: freeText({ max: 120 }).optional().default(''),
      role: z.enum(PROFILE_ROLES),
    }),
    output: ProfileAnswer,
  }),
};
