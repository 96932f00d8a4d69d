/** Shown instead of the app when browser mode could not sign this tab in: why, and what to do. */
export function SessionProblemScreen({ message }: { message: string }) {
  return (
    <main id="main" className="app-main screen">
      <h1>Granskningsbänken kan inte öppnas i den här fliken</h1>
      <div className="alert alert-error" role="alert">
        <p>{message}</p>
      </div>
    </main>
  );
}
