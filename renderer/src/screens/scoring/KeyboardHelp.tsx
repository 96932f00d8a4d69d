/** The keys of the scoring view, always visible; each question points here with aria-describedby. */
export function KeyboardHelp() {
  return (
    <details className="keyboard-help" open>
      <summary>Tangentbord</summary>
      <p id="scoring-keys-help">
        På en fråga: J ja, D delvis, N nej, F framgår ej, E ej tillämpligt, eller siffrorna 1–5 i skalans ordning – svaret sparas och nästa fråga
        markeras. Pil upp och pil ned byter fråga. Tab når Anteckning och Var i akten. G eller ? visar bedömningsstödet. Val: siffrorna väljer
        alternativ. Datum och tal: skriv och tryck Enter. Esc går tillbaka till frågan. Ctrl+Enter markerar akten som klar och öppnar nästa.
      </p>
    </details>
  );
}
