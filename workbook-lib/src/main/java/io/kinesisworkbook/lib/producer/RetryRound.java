package io.kinesisworkbook.lib.producer;

/**
 * A producer's records grouped by attempt, as {@link Producer#retryRounds()} lists them: round 1 is
 * every record's first try, round 2 the records the stream refused once, sent again, and so on. A
 * producer that retries only what failed offers fewer records each round, until a round is fully
 * accepted.
 *
 * @param round     the attempt: 1 for a first try
 * @param offered   records sent for the {@code round}-th time
 * @param accepted  of those, records the stream accepted
 * @param throttled of those, records refused with ProvisionedThroughputExceededException (they go on to the next round)
 */
public record RetryRound(int round, long offered, long accepted, long throttled) {
}
