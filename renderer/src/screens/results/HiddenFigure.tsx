import { DASH } from './format';

/** A figure that is not shown: the dash on screen, the reason for screen readers and as a tooltip. */
export function HiddenFigure({ reason }: { reason: string }) {
  return (
    <span className="hidden-figure" title={reason}>
      <span aria-hidden="true">{DASH}</span>
      <span className="visually-hidden">{reason}</span>
    </span>
  );
}
