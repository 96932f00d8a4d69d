import type { Template } from '../../shared/templates/schema';
import { SIX_QUALITY_AREAS, STANDARD_SCALE } from '../../shared/templates/defaults';

/** A small valid template with every question type. */
export function miniTemplate(overrides: Partial<Template> = {}): Template {
  return {
    format: 'granskningsmall/1',
    id: 'mini',
    name: 'Minimall',
    version: 1,
    targetGroup: 'barn',
    areas: SIX_QUALITY_AREAS.map((a) => ({ ...a })),
    scales: { standard: STANDARD_SCALE.map((s) => ({ ...s })) },
    questions: [
      {
        id: 'T1',
        area: 'trygghet',
        type: 'scale',
        scale: 'standard',
        text: 'Finns ett beslut som insatsen vilar på?',
        guidance: 'Ja om beslutet finns i akten.',
        required: true,
        legal: [{ act: 'SoL (2001:453)', chapter: 11, section: '5', validTo: '2025-06-30' }],
      },
      { id: 'H1', area: 'helhetssyn', type: 'choice', multiple: false, text: 'Vem gjorde anmälan?', options: [{ id: 'polis', label: 'Polis/åklagare' }, { id: 'skola', label: 'Skola' }] },
      { id: 'A1', area: 'tillganglighet', type: 'date', text: 'Beslutsdatum' },
      { id: 'E1', area: 'effektivitet', type: 'number', text: 'Beslutade träffar per månad', integer: true, min: 0 },
      { id: 'K1', area: 'kunskapsbaserad', type: 'text', text: 'Vilken metod används?' },
    ],
    ...overrides,
  };
}
