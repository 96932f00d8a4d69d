import type { Area, ScaleStep, Template } from './schema';
import { TEMPLATE_FORMAT } from './schema';

/** The default answer scale (DOMAIN.md §2). "Ej tillämpligt" is left out of the denominator. */
export const STANDARD_SCALE: ScaleStep[] = [
  { id: 'ja', label: 'Ja' },
  { id: 'delvis', label: 'Delvis' },
  { id: 'nej', label: 'Nej' },
  { id: 'framgar_ej', label: 'Framgår ej' },
  { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
];

/** The six quality areas of Socialstyrelsen and SKR (2010), in the memo's background order. */
export const SIX_QUALITY_AREAS: Area[] = [
  { id: 'trygghet', name: 'Trygghet och säkerhet', description: 'Insatser utförs enligt gällande regler, är förutsägbara och transparenta, och risker för skada förebyggs.' },
  { id: 'sjalvbestammande', name: 'Självbestämmande och integritet', description: 'Den enskilde är delaktig, har inflytande och gör egna val; integriteten respekteras.' },
  { id: 'tillganglighet', name: 'Tillgänglighet', description: 'Verksamheten är lätt att nå, ger hjälp inom rimlig tid och information som går att förstå.' },
  { id: 'helhetssyn', name: 'Helhetssyn och samordning', description: 'Hela livssituationen beaktas; insatserna samordnas, ansvaret är tydligt och det finns kontinuitet.' },
  { id: 'kunskapsbaserad', name: 'Kunskapsbaserad verksamhet', description: 'Verksamheten bygger på vetenskap och beprövad erfarenhet och på den enskildes erfarenheter.' },
  { id: 'effektivitet', name: 'Effektivitet', description: 'Resurserna används på rätt saker, på rätt sätt och vid rätt tidpunkt.' },
];

/** An empty template on the six areas, used when an inspector starts from scratch. */
export function blankTemplate(id: string, name: string): Template {
  return {
    format: TEMPLATE_FORMAT,
    id,
    name,
    version: 1,
    targetGroup: 'barn',
    areas: SIX_QUALITY_AREAS.map((a) => ({ ...a })),
    scales: { standard: STANDARD_SCALE.map((s) => ({ ...s })) },
    questions: [],
  };
}
