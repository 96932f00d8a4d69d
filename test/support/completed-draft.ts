import type { ReportDraft } from '../../shared/contract/report-model';

/** Fills what a writer fills before sending: the board's date, the dates of the preparation, and nothing left to fill in. */
export function completed(draft: ReportDraft): ReportDraft {
  const fill = (text: string) => text.replace(/den … \./g, 'den 14 januari 2025.').replace(/…|\.{3}/g, '');
  const blocks = (list: ReportDraft['sections'][number]['blocks']) =>
    list.map((b) =>
      b.type === 'paragraph'
        ? { ...b, content: b.content.map((i) => ({ ...i, text: fill(i.text) })) }
        : b.type === 'bullets' || b.type === 'numbered'
          ? { ...b, items: b.items.map((item) => item.map((i) => ({ ...i, text: fill(i.text) }))) }
          : b,
    );
  const section = (s: ReportDraft['sections'][number]) => ({ ...s, blocks: blocks(s.blocks), ...(s.detail ? { detail: blocks(s.detail) } : {}) });
  return {
    ...draft,
    header: { ...draft.header, date: '2025-01-21' },
    sections: draft.sections.map(section),
    ...(draft.bilaga1 ? { bilaga1: { sections: draft.bilaga1.sections.map(section) } } : {}),
  };
}
