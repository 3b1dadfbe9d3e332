// One store's file checkpoints: the capture around tool hosts and the restore port, both on the
// store's blobs (DIR/blobs), so what a journal records can be written back after a restart.
import type { WorkspaceFiles } from '../../core/file-checkpoint.js';
import type { ToolHost } from '../../core/tools.js';
import { BlobStore } from '../store/blob-store.js';
import { storePaths } from '../store/store-paths.js';
import { withFileCheckpoints } from './checkpoint-tool-host.js';
import type { BaselineLimits } from './workspace-baseline.js';
import { BlobWorkspaceFiles } from './workspace-files.js';

/** What the app wires: `wrap` for tool hosts, `files` for the controller. */
export type FileCheckpoints = { wrap(host: ToolHost): ToolHost; readonly files: WorkspaceFiles };

/** File checkpoints kept in the store at `storeDir`. */
export function fileCheckpointsFor(storeDir: string, limits?: BaselineLimits): FileCheckpoints {
  const blobs = new BlobStore(storePaths(storeDir).blobs);
  return {
    wrap: (host) => withFileCheckpoints(host, limits === undefined ? { blobs } : { blobs, limits }),
    files: new BlobWorkspaceFiles(blobs),
  };
}
