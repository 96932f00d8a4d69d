/**
 * When two names people typed are "the same": case, surrounding and repeated white space and
 * Unicode composition (an "ä" typed as a + diaeresis) do not count. One rule for units in a case
 * list, units of a review, Dnr and titles of reviews, and template names.
 */
export const sameNameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
