import { FieldIssues } from '../../../components/FieldIssues';

export interface InspectorDraft {
  name: string;
  phone: string;
}

interface Props {
  idBase: string;
  inspectors: InspectorDraft[];
  onChange(inspectors: InspectorDraft[]): void;
  issues: string[];
}

/** The inspectors (handläggare) with name and phone, as the memo lists them. */
export function InspectorListField({ idBase, inspectors, onChange, issues }: Props) {
  const set = (i: number, patch: Partial<InspectorDraft>) => onChange(inspectors.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="subfields">
      <legend>Inspektörer</legend>
      {inspectors.map((inspector, i) => (
        <div className="field-row" key={i} role="group" aria-label={`Inspektör ${i + 1}`}>
          <div className="field grow">
            <label htmlFor={`${idBase}-${i}-name`}>Namn</label>
            <input id={`${idBase}-${i}-name`} type="text" autoComplete="off" value={inspector.name} onChange={(e) => set(i, { name: e.target.value })} />
          </div>
          <div className="field narrow">
            <label htmlFor={`${idBase}-${i}-phone`}>Telefon</label>
            <input id={`${idBase}-${i}-phone`} type="text" autoComplete="off" placeholder="08-508 252 62" value={inspector.phone} onChange={(e) => set(i, { phone: e.target.value })} />
          </div>
          <button type="button" className="small remove-row" aria-label={`Ta bort inspektör ${i + 1}`} onClick={() => onChange(inspectors.filter((_, j) => j !== i))}>
            Ta bort
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...inspectors, { name: '', phone: '' }])}>
        Lägg till inspektör
      </button>
      <FieldIssues id={`${idBase}-issues`} messages={issues} />
    </fieldset>
  );
}
