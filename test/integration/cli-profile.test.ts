import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactIdentityNumbers } from '../../shared/identity/redact';
import { granska } from '../support/cli';

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-cli-profile-'));
  db = path.join(dir, 'x.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const account = redactIdentityNumbers(os.userInfo().username);
const createdBy = (id: string, extra: string[] = []) => JSON.parse(granska(['--db', db, ...extra, 'review', 'list', '--json']).stdout).find((r: { id: string }) => r.id === id).createdBy as string;
const create = (title: string, extra: string[] = []) => {
  const run = granska(['--db', db, ...extra, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', title, '--json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { id: string; warnings: string[] };
};

// One workbench through the steps, in order: no profile, a profile, an override.
describe('granska profile … and --actor', () => {
  it('without a profile records the account, and says so in Swedish', () => {
    const show = granska(['--db', db, 'profile', 'show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Ingen profil är sparad.');
    expect(show.stdout).toContain(`Ändringar registreras som: ${account} (användarkontot)`);
    expect(createdBy(create('Utan profil').id)).toBe(account);
  });

  it('sets the profile (the role by code or label), and its name is recorded from then on', () => {
    const set = granska(['--db', db, 'profile', 'set', '--name', 'Karin Lind', '--title', 'Inspektör', '--role', 'Nämndsekreterare']);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('Profilen sparades.\nNamn: Karin Lind\nTitel: Inspektör\nRoll: Nämndsekreterare\nÄndringar registreras som: Karin Lind\n');
    const json = JSON.parse(granska(['--db', db, 'profile', 'show', '--json']).stdout);
    expect(json).toEqual({ profile: { name: 'Karin Lind', title: 'Inspektör', role: 'namndsekreterare' }, actor: 'Karin Lind' });
    expect(createdBy(create('Med profil').id)).toBe('Karin Lind');
    // Only what is given changes.
    granska(['--db', db, 'profile', 'set', '--role', 'granskare']);
    expect(JSON.parse(granska(['--db', db, 'profile', 'show', '--json']).stdout).profile).toEqual({ name: 'Karin Lind', title: 'Inspektör', role: 'granskare' });
  });

  it('--actor overrides the profile for that command only', () => {
    expect(createdBy(create('Batch', ['--actor', 'Nattkörning']).id)).toBe('Nattkörning');
    const show = granska(['--db', db, '--actor', 'Nattkörning', 'profile', 'show']);
    expect(show.stdout).toContain('Ändringar registreras som: Nattkörning (angivet med --actor)');
    expect(JSON.parse(granska(['--db', db, 'profile', 'show', '--json']).stdout).actor).toBe('Karin Lind');
  });

  it('refuses a bad role, an empty --actor or one with a personal identity number (exit 2, Swedish, nothing echoed)', () => {
    const role = granska(['--db', db, 'profile', 'set', '--role', 'chef']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Okänd roll "chef". Välj granskare, avdelningschef, socialdirektor, namndsekreterare.');
    const empty = granska(['--db', db, '--actor=', 'review', 'list']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--actor: Får inte vara tomt.');
    const pnr = granska(['--db', db, '--actor', 'Karin 20170101-2393', 'review', 'list']);
    expect(pnr.code).toBe(2);
    expect(pnr.stderr).not.toContain('2393');
    const first = granska(['--db', path.join(dir, 'tom.db'), 'profile', 'set', '--title', 'Inspektör']);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('Ange namnet med --name <namn>.');
  });

  it('prints duplicate warnings, and creates and deletes the example review', () => {
    const first = granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'Dubblett', '--dnr', 'SOF 2024/543']);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('Observera');
    const second = granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'Dubblett', '--dnr', 'SOF 2024/543']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/\nObservera: Det finns redan en granskning med Dnr SOF 2024\/543 och titeln "Dubblett"/);
    const units = granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'Enheter', '--units', 'Skarpnäck;skarpnäck']);
    expect(units.code).toBe(2);
    expect(units.stderr).toContain('"Skarpnäck" och "skarpnäck"');

    const example = JSON.parse(granska(['--db', db, 'review', 'example', '--json']).stdout) as { id: string };
    expect(createdBy(example.id)).toBe('Karin Lind');
    const deleted = granska(['--db', db, 'review', 'delete', example.id]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/^Granskningen "Exempelgranskning.*" togs bort\.\n$/);
  });
});
