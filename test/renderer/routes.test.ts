import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from '../../renderer/src/routing/routes';

describe('hash routes', () => {
  it('parses and formats every screen', () => {
    expect(parseHash('#/mallar')).toEqual({ name: 'templates' });
    expect(parseHash('#/mallar/oppenvard-barn-0-12')).toEqual({ name: 'template', id: 'oppenvard-barn-0-12' });
    expect(parseHash('#/mallar/x.y/forhandsvisning')).toEqual({ name: 'preview', id: 'x.y' });
    expect(parseHash('#/installningar')).toEqual({ name: 'settings' });
    expect(hrefFor({ name: 'settings' })).toBe('#/installningar');
    expect(parseHash('#/okand')).toEqual({ name: 'notFound', hash: '#/okand' });
    expect(hrefFor({ name: 'preview', id: 'a b' })).toBe('#/mallar/a%20b/forhandsvisning');
    expect(parseHash(hrefFor({ name: 'template', id: 'a b' }))).toEqual({ name: 'template', id: 'a b' });
  });

  it('opens on Granskningar', () => {
    expect(parseHash('')).toEqual({ name: 'reviews' });
    expect(parseHash('#')).toEqual({ name: 'reviews' });
    expect(parseHash('#/')).toEqual({ name: 'reviews' });
  });
});
