/**
 * Registry numbers (diarienummer) are free text, but a typo is easy: we check the forms seen in
 * the city's documents — "3.1.1-232/2018", "SOF 2024/543", "SOF 2023/625-1-4".
 */
const DNR_PATTERN = /^(?:[A-ZÅÄÖ]{2,8} )?\d+(?:\.\d+)*(?:[-/]\d+)+$/;

export const isPlausibleDnr = (dnr: string): boolean => DNR_PATTERN.test(dnr.trim());

export const DNR_MESSAGE = 'Diarienumret har en ovanlig form. Exempel: "SOF 2024/543" eller "3.1.1-232/2018".';
