import { useTemplateList } from '../../../state/template-list-store';

/** An import that went through but looks like a mistake (another template has the same name): a notice that blocks nothing. */
export function ImportWarningsNotice() {
  const notice = useTemplateList((s) => s.importWarnings);
  if (!notice) return null;
  return (
    <div className="alert alert-warning" role="status" aria-labelledby="import-warnings-title">
      <h2 id="import-warnings-title">{notice.fileName} importerades – kontrollera en sak</h2>
      <ul className="issue-list">
        {notice.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <button type="button" onClick={() => useTemplateList.getState().dismissImportWarnings()}>
        Stäng
      </button>
    </div>
  );
}
