/** The keys of the scoring view, always visible; each question points here with aria-describedby. */
export function KeyboardHelp() {
  return (
    <details className="keyboard-help" open>
      <summary>Tangentbord</summary>
      <p id="scoring-keys-help">
        Skala: J ja, D delvis, N nej, F framgår ej, E ej tillämpligt, eller siffrorna 1–5 i skalans ordning. Val: tangenten vid alternativet
        (siffror, sedan bokstäver). Ett svar sparas och nästa fråga markeras; vid flera svar väljer tangenterna av och på, och Enter eller pil ned går
        vidare. Datum: skriv 2024-03-12, 20240312 eller 240312 – fältet går vidare självt. Tal: skriv och tryck Enter. Pil upp och pil ned byter fråga.
        Tab når frågans Anteckning och Var i akten, sedan nästa fråga. G eller ? visar bedömningsstödet. Esc går tillbaka till frågan. Efter sista frågan: Klar – nästa akt
        (Ctrl+Enter var som helst).
      </p>
    </details>
  );
}
