package io.kinesisworkbook.emulator.kinesis;

/**
 * An ordered sequence of records and the hash key range it owns. A shard is open until a reshard
 * closes it; a closed shard keeps its records, readable until retention trims them, and names its
 * last sequence number. Not thread-safe: its stream guards it.
 */
final class Shard {

    static final int WRITE_RECORDS_PER_SECOND = 1_000;
    static final int WRITE_BYTES_PER_SECOND = 1024 * 1024;
    static final int READ_CALLS_PER_SECOND = 5;
    static final int READ_BYTES_PER_SECOND = 2 * 1024 * 1024;

    private final int index;
    private final String id;
    private final HashKeyRange range;
    private final String parentId;
    private final String adjacentParentId;
    private final long createdMillis;
    private long closedMillis = -1;

    private final RecordLog records = new RecordLog();

    private final ThroughputBucket writeRecords;
    private final ThroughputBucket writeBytes;
    private final ThroughputBucket readCalls;
    private final ThroughputBucket readBytes;

    Shard(int index, HashKeyRange range, String parentId, String adjacentParentId, long createdMillis) {
        this.index = index;
        this.id = idOf(index);
        this.range = range;
        this.parentId = parentId;
        this.adjacentParentId = adjacentParentId;
        this.createdMillis = createdMillis;
        this.writeRecords = new ThroughputBucket(WRITE_RECORDS_PER_SECOND, createdMillis);
        this.writeBytes = new ThroughputBucket(WRITE_BYTES_PER_SECOND, createdMillis);
        this.readCalls = new ThroughputBucket(READ_CALLS_PER_SECOND, createdMillis);
        this.readBytes = new ThroughputBucket(READ_BYTES_PER_SECOND, createdMillis);
    }

    static String idOf(int index) {
        return String.format("shardId-%012d", index);
    }

    /** The index in a shard id, or -1 when the text is not a shard id. */
    static int indexOf(String shardId) {
        if (shardId == null || !shardId.matches("shardId-\\d{12}")) {
            return -1;
        }
        return Integer.parseInt(shardId.substring("shardId-".length()));
    }

    int index() {
        return index;
    }

    String id() {
        return id;
    }

    HashKeyRange range() {
        return range;
    }

    String parentId() {
        return parentId;
    }

    String adjacentParentId() {
        return adjacentParentId;
    }

    long createdMillis() {
        return createdMillis;
    }

    boolean isOpen() {
        return closedMillis < 0;
    }

    long closedMillis() {
        return closedMillis;
    }

    void close(long nowMillis) {
        closedMillis = nowMillis;
    }

    /** Whether the shard was open at {@code millis}. */
    boolean wasOpenAt(long millis) {
        return createdMillis <= millis && (isOpen() || closedMillis >= millis);
    }

    /** Appends a record and returns its position. Arrival times never go backwards within a shard. */
    long append(byte[] data, String partitionKey, long nowMillis, boolean encrypted) {
        return records.append(data, partitionKey, nowMillis, encrypted);
    }

    /** The first position still held (the trim horizon). */
    long startPosition() {
        return records.startPosition();
    }

    /** The position the next record will take (the tip). */
    long endPosition() {
        return records.endPosition();
    }

    StoredRecord recordAt(long position) {
        return records.get(position);
    }

    long arrivalMillisAt(long position) {
        return records.arrivalMillis(position);
    }

    int billedBytesAt(long position) {
        return records.billedBytes(position);
    }

    /** The first position whose record arrived at or after {@code millis}; the tip if none did. */
    long firstPositionAtOrAfter(long millis) {
        return records.firstPositionAtOrAfter(millis);
    }

    /** Drops records that arrived before {@code horizonMillis}. */
    void trimBefore(long horizonMillis) {
        records.trimBefore(records.firstPositionAtOrAfter(horizonMillis));
    }

    String startingSequenceNumber() {
        return SequenceNumbers.starting(index);
    }

    /** The last record's sequence number (the starting one if none arrived); only for a closed shard. */
    String endingSequenceNumber() {
        return SequenceNumbers.lastOf(index, endPosition());
    }

    String sequenceNumberAt(long position) {
        return SequenceNumbers.ofPosition(index, position);
    }

    /** Takes one record of {@code bytes} from the write limits, or nothing if either limit is reached. */
    boolean tryWrite(int bytes, long nowMillis) {
        if (!writeRecords.canTake(1, nowMillis) || !writeBytes.canTake(bytes, nowMillis)) {
            return false;
        }
        writeRecords.spend(1, nowMillis);
        writeBytes.spend(bytes, nowMillis);
        return true;
    }

    ThroughputBucket readCalls() {
        return readCalls;
    }

    ThroughputBucket readBytes() {
        return readBytes;
    }
}
