package io.kinesisworkbook.lib.kcl;

import java.time.Instant;

/**
 * Something that happened to a shard on a worker: it started processing it, lost its lease, reached
 * its end, was asked to shut down, or a record or a checkpoint failed. The story of a failover, row
 * by row.
 *
 * @param at      when the worker's record processor saw it
 * @param worker  the worker's id
 * @param shardId the shard
 * @param event   what happened, e.g. {@code started}, {@code lease lost}, {@code shard ended}
 * @param detail  more about it: where processing starts, the exception's message, ...
 */
public record KclEvent(Instant at, String worker, String shardId, String event, String detail) {
}
