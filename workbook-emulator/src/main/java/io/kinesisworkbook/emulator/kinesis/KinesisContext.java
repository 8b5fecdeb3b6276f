package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every Kinesis operation needs: the streams, the clock, the options and the metrics sink. */
final class KinesisContext {

    static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final Pattern STREAM_ARN = Pattern.compile("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
    private static final Pattern STREAM_ARN_PARTS =
            Pattern.compile("arn:aws[^:]*:kinesis:([^:]*):(\\d{12}):stream/([a-zA-Z0-9_.-]+)");

    final StreamRegistry streams;
    final EmulatorClock clock;
    final boolean throughputLimits;
    final long transitionMillis;
    final KinesisMetrics metrics;

    KinesisContext(StreamRegistry streams, EmulatorClock clock, boolean throughputLimits, long transitionMillis,
                   KinesisMetrics metrics) {
        this.streams = streams;
        this.clock = clock;
        this.throughputLimits = throughputLimits;
        this.transitionMillis = transitionMillis;
        this.metrics = metrics;
    }

    String account() {
        return streams.accountId();
    }

    long now() {
        return clock.millis();
    }

    /**
     * The stream a request names by {@code StreamName} or {@code StreamARN} (AWS accepts either,
     * or both when they agree).
     */
    DataStream stream(String region, Members members) {
        String name = members.string("StreamName");
        String arn = members.string("StreamARN");
        new Validation()
                .length(name, "streamName", 1, 128).pattern(name, "streamName", STREAM_NAME)
                .length(arn, "streamARN", 1, 2048).pattern(arn, "streamARN", STREAM_ARN)
                .throwIfAny();
        if (name == null && arn == null) {
            throw KinesisErrors.invalidArgument("Either StreamName or StreamARN should be provided.");
        }
        if (arn == null) {
            return streams.require(region, name);
        }
        StreamArn parsed = parseArn(arn);
        if (name != null && !name.equals(parsed.name())) {
            throw KinesisErrors.invalidArgument("StreamARN " + arn + " and StreamName " + name
                    + " do not refer to the same stream.");
        }
        if (!parsed.region().equals(region) || !parsed.account().equals(account())) {
            throw KinesisErrors.streamNotFound(parsed.name(), parsed.account());
        }
        return streams.require(region, parsed.name());
    }

    record StreamArn(String region, String account, String name) {
    }

    static StreamArn parseArn(String arn) {
        Matcher matcher = STREAM_ARN_PARTS.matcher(arn);
        if (!matcher.lookingAt()) {
            throw KinesisErrors.invalidArgument("Invalid StreamARN " + arn);
        }
        return new StreamArn(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    /**
     * Data-plane calls may set {@code DryRun}: AWS then checks the request and answers
     * DryRunOperationException instead of doing it.
     */
    static void stopIfDryRun(Members members) {
        if (Boolean.TRUE.equals(members.bool("DryRun"))) {
            throw AwsServiceException.clientError("DryRunOperationException",
                    "Request would have succeeded, but the DryRun flag is set.");
        }
    }
}
