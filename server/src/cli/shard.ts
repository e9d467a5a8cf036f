/**
 * `--shard K/N`: a deterministic 1/N of the files, chosen by a hash of each file's path relative to
 * the scan root (with `/`), so every machine of a CI matrix agrees without talking to the others,
 * and the N shards together are exactly the files of the unsharded scan.
 */
import { createHash } from 'crypto';
import type { Shard } from './args';

/** The shard (1-based) a file belongs to among `count`. */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(relativePath: string, shard: Shard): boolean {
  return shardOf(relativePath, shard.count) === shard.index;
}
