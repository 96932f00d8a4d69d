/**
 * Ordinary Swedish text full of numbers that are not personal numbers: the identity-number
 * detector must find nothing in any of it (test/unit/identity-pii-guard.false-positives.test.ts).
 * Written strings from memos and case notes, plus numbers drawn with a fixed seed in the formats
 * Swedish authorities use, so the set is the same on every run. The overlaps the detector refuses
 * on purpose (shared/identity/pii-guard.ts) are listed apart, in KNOWN_OVERLAPS.
 */

/** A small seeded generator (mulberry32), so the drawn numbers are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(16);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

/** Area codes of two, three and four digits (Stockholm, Göteborg, Malmö, mobile, Skellefteå, Ystad, Mariestad …). */
const AREA_3 = ['031', '040', '013', '016', '018', '019', '021', '023', '026', '035', '036', '042', '044', '046', '054', '060', '063', '090', '070', '072', '073', '076', '079'];
const AREA_4 = ['0910', '0911', '0411', '0410', '0501', '0303', '0304', '0611', '0612', '0480', '0120', '0171', '0220', '0290', '0381', '0510', '0520', '0640', '0980'];

const phones: string[] = [
  'Ring handläggaren på 08-508 252 62.',
  'Växeln: 08-508 000 00, fax 08-508 252 99.',
  'Socialjouren nås på 08-508 40 000 dygnet runt.',
  'Tel. 08-50825262',
  'Tel 08 - 508 252 62',
  'Telefon: +46 8 508 252 62',
  'Telefon: +46 (0)8-508 252 62',
  'Mobil 070-123 45 67',
  'Mobil: 070 123 45 67',
  'Mobil 070-1234567',
  'mobil +46 70 123 45 67',
  'mobil +46701234567',
  'mobil 0046 70 123 45 67',
  'Nås på 0910-73 50 00 (Skellefteå kommun).',
  'Ystad: 0411-57 70 00',
  'Mariestad 0501-75 50 00',
  'Kontaktcenter 0771-25 25 25',
  'Vårdguiden 1177, polisen 114 14, SOS 112.',
  'Telefontid 08-508 252 62 mån–fre 09.00–11.00.',
  'Ring 020-91 91 91 (kostnadsfritt).',
  'Bris 116 111',
  'Swish 123 456 78 90',
  'Swish 1231181189',
  ...times(25, () => `08-${digits(3)} ${digits(3)} ${digits(2)}`),
  ...times(20, () => `08-${digits(8)}`),
  ...times(20, () => `${AREA_3[int(0, AREA_3.length - 1)]}-${digits(3)} ${digits(2)} ${digits(2)}`),
  ...times(15, () => `${AREA_3[int(0, AREA_3.length - 1)]}-${digits(7)}`),
  ...times(15, () => `${AREA_3[int(0, AREA_3.length - 1)]} ${digits(3)} ${digits(2)} ${digits(2)}`),
  ...times(20, () => `${AREA_4[int(0, AREA_4.length - 1)]}-${digits(2)} ${digits(2)} ${digits(2)}`),
  ...times(15, () => `${AREA_4[int(0, AREA_4.length - 1)]} ${digits(2)} ${digits(2)} ${digits(2)}`),
  ...times(15, () => `${AREA_4[int(0, AREA_4.length - 1)]}-${digits(6)}`),
  ...times(10, () => `${AREA_4[int(0, AREA_4.length - 1)]} ${digits(6)}`),
  ...times(10, () => `07${int(0, 9)}${int(0, 9)}-${digits(2)} ${digits(2)} ${digits(2)}`),
  ...times(10, () => `07${int(0, 9)}${int(0, 9)}-${digits(6)}`),
  ...times(10, () => `(${AREA_4[int(0, AREA_4.length - 1)]}) ${digits(6)}`),
  ...times(10, () => `+46 ${int(10, 99)} ${digits(3)} ${digits(2)} ${digits(2)}`),
  ...times(10, () => `+46 8 ${digits(3)} ${digits(3)} ${digits(2)}`),
];

const dnr: string[] = [
  'Dnr SOF 2024/543',
  'Dnr 3.1.1-232/2018',
  'Dnr SOF 2023/625-1-4',
  'Dnr SOF-2024-00123',
  'Dnr KS 2024/00123',
  'Dnr SN 2023/1234-3.1',
  'Dnr 1.2.3-2024/12345',
  'Dnr IFO 2024-123-45',
  'Dnr SN/2024:123',
  'Dnr 2024-01234',
  'Er referens: SOCN 2022/1456, vår referens BUN 2023/87.',
  'Mål nr T 1234-23 vid Stockholms tingsrätt',
  'Mål nr 12345-24, avdelning 3',
  'Beslut 2024-03-12, dnr 3.1.1-2321/2018.',
  'IVO dnr 8.5.1-12345/2023',
  ...times(20, () => `SOF ${int(2015, 2026)}/${int(1, 99999)}`),
  ...times(10, () => `${int(1, 9)}.${int(1, 9)}.${int(1, 9)}-${int(1, 9999)}/${int(2015, 2026)}`),
  ...times(10, () => `SN ${int(2015, 2026)}/${int(1, 9999)}-${int(1, 9)}-${int(1, 9)}`),
];

const ymd = () => ({ y: int(1995, 2030), m: pad(int(1, 12)), d: pad(int(1, 28)) });
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

const dates: string[] = [
  'Beslut 2024-03-12, uppföljning 2025-01-21.',
  'Den 12/3 2024, 12.03.2024 och 12/03/2024.',
  'Anmälan inkom 240312 och utredningen inleddes 20240314.',
  'Perioden 2024-01-01–2024-06-30.',
  'Perioden 2024-01-01 - 2024-06-30 och 20240101-20240630.',
  'Granskningsperiod 12.03.2024 – 30.06.2024',
  'Mellan 240312–240630 och 240701-241231.',
  'Besök 2024-03-12, 2024-04-02 och 2024-05-06.',
  'Besök 2024-03-12 2024-04-02 2024-05-06',
  'Möte 2024-03-12 – 0480-12 34 56.',
  'Beslut 2000-09-24. 0680-000000 för frågor.',
  'Inkom 2024-03-12 2321/2018.',
  'Datum: 2024-03-12\nTid: 14.30\nPlats: Rum 1234',
  'Från 2024-03-12 -- till 2024-06-30',
  'v. 12 2024, vecka 10–12',
  'Den 12 mars 2024 och den 1 april 2025.',
  ...times(15, () => {
    const { y, m, d } = ymd();
    return `${y}-${m}-${d}`;
  }),
  ...times(10, () => {
    const [a, b] = [ymd(), ymd()];
    return `${a.y}-${a.m}-${a.d}–${b.y}-${b.m}-${b.d}`;
  }),
  ...times(10, () => {
    const [a, b] = [ymd(), ymd()];
    return `${a.y}${a.m}${a.d}-${b.y}${b.m}${b.d}`;
  }),
  ...times(10, () => {
    const [a, b] = [ymd(), ymd()];
    return `${a.d}.${a.m}.${a.y} – ${b.d}.${b.m}.${b.y}`;
  }),
  ...times(10, () => {
    const { y, m, d } = ymd();
    return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  }),
];

const hm = () => ({ h: pad(int(0, 23)), mi: pad(int(0, 59)) });
const timesOfDay: string[] = [
  'Klockan 14:30, kl. 1430, kl 14.30.',
  'Möte 2024-03-12 14:30 i rum 3.',
  'Möte 2024-03-12 14.00-16.00.',
  'Möte 2024-03-12 kl. 09.00–12.00.',
  'Möte 2024-03-12 0900 - 1200 och 2024-03-12 0900-1200.',
  '12.03.2024 14.30',
  '12.03.2024, 14.30',
  '2024.03.12 14.30',
  '2024-03-12T14:30:00Z, 2024-03-12 14:30:00 och 2024-03-12T14:30:00.123+01:00.',
  'Öppet 08.00–16.30, lunch 12.00–13.00.',
  ...times(10, () => {
    const { y, m, d } = ymd();
    const [a, b] = [hm(), hm()];
    return `${y}-${m}-${d} ${a.h}.${a.mi}–${b.h}.${b.mi}`;
  }),
  ...times(10, () => {
    const { y, m, d } = ymd();
    const a = hm();
    return `${y}-${m}-${d} kl. ${a.h}:${a.mi}`;
  }),
];

const money: string[] = [
  'Kostnad 1 234 567 kr, 8 000 000 kr totalt, 36 akter.',
  'Kostnaden var 12 345,50 kr per månad.',
  'Budget 1 234 567 890 kr för hela nämnden.',
  'Totalt 123 456 789 012 kr över tio år.',
  'Belopp 12.345.678,90 EUR',
  'Mellan 12 000 och 15 000 kr, i snitt 13 500 kr.',
  'Ökning med 12,5 %, från 3,2 % till 4,1 %.',
  '45 % av barnen, 12 procent av föräldrarna.',
  ...times(15, () => `${int(1, 999)} ${digits(3)} ${digits(3)} kr`),
  ...times(10, () => `${int(1, 99)} ${digits(3)},${digits(2)} kr`),
];

const organisations: string[] = [
  'Fakturan ställs till 212000-0142.',
  'Org.nr 556677-8899',
  'Org.nr 16556677-8899',
  'Momsreg.nr SE556677889901',
  'Momsreg.nr SE 556677-8899 01',
  'Föreningen, org.nr 802400-1234',
  'Region Stockholm 232100-0016',
  ...times(20, () => `${int(1, 9)}${int(0, 9)}${int(2, 9)}${digits(3)}-${digits(4)}`),
];

const postal: string[] = [
  '113 56 Stockholm',
  'Box 12345, 103 22 Stockholm, tel 08-508 252 62',
  'SE-113 56 Stockholm',
  '11356 Stockholm',
  'Socialförvaltningen, Box 44, 831 21 Östersund',
  ...times(10, () => `${int(100, 989)} ${pad(int(0, 99))} Ort`),
];

const payments: string[] = [
  'Bankgiro 5050-1055',
  'BG 123-4567',
  'Plusgiro 4 35 47-1',
  'PG 12 34 56-7',
  'OCR 71234567890123',
  'OCR-nummer 1234 5678 9012 3456',
  'Kortnummer 4571 2003 0712 3456',
  'Clearingnummer 8327-9, konto 123 456 789-0',
  'Faktura 2024-0456, fakturanummer 12345678',
  'Fakturanr 2024031',
  'IBAN SE45 5000 0000 0583 9825 7466',
  'Referens 1234 5678 9012',
  ...times(10, () => `Bankgiro ${digits(3)}-${digits(4)}`),
  ...times(10, () => `Plusgiro ${int(1, 9)} ${digits(2)} ${digits(2)}-${int(0, 9)}`),
];

const references: string[] = [
  'ISBN 978-91-27-12345-6',
  'ISBN 91-27-12345-6',
  'ISBN 9789127123456',
  'ISBN 978-91-7343-123-4',
  'SFS 2001:453, 5 kap. 1 § socialtjänstlagen',
  'SOSFS 2014:5, HSLF-FS 2016:40',
  'Prop. 2012/13:10, bet. 2012/13:SoU5',
  'Version 1.2.3, build 2024.03.12',
  'IP 192.168.1.100 och 10.0.0.1',
  'Koordinater 59.3293, 18.0686',
  'Registreringsnummer ABC 123',
  'Sida 12 av 34',
  'Rum 1234, våning 5, hus 2',
];

const counts: string[] = [
  'Antal akter: 12 34 56 78 90 12',
  'Fördelning 3 5 8 12 20 31',
  'Åren 2017–2023, 2018-2024 och 2019 — 2025.',
  'Åren 1990–2000–2010',
  'Åren 1990 2000 2010',
  'Åren 2001 2002 2003',
  'Barn 0–12 år, ungdomar 13–17 år, unga vuxna 18–20 år.',
  'Svarsfrekvens 36/40, 12/15 och 7/9.',
  'Kvartal 2401 2402 2403',
  'Tabell 1: 12, 34, 56, 78, 90, 12',
  'Andel 0,12 0,34 0,56 0,78',
];

/** Every false-positive string by category. */
export const FALSE_POSITIVES: Record<string, string[]> = {
  'phone numbers': phones,
  'Dnr and case numbers': dnr,
  'dates and date ranges': dates,
  times: timesOfDay,
  'amounts and percentages': money,
  'organisation numbers': organisations,
  postcodes: postal,
  'bankgiro, plusgiro, OCR, invoices': payments,
  'ISBN, laws, versions, addresses': references,
  'counts, years and lists': counts,
};

/**
 * What the detector refuses on purpose although it may be something else (pii-guard.ts's list of
 * known overlaps): a false alarm costs one edit, a miss publishes a child's identity.
 */
export const KNOWN_OVERLAPS = [
  '0701234567',
  '2403120001',
  '2024 0312 0001',
  '07 01 23 45 67',
  '12 04 05 17 23',
  '240312-1430',
  '2024-03-12 1430',
  '2024-03-12 14 30',
  'scan_20240312_1430.pdf',
  '170101.2393',
  '12.03.15-2321',
];
