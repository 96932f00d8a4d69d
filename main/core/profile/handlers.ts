import type { HandlerMap } from '../dispatch';
import { readProfile, writeProfile } from './repository';

export const profileHandlers: HandlerMap = {
  'profile.get': (_input, { db, actor }) => ({ profile: readProfile(db), actor }),

  'profile.save': ({ name, title, role }, ctx) => {
    writeProfile(ctx.db, { name, title, role }, ctx.now().toISOString());
    // From the next change on, the new name is what gets recorded (unless an override is in force).
    ctx.refreshActor();
    return { profile: readProfile(ctx.db), actor: ctx.actor };
  },
};
