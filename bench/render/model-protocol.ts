// The IPC messages between the bench and its model-server process, parsed with zod both ways.
import { z } from 'zod';

/** What the bench asks the model server: its counts, or to close. */
export const ModelServerRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('counts'), id: z.number(), from: z.number() }),
  z.object({ type: z.literal('close') }),
]);
export type ModelServerRequest = z.infer<typeof ModelServerRequest>;

/** What the model server says: its URL once listening, then counts on request. */
export const ModelServerReport = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string() }),
  z.object({
    type: z.literal('counts'),
    id: z.number(),
    /** Requests received so far. */
    requests: z.number(),
    /** Requests from index `from` on whose answer has written at least one delta. */
    streaming: z.number(),
    /** Requests answered 400 (a broken request: the bench fails on it). */
    rejections: z.number(),
    /** Output tokens written to sockets so far (deltas × tokens per delta). */
    tokens: z.number(),
  }),
]);
export type ModelServerReport = z.infer<typeof ModelServerReport>;
export type ModelCounts = Extract<ModelServerReport, { type: 'counts' }>;
