// One store's file checkpoints: the capture around tool hosts and the restore port, both on the
// store's blobs (DIR/blobs), so what a journal records can be written back after a restart.
import type { WorkspaceFiles } from '../../core/file-checkpoint.js';
import type { ToolHost } from '../../core/tools.js';
import { BlobStore } from '../store/blob-store.js';
import { storePaths } from '../store/store-paths.js';
import { withFileCheckpoints } from './checkpoint-tool-host.js';
import type { BaselineLimits } from './workspace-baseline.js';
import { BlobWorkspaceFiles, type FileBlobs } from './workspace-files.js';
import { secretForms } from '../tools/secrets.js';

/** What the app wires: `wrap` for tool hosts, `files` for the controller. */
export type FileCheckpoints = { wrap(host: ToolHost): ToolHost; readonly files: WorkspaceFiles };

/**
 * File checkpoints kept in the store at `storeDir`. A file version holding one of `secrets`
 * (plain or base64, tools/secrets.ts) is recorded by its hash only, never written to the store.
 */
export function fileCheckpointsFor(storeDir: string, limits?: BaselineLimits, secrets: readonly string[] = []): FileCheckpoints {
  const store = new BlobStore(storePaths(storeDir).blobs);
  const forms = secrets.flatMap(secretForms).map((form) => Buffer.from(form, 'utf8'));
  const blobs: FileBlobs = {
    putBytes: (bytes, options) => store.putBytes(bytes, options),
    getBytes: (hash) => store.getBytes(hash),
    holdsSecret: (bytes) => forms.some((form) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(form)),
  };
  return {
    wrap: (host) => withFileCheckpoints(host, limits === undefined ? { blobs } : { blobs, limits }),
    files: new BlobWorkspaceFiles(blobs),
  };
}
