import type { z } from 'zod';

/** One operation of the API: its name, what it takes and what it gives, declared once for every face. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Swedish one-liner, shown by the CLI's help and in docs. */
  summary: string;
  /**
   * Largest request body the HTTP face accepts for this method, in bytes. Only methods that carry a
   * file set it; every other method gets the server's small default, so no request is buffered beyond
   * what its method can legitimately need.
   */
  maxInputBytes?: number;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;
