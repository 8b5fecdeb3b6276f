package io.kinesisworkbook.emulator.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shard's records, stored by column: their bytes (partition key, then data) packed into 256 KiB
 * pages, and their positions, lengths and arrival times in primitive arrays. A million records
 * cost a handful of large arrays instead of three million small objects, so the garbage collector
 * has almost nothing to trace and writes stay as fast in a full shard as in an empty one.
 *
 * <p>Positions start at 0 and only grow; trimming drops a prefix. Not thread-safe: the shard's
 * stream guards it.
 */
final class RecordLog {

    /**
     * Small enough to be an ordinary allocation: G1 places arrays of half a region or more (1 MiB on
     * a 4 GiB heap) in regions of their own, wasting the rest of the region.
     */
    private static final int PAGE_BYTES = 256 * 1024 - 64;
    private static final int INITIAL_CAPACITY = 1024;

    /** Where each record's bytes start: the page, and the offset in it. */
    private int[] page = new int[INITIAL_CAPACITY];
    private int[] offset = new int[INITIAL_CAPACITY];
    private int[] keyLength = new int[INITIAL_CAPACITY];
    private int[] dataLength = new int[INITIAL_CAPACITY];
    private long[] arrivalMillis = new long[INITIAL_CAPACITY];
    private boolean[] encrypted = new boolean[INITIAL_CAPACITY];

    /** Pages by number; pages before the first held record are released (null). */
    private final List<byte[]> pages = new ArrayList<>();
    private int pageFill = PAGE_BYTES;

    /** Position of the record in slot 0 of the arrays. */
    private long base;
    /** Slots before this one hold trimmed records. */
    private int first;
    /** Slots in use, trimmed ones included. */
    private int size;

    long startPosition() {
        return base + first;
    }

    long endPosition() {
        return base + size;
    }

    boolean isEmpty() {
        return first == size;
    }

    /** Appends a record; arrival times never go backwards. Returns its position. */
    long append(byte[] data, String partitionKey, long nowMillis, boolean isEncrypted) {
        byte[] key = partitionKey.getBytes(StandardCharsets.UTF_8);
        int length = key.length + data.length;
        ensureSlot();
        ensurePageRoom(length);
        byte[] target = pages.get(pages.size() - 1);
        System.arraycopy(key, 0, target, pageFill, key.length);
        System.arraycopy(data, 0, target, pageFill + key.length, data.length);
        page[size] = pages.size() - 1;
        offset[size] = pageFill;
        keyLength[size] = key.length;
        dataLength[size] = data.length;
        arrivalMillis[size] = isEmpty() ? nowMillis : Math.max(nowMillis, arrivalMillis[size - 1]);
        encrypted[size] = isEncrypted;
        pageFill += length;
        size++;
        return endPosition() - 1;
    }

    StoredRecord get(long position) {
        int slot = slot(position);
        byte[] bytes = pages.get(page[slot]);
        String key = new String(bytes, offset[slot], keyLength[slot], StandardCharsets.UTF_8);
        int dataStart = offset[slot] + keyLength[slot];
        byte[] data = Arrays.copyOfRange(bytes, dataStart, dataStart + dataLength[slot]);
        return new StoredRecord(data, key, arrivalMillis[slot], encrypted[slot]);
    }

    long arrivalMillis(long position) {
        return arrivalMillis[slot(position)];
    }

    /** What a record counts for against throughput limits: data plus partition key. */
    int billedBytes(long position) {
        int slot = slot(position);
        return keyLength[slot] + dataLength[slot];
    }

    /** The first position whose record arrived at or after {@code millis}; the end if none did. */
    long firstPositionAtOrAfter(long millis) {
        int low = first;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (arrivalMillis[middle] < millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return base + low;
    }

    /** Drops every record before {@code position}, releasing their pages. */
    void trimBefore(long position) {
        int newFirst = (int) Math.min(size, Math.max(first, position - base));
        if (newFirst == first) {
            return;
        }
        first = newFirst;
        int firstPageHeld = first < size ? page[first] : pages.size() - 1;
        for (int p = 0; p < firstPageHeld; p++) {
            pages.set(p, null);
        }
        if (first > size / 2) {
            compact();
        }
    }

    private int slot(long position) {
        long slot = position - base;
        if (slot < first || slot >= size) {
            throw new IndexOutOfBoundsException("position " + position + " is not held");
        }
        return (int) slot;
    }

    private void ensureSlot() {
        if (size == page.length) {
            int capacity = page.length * 2;
            page = Arrays.copyOf(page, capacity);
            offset = Arrays.copyOf(offset, capacity);
            keyLength = Arrays.copyOf(keyLength, capacity);
            dataLength = Arrays.copyOf(dataLength, capacity);
            arrivalMillis = Arrays.copyOf(arrivalMillis, capacity);
            encrypted = Arrays.copyOf(encrypted, capacity);
        }
    }

    private void ensurePageRoom(int length) {
        if (pageFill + length > PAGE_BYTES || pages.isEmpty()) {
            // A record larger than a page (up to 10 MiB) gets a page of its own size.
            pages.add(new byte[Math.max(PAGE_BYTES, length)]);
            pageFill = 0;
        }
    }

    /** Moves the held slots to the front of the arrays once most of them are trimmed. */
    private void compact() {
        int held = size - first;
        System.arraycopy(page, first, page, 0, held);
        System.arraycopy(offset, first, offset, 0, held);
        System.arraycopy(keyLength, first, keyLength, 0, held);
        System.arraycopy(dataLength, first, dataLength, 0, held);
        System.arraycopy(arrivalMillis, first, arrivalMillis, 0, held);
        System.arraycopy(encrypted, first, encrypted, 0, held);
        base += first;
        size = held;
        first = 0;
    }
}
