/** Writes CSV the way Swedish Excel reads it: ";" separated, CRLF, quoted only where needed. */
export function csvLine(cells: readonly (string | number | null | undefined)[], separator = ';'): string {
  return cells
    .map((cell) => {
      const text = cell === null || cell === undefined ? '' : String(cell);
      return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(separator);
}

export const UTF8_BOM = '\uFEFF';
