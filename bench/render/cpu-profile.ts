// The shape of a V8 CPU profile (`--cpu-prof`) as the profile readers of the bench use it.
import { z } from 'zod';

/** A V8 .cpuprofile: call-tree nodes, the sampled node ids and the time between samples (µs). */
export const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof CpuProfile>;
