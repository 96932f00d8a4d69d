/**
 * What to call a place in an Office file, in Swedish, for the refusal of an attachment. A part is
 * named by what it IS to Word and Excel: the type of the relationship that points to it, else its
 * declared content type, else its root element; never by its name inside the zip, which a writer
 * may choose freely ("word/main.xml" is as good a main part as "word/document.xml"). Within a part
 * the element or attribute narrows it down (a field code, a picture's alt text, a formula).
 */

/** What a part is, in one vocabulary shared by relationship types, content types and root elements. */
export type PartKind = keyof typeof PART_PHRASES;

const PART_PHRASES = {
  document: 'i dokumentets text',
  workbook: 'i arbetsboken',
  worksheet: 'i ett kalkylblad',
  chartsheet: 'i ett diagramblad',
  header: 'i ett sidhuvud',
  footer: 'i en sidfot',
  footnotes: 'i fotnoterna',
  endnotes: 'i slutnoterna',
  comments: 'i kommentarerna',
  commentsExtended: 'i kommentarernas uppgifter',
  person: 'i uppgifterna om personer',
  sharedStrings: 'i arbetsbokens texter',
  threadedComment: 'i en trådad kommentar',
  pivotCache: 'i en pivottabells cache',
  pivotTable: 'i en pivottabell',
  table: 'i en tabell',
  queryTable: 'i en frågetabell',
  connections: 'i arbetsbokens dataanslutningar',
  externalLink: 'i en länk till en annan arbetsbok',
  chart: 'i ett diagram',
  drawing: 'i en ritning',
  smartArt: 'i en SmartArt-grafik',
  customXml: 'i anpassade XML-data',
  glossary: 'i dokumentets byggblock',
  coreProperties: 'i dokumentets egenskaper',
  appProperties: 'i dokumentets egenskaper',
  customProperties: 'i dokumentets anpassade egenskaper',
  settings: 'i dokumentets inställningar',
  webSettings: 'i dokumentets webbinställningar',
  styles: 'i formatmallarna',
  numbering: 'i numreringen',
  fontTable: 'i teckensnittslistan',
  theme: 'i temat',
  calcChain: 'i beräkningskedjan',
  embedding: 'i ett inbäddat objekt',
  importedContent: 'i infogat innehåll',
  relationships: 'i hänvisningarna mellan filens delar',
  contentTypes: 'i listan över filens delar',
} as const;

/** Last segment of a relationship type, or the distinctive token of a content type, lower case. */
const KIND_OF_TOKEN: Readonly<Record<string, PartKind>> = {
  header: 'header',
  footer: 'footer',
  footnotes: 'footnotes',
  endnotes: 'endnotes',
  comments: 'comments',
  commentsextended: 'commentsExtended',
  commentsids: 'commentsExtended',
  commentsextensible: 'commentsExtended',
  people: 'person',
  person: 'person',
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  dialogsheet: 'worksheet',
  sharedstrings: 'sharedStrings',
  threadedcomment: 'threadedComment',
  threadedcomments: 'threadedComment',
  pivotcachedefinition: 'pivotCache',
  pivotcacherecords: 'pivotCache',
  pivottable: 'pivotTable',
  table: 'table',
  querytable: 'queryTable',
  connections: 'connections',
  externallink: 'externalLink',
  chart: 'chart',
  chartusershapes: 'chart',
  chartex: 'chart',
  drawing: 'drawing',
  vmldrawing: 'drawing',
  diagramdata: 'smartArt',
  diagramlayout: 'smartArt',
  diagramstyle: 'smartArt',
  diagramquickstyle: 'smartArt',
  diagramcolors: 'smartArt',
  diagramdrawing: 'smartArt',
  customxml: 'customXml',
  customxmlprops: 'customXml',
  customxmlproperties: 'customXml',
  glossarydocument: 'glossary',
  'core-properties': 'coreProperties',
  'extended-properties': 'appProperties',
  'custom-properties': 'customProperties',
  settings: 'settings',
  websettings: 'webSettings',
  styles: 'styles',
  styleswitheffects: 'styles',
  numbering: 'numbering',
  fonttable: 'fontTable',
  theme: 'theme',
  calcchain: 'calcChain',
  oleobject: 'embedding',
  afchunk: 'importedContent',
  package: 'embedding',
  relationships: 'relationships',
};

/** The kind a relationship type gives its target ("…/relationships/header" → header). */
export function kindOfRelationship(type: string, mainKind: PartKind | undefined): PartKind | undefined {
  const token = type.slice(type.lastIndexOf('/') + 1).toLowerCase();
  if (token === 'officedocument') return mainKind;
  return KIND_OF_TOKEN[token];
}

/** The kind a content type gives a part ("application/vnd…wordprocessingml.header+xml" → header). */
export function kindOfContentType(contentType: string): PartKind | undefined {
  const type = contentType.trim().toLowerCase().replace(/\s*;.*$/, '');
  if (type.endsWith('.main+xml')) {
    if (type.includes('wordprocessingml') || type.includes('ms-word')) return 'document';
    if (type.includes('spreadsheetml') || type.includes('ms-excel')) return 'workbook';
    return undefined;
  }
  const subtype = type.slice(type.indexOf('/') + 1).replace(/\+xml$/, '');
  return KIND_OF_TOKEN[subtype.slice(subtype.lastIndexOf('.') + 1)];
}

/** The kind a part's root element gives it, when neither relationship nor content type says. */
const KIND_OF_ROOT: Readonly<Record<string, PartKind>> = {
  document: 'document',
  workbook: 'workbook',
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  hdr: 'header',
  ftr: 'footer',
  footnotes: 'footnotes',
  endnotes: 'endnotes',
  comments: 'comments',
  sst: 'sharedStrings',
  threadedcomments: 'threadedComment',
  personlist: 'person',
  pivotcachedefinition: 'pivotCache',
  pivotcacherecords: 'pivotCache',
  pivottabledefinition: 'pivotTable',
  table: 'table',
  chartspace: 'chart',
  wsdr: 'drawing',
  datamodel: 'smartArt',
  glossarydocument: 'glossary',
  coreproperties: 'coreProperties',
  properties: 'appProperties',
  settings: 'settings',
  relationships: 'relationships',
  types: 'contentTypes',
};

export function kindOfRootElement(name: string): PartKind | undefined {
  return KIND_OF_ROOT[name.toLowerCase()];
}

/** Where inside a part: set by an element for its text and descendants, or by one attribute. */
export type ContextKey =
  | 'fieldCode'
  | 'altText'
  | 'tableAltText'
  | 'formula'
  | 'sheetHeader'
  | 'sheetFooter'
  | 'sheetName'
  | 'definedName'
  | 'dataValidation'
  | 'link'
  | 'textBox'
  | 'deletedText'
  | 'contentControl'
  | 'documentVariable'
  | 'property'
  | 'customProperty'
  | 'markup';

export interface Context {
  key: ContextKey;
  /** For `property`: the element ("title"). */
  detail?: string;
}

const CONTEXT_PHRASES: Readonly<Record<Exclude<ContextKey, 'property' | 'markup'>, string>> = {
  fieldCode: 'i en fältkod',
  altText: 'i alternativtexten till en bild',
  tableAltText: 'i alternativtexten till en tabell',
  formula: 'i en formel',
  sheetHeader: 'i ett sidhuvud',
  sheetFooter: 'i en sidfot',
  sheetName: 'i ett bladnamn',
  definedName: 'i ett definierat namn',
  dataValidation: 'i en dataverifiering',
  link: 'i en länk',
  textBox: 'i en textruta',
  deletedText: 'i borttagen text (spårade ändringar)',
  contentControl: 'i en innehållskontroll',
  documentVariable: 'i en dokumentvariabel',
  customProperty: 'i dokumentets egenskaper (anpassad egenskap)',
};

/** Labels of the document properties people fill in (core.xml, app.xml). */
const PROPERTY_LABELS: Readonly<Record<string, string>> = {
  title: 'titel',
  subject: 'ämne',
  creator: 'författare',
  keywords: 'nyckelord',
  description: 'beskrivning',
  lastmodifiedby: 'senast ändrad av',
  category: 'kategori',
  contentstatus: 'status',
  identifier: 'identifierare',
  language: 'språk',
  version: 'version',
  revision: 'revision',
  company: 'företag',
  manager: 'chef',
  hyperlinkbase: 'länkbas',
  titlesofparts: 'delarnas namn',
  headingpairs: 'delarnas rubriker',
  template: 'mall',
  application: 'program',
};

/** The whole place, e.g. "i dokumentets egenskaper (titel)" or "i en formel". */
export function placeText(kind: PartKind | undefined, context: Context | undefined): string {
  const part: string = kind ? PART_PHRASES[kind] : 'i en del av filen';
  if (!context) return part;
  if (context.key === 'markup') return `${part}, i koden utanför texten`;
  if (context.key === 'property') {
    const label = context.detail ? PROPERTY_LABELS[context.detail.toLowerCase()] : undefined;
    return label ? `${part} (${label})` : part;
  }
  return CONTEXT_PHRASES[context.key];
}

/** Parts whose top-level elements are properties, each named by its element. */
export const isPropertiesKind = (kind: PartKind | undefined): boolean => kind === 'coreProperties' || kind === 'appProperties';
