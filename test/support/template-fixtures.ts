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

/** One area, a yes/no scale (ej_tillampligt outside the denominator) and two scale questions, plus any others: the e2e specs' template. */
export function yesNoTemplate(id: string, name: string, more: Template['questions'] = []): Template {
  return {
    format: 'granskningsmall/1',
    id,
    name,
    version: 1,
    targetGroup: 'barn',
    areas: [{ id: 'trygghet', name: 'Trygghet och säkerhet' }],
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
      ],
    },
    questions: [
      { id: 'Q1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?' },
      { id: 'Q2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en genomförandeplan?' },
      ...more,
    ],
  };
}
