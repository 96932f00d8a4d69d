/** The problems for one field, right below it; the control points here with aria-describedby. */
export function FieldIssues({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-issues" id={id}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** The ids a control is described by: its hint and its problems, when present. */
export function describedBy(id: string, hint: unknown, messages: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', messages?.length ? `${id}-issues` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
