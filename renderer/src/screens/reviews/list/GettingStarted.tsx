import type { ReactNode } from 'react';

const STEPS: { title: string; text: ReactNode }[] = [
  {
    title: 'Välj eller skapa mall',
    text: (
      <>
        Under <a href="#/mallar">Mallar</a> finns de inbyggda mallarna. Kopiera en om frågorna behöver anpassas.
      </>
    ),
  },
  { title: 'Skapa granskning', text: 'Knappen Ny granskning: välj mall, ge granskningen titel och Dnr och lägg till enheterna.' },
  { title: 'Importera akt-lista', text: 'Akt-listan från enheterna (CSV eller Excel) blir urvalsramen. Personnummer används bara till kön och ålder och sparas aldrig.' },
  { title: 'Dra urval', text: 'Ett stratifierat urval per enhet, som går att återskapa med samma frö.' },
  { title: 'Granska', text: 'Besvara frågorna akt för akt, med tangentbordet om du vill. Varje svar sparas direkt.' },
];

interface Props {
  /** No reviews yet: the steps are the first thing on the screen; otherwise they fold away. */
  prominent: boolean;
  /** The example review's action: create it, or open the one there is. */
  example: ReactNode;
}

/** "Kom igång": the five steps from template to scored files, and an example review to try them on. */
export function GettingStarted({ prominent, example }: Props) {
  const body = (
    <>
      <ol className="getting-started-steps">
        {STEPS.map((step) => (
          <li key={step.title}>
            <strong>{step.title}.</strong> {step.text}
          </li>
        ))}
      </ol>
      <div className="getting-started-example">
        <p>Vill du prova först? Exempelgranskningen har påhittade akter, ett draget urval och några svar. Den kan tas bort när du är klar.</p>
        {example}
      </div>
    </>
  );
  if (prominent) {
    return (
      <section className="panel getting-started" aria-labelledby="getting-started-heading">
        <h2 id="getting-started-heading">Kom igång</h2>
        {body}
      </section>
    );
  }
  return (
    <details className="panel getting-started">
      <summary className="getting-started-summary">Kom igång</summary>
      {body}
    </details>
  );
}
