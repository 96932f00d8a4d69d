import type { DialogueMeeting } from '../../../../shared/contract/findings';
import { countOf } from '../../../../shared/util/plural-sv';

/** "1 fynd", "12 fynd". */
export const fyndCount = (n: number): string => countOf(n, 'fynd', 'fynd');

/** "1 dialogmöte", "3 dialogmöten". */
export const meetingCount = (n: number): string => countOf(n, 'dialogmöte', 'dialogmöten');

/** "Enhet A 2025-03-14": which meeting, in the words of its buttons and headings (sv-SE writes dates the ISO way). */
export const meetingName = (m: Pick<DialogueMeeting, 'unit' | 'heldOn'>): string => `${m.unit} ${m.heldOn}`;
