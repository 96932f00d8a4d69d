import type { z } from 'zod';

/** One operation of the API: its name, what it takes and what it gives, declared once for every face. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Swedish one-liner, shown by the CLI's help and in docs. */
  summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;
