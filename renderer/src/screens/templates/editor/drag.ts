/** The question being dragged (HTML5 drag and drop keeps its data unreadable until the drop). */
let current: string | null = null;

export const draggedKey = (): string | null => current;
export const setDraggedKey = (key: string | null): void => {
  current = key;
};
