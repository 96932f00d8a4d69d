/**
 * What the inspectors gathered besides the answers, as the first draft reads it: the notes they
 * marked as findings while reading the files, and the dialogue meetings held with the units
 * (granskningsmodellens dialogmöten). Plain data, no identity: a file is named by its reference.
 */

/** A note on an answer marked as a finding for the question's quality area. */
export interface FindingMaterial {
  areaId: string;
  questionId: string;
  /** 1-based question number in the template. */
  number: number;
  unit: string;
  /** The file's reference (never a personal identity number). */
  ref: string;
  note: string;
  /** Where in the file the inspector read it ("Journal 2024-03-12", "Genomförandeplan s. 2"); null without one. */
  fileRef: string | null;
}

/** One dialogue meeting with a unit: when, who took part (roles), and notes per quality area. */
export interface DialogueMaterial {
  unit: string;
  /** ISO date. */
  heldOn: string;
  /** Roles that took part ("enhetschef, två behandlare, socialtjänstinspektörerna"). */
  participants: string;
  /** Notes keyed by quality area id; only areas discussed. */
  notes: Readonly<Record<string, string>>;
}

/** How far the scoring has come: the files in the review (sample) and those marked done. */
export interface ScoringProgressMaterial {
  files: number;
  done: number;
}
