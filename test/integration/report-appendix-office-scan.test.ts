import { describe, expect, it } from 'vitest';
import { APPENDIX_SCAN_LIMITS, scanAppendixContent } from '../../main/core/report/appendix-content-scan';
import { sniffAppendix } from '../../main/core/report/appendix-sniff';
import { resolveTarget, sourceOfRelationshipsPart } from '../../main/core/report/office-scan/package-map';
import { attributeEntries } from '../../main/core/report/office-scan/segment-scanner';
import { XmlTokenizer, type XmlAttributes } from '../../main/core/xlsx/xml';
import { CT, docx, NS, para, PNG, xlsx } from '../support/hostile-office';
import { escapeXml, repeatedDeflate, zip, type ZipEntry } from '../support/zip';

/*
 * Issue 16 ("Nothing slips out"): an attached Word document or workbook is read as Word and Excel
 * read it — through [Content_Types].xml and the relationships, so no part name matters — and every
 * part of it is searched, text and attribute values alike. Each case puts a value in one place of
 * an otherwise clean file: with an ordinary value the file passes, with Skatteverket's test number
 * it is refused, naming the place and never the number.
 */

const BOY = '20170101-2393';
const CLEAN = 'Dnr SOF 2024/543';
const W = `xmlns:w="${NS.w}" xmlns:r="${NS.r}"`;
const X = `xmlns="${NS.x}" xmlns:r="${NS.r}"`;
const TC = 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments';
const GUID = '{6F9619FF-8B86-D011-B42D-00C04FC964FF}';

/** Every character percent-encoded, as a link may carry it. */
const percent = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
const half = (v: string) => [v.slice(0, 8), v.slice(8)];

interface Case {
  name: string;
  kind: 'docx' | 'xlsx';
  build: (value: string) => Buffer;
  /** What the refusal says between the parentheses. */
  where: RegExp;
  /** The clean value, where CLEAN does not fit (a number). */
  clean?: string;
  value?: string;
}

const cases: Case[] = [
  // Word
  { name: 'the main part under another name', kind: 'docx', build: (v) => docx({ main: 'word/main.xml', body: para(`Barnet ${v} har utretts.`) }), where: /^i dokumentets text: word\/main\.xml$/ },
  { name: 'the document title', kind: 'docx', build: (v) => docx({ title: v }), where: /^i dokumentets egenskaper \(titel\): docProps\/core\.xml$/ },
  { name: 'another property (company)', kind: 'docx', build: (v) => docx({ company: v }), where: /^i dokumentets egenskaper \(företag\): docProps\/app\.xml$/ },
  {
    name: 'a custom property',
    kind: 'docx',
    build: (v) =>
      docx({
        rootRelated: [
          {
            type: 'custom-properties',
            part: {
              name: 'docProps/custom.xml',
              contentType: CT.custom,
              data: `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="${GUID}" pid="2" name="Ärende"><vt:lpwstr>${escapeXml(v)}</vt:lpwstr></property></Properties>`,
            },
          },
        ],
      }),
    where: /^i dokumentets egenskaper \(anpassad egenskap\): docProps\/custom\.xml$/,
  },
  {
    name: 'a field code, its quoted halves joined',
    kind: 'docx',
    build: (v) =>
      docx({
        body: `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> QUOTE "${escapeXml(half(v)[0])}" "${escapeXml(half(v)[1])}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Se akten</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      }),
    where: /^i en fältkod: word\/document\.xml$/,
  },
  {
    name: 'a simple field’s instruction (attribute)',
    kind: 'docx',
    build: (v) => docx({ body: `<w:p><w:fldSimple w:instr=" HYPERLINK &quot;https://example.se/?id=${escapeXml(v)}&quot; "><w:r><w:t>länken</w:t></w:r></w:fldSimple></w:p>` }),
    where: /^i en fältkod: word\/document\.xml$/,
  },
  { name: 'a picture’s alt text', kind: 'docx', build: (v) => docx({ altText: `Foto på ${v}` }), where: /^i alternativtexten till en bild: word\/document\.xml$/ },
  {
    name: 'a header under a name Word does not care about, without a declared type',
    kind: 'docx',
    build: (v) => docx({ related: [{ type: 'header', target: 'top.xml', part: { name: 'word/top.xml', data: `<w:hdr ${W}>${para(v)}</w:hdr>` } }] }),
    where: /^i ett sidhuvud: word\/top\.xml$/,
  },
  { name: 'a footer', kind: 'docx', build: (v) => docx({ footer: v }), where: /^i en sidfot: word\/footer1\.xml$/ },
  { name: 'a footnote', kind: 'docx', build: (v) => docx({ footnote: `Se ${v}.` }), where: /^i fotnoterna: word\/footnotes\.xml$/ },
  {
    name: 'a text box',
    kind: 'docx',
    build: (v) => docx({ body: `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${para(v)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>` }),
    where: /^i en textruta: word\/document\.xml$/,
  },
  {
    name: 'a link’s target, percent-encoded',
    kind: 'docx',
    build: (v) =>
      docx({
        body: `<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>ärendet</w:t></w:r></w:hyperlink></w:p>`,
        related: [{ id: 'rIdLink', type: 'hyperlink', target: `https://example.se/arende?akt=${percent(v)}`, external: true }],
      }),
    where: /^i en länk: word\/_rels\/document\.xml\.rels$/,
  },
  {
    name: 'the glossary (building blocks)',
    kind: 'docx',
    build: (v) =>
      docx({
        related: [
          {
            type: 'glossaryDocument',
            target: 'glossary/document.xml',
            part: { name: 'word/glossary/document.xml', contentType: CT.glossary, data: `<w:glossaryDocument ${W}><w:docParts><w:docPart><w:docPartBody>${para(v)}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>` },
          },
        ],
      }),
    where: /^i dokumentets byggblock: word\/glossary\/document\.xml$/,
  },
  {
    name: 'a custom XML part',
    kind: 'docx',
    build: (v) => docx({ related: [{ type: 'customXml', target: '../customXml/item1.xml', part: { name: 'customXml/item1.xml', data: `<ärende><akt>${escapeXml(v)}</akt></ärende>` } }] }),
    where: /^i anpassade XML-data: customXml\/item1\.xml$/,
  },
  {
    name: 'a comment',
    kind: 'docx',
    build: (v) =>
      docx({ related: [{ type: 'comments', target: 'comments.xml', part: { name: 'word/comments.xml', contentType: CT.comments, data: `<w:comments ${W}><w:comment w:id="0" w:author="Handläggare">${para(v)}</w:comment></w:comments>` } }] }),
    where: /^i kommentarerna: word\/comments\.xml$/,
  },
  {
    name: 'SmartArt text',
    kind: 'docx',
    build: (v) =>
      docx({
        related: [
          {
            type: 'diagramData',
            target: 'diagrams/data1.xml',
            part: {
              name: 'word/diagrams/data1.xml',
              contentType: CT.diagramData,
              data: `<dgm:dataModel xmlns:dgm="${NS.dgm}" xmlns:a="${NS.a}"><dgm:ptLst><dgm:pt modelId="${GUID}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>${escapeXml(v)}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
            },
          },
        ],
      }),
    where: /^i en SmartArt-grafik: word\/diagrams\/data1\.xml$/,
  },
  {
    name: 'a chart’s cached values',
    kind: 'docx',
    build: (v) =>
      docx({
        related: [
          {
            type: 'chart',
            target: 'charts/chart1.xml',
            part: {
              name: 'word/charts/chart1.xml',
              contentType: CT.chart,
              data: `<c:chartSpace xmlns:c="${NS.c}"><c:chart><c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:f>Blad1!$A$2</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(v)}</c:v></c:pt></c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
            },
          },
        ],
      }),
    where: /^i ett diagram: word\/charts\/chart1\.xml$/,
  },
  {
    name: 'a document variable in the settings',
    kind: 'docx',
    build: (v) =>
      docx({ related: [{ type: 'settings', target: 'settings.xml', part: { name: 'word/settings.xml', contentType: CT.settings, data: `<w:settings ${W}><w:docVars><w:docVar w:name="Akt" w:val="${escapeXml(v)}"/></w:docVars></w:settings>` } }] }),
    where: /^i en dokumentvariabel: word\/settings\.xml$/,
  },
  {
    name: 'deleted text kept by tracked changes',
    kind: 'docx',
    build: (v) => docx({ body: `<w:p><w:del w:id="1" w:author="Handläggare" w:date="2024-03-12T09:30:00Z"><w:r><w:delText>${escapeXml(v)}</w:delText></w:r></w:del><w:r><w:t>Yttrande</w:t></w:r></w:p>` }),
    where: /^i borttagen text \(spårade ändringar\): word\/document\.xml$/,
  },
  {
    name: 'a part nothing points to',
    kind: 'docx',
    build: (v) => docx({ loose: [{ name: 'word/old/document2.xml', data: `<w:document ${W}><w:body>${para(v)}</w:body></w:document>` }] }),
    where: /^i dokumentets text \(en del som dokumentet inte hänvisar till\): word\/old\/document2\.xml$/,
  },
  { name: 'an XML comment', kind: 'docx', build: (v) => docx({ body: `${para('Yttrande')}<!-- ${escapeXml(v)} -->` }), where: /^i dokumentets text, i koden utanför texten: word\/document\.xml$/ },
  {
    name: 'an embedded workbook',
    kind: 'docx',
    build: (v) =>
      docx({ related: [{ type: 'package', target: 'embeddings/Microsoft_Excel_Worksheet.xlsx', part: { name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx', data: xlsx({ strings: ['Enhet', 'Antal', v] }) } }] }),
    where: /^i ett inbäddat objekt, i arbetsbokens texter: word\/embeddings\/Microsoft_Excel_Worksheet\.xlsx → xl\/sharedStrings\.xml$/,
  },
  {
    name: 'imported HTML (altChunk), split by tags',
    kind: 'docx',
    build: (v) =>
      docx({ related: [{ type: 'aFChunk', target: 'afchunk.htm', part: { name: 'word/afchunk.htm', contentType: 'text/html', data: `<html><body><p>Akt ${half(v)[0]}<b>${half(v)[1]}</b><br></p></body></html>` } }] }),
    where: /^i infogat innehåll: word\/afchunk\.htm$/,
  },
  { name: 'a part’s name', kind: 'docx', build: (v) => docx({ loose: [{ name: `word/media/${v}.png`, data: PNG }] }), where: /^i namnet på en del av filen$/, clean: 'bild 2024-03-12' },

  // Excel
  { name: 'a sheet under another name', kind: 'xlsx', build: (v) => xlsx({ sheetPart: 'xl/worksheets/data.xml', cells: `<c r="A3" t="inlineStr"><is><t>Barnet ${escapeXml(v)}</t></is></c>` }), where: /^i ett kalkylblad, cell A3: xl\/worksheets\/data\.xml$/ },
  {
    name: 'a formula joining string literals',
    kind: 'xlsx',
    build: (v) => xlsx({ cells: `<c r="B3" t="str"><f>"${escapeXml(half(v)[0])}"&amp;"${escapeXml(half(v)[1])}"</f><v>Se akten</v></c>` }),
    where: /^i en formel, cell B3: xl\/worksheets\/sheet1\.xml$/,
  },
  {
    name: 'a sheet header, split by a font-size code',
    kind: 'xlsx',
    build: (v) => xlsx({ afterData: `<headerFooter><oddHeader>&amp;L${escapeXml(half(v)[0])}&amp;11${escapeXml(half(v)[1])}&amp;RSida &amp;P</oddHeader></headerFooter>` }),
    where: /^i ett sidhuvud: xl\/worksheets\/sheet1\.xml$/,
  },
  { name: 'a sheet footer', kind: 'xlsx', build: (v) => xlsx({ afterData: `<headerFooter><oddFooter>&amp;C${escapeXml(v)}</oddFooter></headerFooter>` }), where: /^i en sidfot: xl\/worksheets\/sheet1\.xml$/ },
  { name: 'a sheet name', kind: 'xlsx', build: (v) => xlsx({ sheetName: v }), where: /^i ett bladnamn: xl\/workbook\.xml$/ },
  { name: 'a defined name', kind: 'xlsx', build: (v) => xlsx({ workbookExtra: `<definedNames><definedName name="Akt">"${escapeXml(v)}"</definedName></definedNames>` }), where: /^i ett definierat namn: xl\/workbook\.xml$/ },
  {
    name: 'a pivot cache’s shared items',
    kind: 'xlsx',
    build: (v) =>
      xlsx({
        workbookExtra: '<pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches>',
        workbookRelated: [
          {
            type: 'pivotCacheDefinition',
            target: 'pivotCache/pivotCacheDefinition1.xml',
            part: {
              name: 'xl/pivotCache/pivotCacheDefinition1.xml',
              contentType: CT.pivotCacheDefinition,
              data: `<pivotCacheDefinition ${X} recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Statistik"/></cacheSource><cacheFields count="1"><cacheField name="Akt" numFmtId="0"><sharedItems><s v="${escapeXml(v)}"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>`,
            },
          },
        ],
      }),
    where: /^i en pivottabells cache: xl\/pivotCache\/pivotCacheDefinition1\.xml$/,
  },
  {
    name: 'a pivot cache’s records, as a number',
    kind: 'xlsx',
    build: (v) =>
      xlsx({
        workbookRelated: [
          {
            type: 'pivotCacheDefinition',
            target: 'pivotCache/pivotCacheDefinition1.xml',
            part: { name: 'xl/pivotCache/pivotCacheDefinition1.xml', contentType: CT.pivotCacheDefinition, data: `<pivotCacheDefinition ${X} r:id="rId1" recordCount="1"><cacheFields count="1"><cacheField name="Nummer" numFmtId="0"><sharedItems containsNumber="1"/></cacheField></cacheFields></pivotCacheDefinition>` },
          },
        ],
        moreRels: { 'xl/pivotCache/pivotCacheDefinition1.xml': [{ type: 'pivotCacheRecords', target: 'pivotCacheRecords1.xml' }] },
        loose: [{ name: 'xl/pivotCache/pivotCacheRecords1.xml', contentType: CT.pivotCacheRecords, data: `<pivotCacheRecords xmlns="${NS.x}" count="1"><r><n v="${v}"/></r></pivotCacheRecords>` }],
      }),
    value: '201701012393',
    clean: '1234.5',
    where: /^i en pivottabells cache: xl\/pivotCache\/pivotCacheRecords1\.xml$/,
  },
  {
    name: 'a threaded comment',
    kind: 'xlsx',
    build: (v) =>
      xlsx({
        sheetRelated: [
          {
            type: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
            target: '../threadedComments/threadedComment1.xml',
            part: { name: 'xl/threadedComments/threadedComment1.xml', contentType: CT.threadedComments, data: `<ThreadedComments xmlns="${TC}"><threadedComment ref="A2" personId="${GUID}" id="${GUID}"><text>Gäller ${escapeXml(v)}</text></threadedComment></ThreadedComments>` },
          },
        ],
      }),
    where: /^i en trådad kommentar: xl\/threadedComments\/threadedComment1\.xml$/,
  },
  {
    name: 'a person (who commented)',
    kind: 'xlsx',
    build: (v) =>
      xlsx({
        workbookRelated: [
          {
            type: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
            target: 'persons/person.xml',
            part: { name: 'xl/persons/person.xml', contentType: CT.person, data: `<personList xmlns="${TC}"><person displayName="${escapeXml(v)}" id="${GUID}" userId="handlaggare@example.se" providerId="AD"/></personList>` },
          },
        ],
      }),
    where: /^i uppgifterna om personer: xl\/persons\/person\.xml$/,
  },
  {
    name: 'a data validation list',
    kind: 'xlsx',
    build: (v) => xlsx({ afterData: `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2"><formula1>"Norr,${escapeXml(v)},Söder"</formula1></dataValidation></dataValidations>` }),
    where: /^i en dataverifiering: xl\/worksheets\/sheet1\.xml$/,
  },
  {
    name: 'a cell comment, split over runs',
    kind: 'xlsx',
    build: (v) =>
      xlsx({
        sheetRelated: [
          {
            type: 'comments',
            target: '../comments1.xml',
            part: { name: 'xl/comments1.xml', contentType: CT.sheetComments, data: `<comments xmlns="${NS.x}"><authors><author>Handläggare</author></authors><commentList><comment ref="A2" authorId="0"><text><r><t>${escapeXml(half(v)[0])}</t></r><r><t>${escapeXml(half(v)[1])}</t></r></text></comment></commentList></comments>` },
          },
        ],
      }),
    where: /^i kommentarerna, cell A2: xl\/comments1\.xml$/,
  },
  {
    name: 'a table’s column name',
    kind: 'xlsx',
    build: (v) =>
      xlsx({
        sheetRelated: [
          {
            type: 'table',
            target: '../tables/table1.xml',
            part: { name: 'xl/tables/table1.xml', contentType: CT.table, data: `<table xmlns="${NS.x}" id="1" name="Tabell1" displayName="Tabell1" ref="A1:B2"><tableColumns count="2"><tableColumn id="1" name="Enhet"/><tableColumn id="2" name="${escapeXml(v)}"/></tableColumns></table>` },
          },
        ],
      }),
    where: /^i en tabell: xl\/tables\/table1\.xml$/,
  },
  {
    name: 'a sheet link’s target',
    kind: 'xlsx',
    build: (v) => xlsx({ afterData: '<hyperlinks><hyperlink ref="A2" r:id="rId1"/></hyperlinks>', sheetRelated: [{ type: 'hyperlink', target: `https://example.se/?akt=${encodeURIComponent(v)}`, external: true }] }),
    where: /^i en länk: xl\/worksheets\/_rels\/sheet1\.xml\.rels$/,
  },
  {
    name: 'a sheet link’s text',
    kind: 'xlsx',
    build: (v) => xlsx({ afterData: `<hyperlinks><hyperlink ref="A2" location="Statistik!A1" display="${escapeXml(v)}"/></hyperlinks>` }),
    where: /^i en länk, cell A2: xl\/worksheets\/sheet1\.xml$/,
  },
];

const fileName = (c: Case) => `bilaga.${c.kind}`;

async function refusal(content: Uint8Array, kind: 'docx' | 'xlsx', name = `bilaga.${kind}`): Promise<Error> {
  const error = await scanAppendixContent(name, kind, content).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('The file was accepted.');
  return error;
}

describe('an Office file read as Word and Excel read it', () => {
  it('the clean bases are what they say and pass', async () => {
    for (const [kind, file] of [['docx', docx()], ['xlsx', xlsx()]] as const) {
      expect(await sniffAppendix(`bilaga.${kind}`, file)).toBe(kind);
      await expect(scanAppendixContent(`bilaga.${kind}`, kind, file)).resolves.toBeUndefined();
    }
  });

  it('has at least 16 distinct places among its cases', () => {
    expect(new Set(cases.map((c) => c.where.source.replace(/:.*$/, ''))).size).toBeGreaterThanOrEqual(16);
  });

  it.each(cases)('passes with an ordinary value in $name', async (c) => {
    const file = c.build(c.clean ?? CLEAN);
    expect(await sniffAppendix(fileName(c), file)).toBe(c.kind);
    await expect(scanAppendixContent(fileName(c), c.kind, file)).resolves.toBeUndefined();
  });

  it.each(cases)('refuses a personnummer in $name, naming the place', async (c) => {
    const value = c.value ?? BOY;
    const file = c.build(value);
    expect(await sniffAppendix(fileName(c), file)).toBe(c.kind);
    const error = await refusal(file, c.kind);
    const match = /^Bilagan innehåller något som ser ut som ett personnummer \((.*)\)\. Ta bort det i filen och bifoga den på nytt\. /.exec(error.message);
    expect(match, error.message).not.toBeNull();
    expect(match![1]).toMatch(c.where);
    expect(error.message).not.toMatch(/2393|20170101|%32%30/);
  });
});

describe('limits and damage, whatever the part is called', () => {
  const tooMuch = /^Filen "bilaga\.docx" packas upp till mer än 20 MB text och kan inte kontrolleras för personnummer;/;

  it('refuses a part of more start tags than the limit, under a name nothing points to', async () => {
    const times = Math.ceil(APPENDIX_SCAN_LIMITS.elements / 1000) + 1;
    const bomb = joinZips(docx(), zip([{ name: 'word/y.bin', data: '', deflated: repeatedDeflate('<a/>'.repeat(1000), times, '<r>', '</r>') }]));
    expect((await refusal(bomb, 'docx')).message).toMatch(tooMuch);
  });

  it('refuses a zip bomb in a part with an unusual name', async () => {
    const times = Math.ceil((APPENDIX_SCAN_LIMITS.textBytes + 1) / 1000) + 10;
    const bomb = joinZips(docx(), zip([{ name: 'word/media/big.dat', data: '', deflated: repeatedDeflate('a'.repeat(1000), times) }]));
    expect((await refusal(bomb, 'docx')).message).toMatch(tooMuch);
  });

  it('refuses a workbook in a workbook in the document rather than open package after package', async () => {
    const inner = xlsx({ loose: [{ name: 'xl/embeddings/more.xlsx', data: xlsx() }] });
    const file = docx({ related: [{ type: 'package', target: 'embeddings/a.xlsx', part: { name: 'word/embeddings/a.xlsx', data: inner } }] });
    expect((await refusal(file, 'docx')).message).toMatch(/^Filen "bilaga\.docx" innehåller ett inbäddat objekt som i sin tur innehåller inbäddade filer/);
  });

  it('refuses a damaged part as unreadable, also one nothing points to', async () => {
    const file = docx({ loose: [{ name: 'word/leftover.xml', data: '<w:document><w:body><w:p>' }] });
    expect((await refusal(file, 'docx')).message).toBe('Filen "bilaga.docx" kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer (den kan vara skadad). Spara den på nytt och bifoga den igen.');
    const broken = docx({ related: [{ type: 'package', target: 'embeddings/a.xlsx', part: { name: 'word/embeddings/a.xlsx', data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]) } }] });
    expect((await refusal(broken, 'docx')).message).toMatch(/kunde inte läsas igenom/);
  });

  it('skips pictures by their content, and reads text whatever its name', async () => {
    await expect(scanAppendixContent('a.docx', 'docx', docx({ loose: [{ name: 'word/media/notes.png', data: PNG }] }))).resolves.toBeUndefined();
    expect((await refusal(docx({ loose: [{ name: 'word/media/image9.png', data: `Anteckning: ${BOY}` }] }), 'docx')).message).toMatch(/\(i en del av filen \(en del som dokumentet inte hänvisar till\): word\/media\/image9\.png\)/);
  });
});

describe('the package reader’s pieces', () => {
  it('resolves relationship targets as OPC does', () => {
    expect(resolveTarget('word/document.xml', 'header1.xml')).toBe('word/header1.xml');
    expect(resolveTarget('word/document.xml', '../customXml/item1.xml')).toBe('customxml/item1.xml');
    expect(resolveTarget('word/document.xml', '/word/Main.xml')).toBe('word/main.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing%201.xml')).toBe('xl/drawings/drawing 1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('word/document.xml', '../../x.xml')).toBeUndefined();
    expect(sourceOfRelationshipsPart('_rels/.rels')).toBe('');
    expect(sourceOfRelationshipsPart('word/_rels/main.xml.rels')).toBe('word/main.xml');
    expect(sourceOfRelationshipsPart('word/document.xml')).toBeUndefined();
  });

  it('reads every attribute of a start tag', () => {
    const seen: [string, string][][] = [];
    const tokenizer = new XmlTokenizer({ wantsText: false, open: (_n: string, a: XmlAttributes) => seen.push(attributeEntries(a)), close: () => {}, text: () => {} });
    tokenizer.write('<x:a xmlns:x="urn:x" x:one="1" two="&amp;2"><b/></x:a>');
    tokenizer.end();
    expect(seen).toEqual([[['one', '1'], ['two', '&2']], []]);
  });
});

/** The entries of two zips in one (the test zip writer builds whole files only). */
function joinZips(a: Buffer, b: Buffer): Buffer {
  return zip([...unzipRaw(a), ...unzipRaw(b)]);
}

/** Entries of a zip built by the test writer, their data kept compressed. */
function unzipRaw(file: Buffer): ZipEntry[] {
  const end = file.length - 22;
  const count = file.readUInt16LE(end + 10);
  let p = file.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = file.readUInt16LE(p + 10);
    const size = file.readUInt32LE(p + 20);
    const nameLength = file.readUInt16LE(p + 28);
    const local = file.readUInt32LE(p + 42);
    const name = file.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + size);
    out.push(method === 0 ? { name, data: Buffer.from(data), stored: true } : { name, data: '', deflated: Buffer.from(data) });
    p += 46 + nameLength;
  }
  return out;
}
