package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery streams of one account, per region. */
final class DeliveryStreamRegistry {

    /** Held by a delivery stream and its region: the delivery thread goes through every region. */
    record Located(String region, DeliveryStream stream) {
    }

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, Map<String, DeliveryStream>> regions = new ConcurrentHashMap<>();

    DeliveryStreamRegistry(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    String accountId() {
        return accountId;
    }

    String arn(String region, String name) {
        return "arn:aws:firehose:" + region + ":" + accountId + ":deliverystream/" + name;
    }

    synchronized DeliveryStream find(String region, String name) {
        Map<String, DeliveryStream> streams = streams(region);
        DeliveryStream stream = streams.get(name);
        if (stream != null && !stream.settle(clock.millis())) {
            streams.remove(name);
            return null;
        }
        return stream;
    }

    DeliveryStream require(String region, String name) {
        DeliveryStream stream = find(region, name);
        if (stream == null) {
            throw FirehoseErrors.notFound(name, accountId);
        }
        return stream;
    }

    synchronized void add(String region, DeliveryStream stream) {
        if (find(region, stream.name()) != null) {
            throw FirehoseErrors.inUse("Firehose " + stream.name() + " under accountId " + accountId + " already exists");
        }
        streams(region).put(stream.name(), stream);
    }

    /** The region's delivery streams, by name, each settled to now. */
    synchronized List<DeliveryStream> list(String region) {
        List<DeliveryStream> found = new ArrayList<>();
        for (String name : new ArrayList<>(streams(region).keySet())) {
            DeliveryStream stream = find(region, name);
            if (stream != null) {
                found.add(stream);
            }
        }
        return found;
    }

    /** Every delivery stream in every region, for the delivery thread. */
    synchronized List<Located> all() {
        List<Located> all = new ArrayList<>();
        for (String region : new ArrayList<>(regions.keySet())) {
            list(region).forEach(stream -> all.add(new Located(region, stream)));
        }
        return all;
    }

    private Map<String, DeliveryStream> streams(String region) {
        return regions.computeIfAbsent(region, r -> new TreeMap<>());
    }
}
