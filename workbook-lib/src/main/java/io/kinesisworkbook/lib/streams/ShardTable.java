package io.kinesisworkbook.lib.streams;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Shard;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A stream's shards as a Tablesaw table, one row a shard. */
final class ShardTable {

    private static final BigDecimal KEY_SPACE = new BigDecimal(BigInteger.TWO.pow(128));

    private ShardTable() {
    }

    static Table of(String stream, List<Shard> shards) {
        StringColumn id = StringColumn.create("shard");
        StringColumn state = StringColumn.create("state");
        StringColumn parents = StringColumn.create("parents");
        StringColumn start = StringColumn.create("starting hash key");
        StringColumn end = StringColumn.create("ending hash key");
        DoubleColumn share = DoubleColumn.create("% of keys");
        StringColumn firstSequence = StringColumn.create("starting sequence number");
        StringColumn lastSequence = StringColumn.create("ending sequence number");
        for (Shard shard : shards) {
            id.append(shard.shardId());
            boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
            state.append(open ? "open" : "closed");
            parents.append(parentsOf(shard));
            start.append(shard.hashKeyRange().startingHashKey());
            end.append(shard.hashKeyRange().endingHashKey());
            share.append(shareOfKeys(shard));
            firstSequence.append(shard.sequenceNumberRange().startingSequenceNumber());
            lastSequence.append(open ? "" : shard.sequenceNumberRange().endingSequenceNumber());
        }
        return Table.create("Shards of " + stream, id, state, parents, start, end, share, firstSequence, lastSequence);
    }

    private static String parentsOf(Shard shard) {
        if (shard.parentShardId() == null) {
            return "";
        }
        return shard.adjacentParentShardId() == null
                ? shard.parentShardId() : shard.parentShardId() + " + " + shard.adjacentParentShardId();
    }

    /** The share of the 128-bit key space the shard owns, in percent, to two decimals. */
    static double shareOfKeys(Shard shard) {
        BigInteger size = new BigInteger(shard.hashKeyRange().endingHashKey())
                .subtract(new BigInteger(shard.hashKeyRange().startingHashKey())).add(BigInteger.ONE);
        return new BigDecimal(size).multiply(BigDecimal.valueOf(100)).divide(KEY_SPACE, MathContext.DECIMAL64)
                .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
