import type { z } from 'zod';
import type { contract, OpName, OpOutput } from '../../shared/contract';
import type { Progress } from './session';

/** One operation's handler: its contract input (already validated) in, its output out. */
export type Handler<K extends OpName> = (
  input: z.output<(typeof contract)[K]['input']>,
  progress?: Progress,
) => Promise<OpOutput<K>>;

/** The one handler table's type: every contract operation has exactly one handler. */
export type Handlers = { [K in OpName]: Handler<K> };
