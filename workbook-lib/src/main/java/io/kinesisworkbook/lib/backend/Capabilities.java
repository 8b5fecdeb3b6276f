package io.kinesisworkbook.lib.backend;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each engine can show of AWS's behaviour: the table notebooks consult before a check that
 * needs a behaviour some backend does not model ({@code Check.given(Capability.WRITE_THROTTLING).between(...)}).
 * On a backend without it the check prints why it is not checked and the value seen; it never
 * passes in silence.
 *
 * <pre>
 * capability                 emulator  AWS  LocalStack  kinesis-mock  Floci
 * WRITE_THROTTLING           yes       yes  no          no            no
 * READ_THROTTLING            yes       yes  no          no            no
 * REQUEST_LIMITS             yes       yes  no          no            yes
 * HASH_KEY_RANGES            yes       yes  yes         yes           no  (every shard owns the whole range; keys routed by Java hashCode)
 * DISTINCT_SPLIT_CHILDREN    yes       yes  yes         yes           no  (both children of a split get the same id)
 * UPDATE_SHARD_COUNT         yes       yes  yes         yes           no
 * MERGE_SHARDS               yes       yes  yes         yes           yes
 * ENHANCED_FAN_OUT           yes       yes  yes         no            yes
 * DYNAMODB                   yes       yes  yes         no            yes
 * LAMBDA                     yes       yes  yes*        no            yes*  (* only with the Docker socket mounted)
 * FIREHOSE                   yes       yes  yes         no            yes
 * FIREHOSE_KINESIS_SOURCE    yes       yes  yes         no            no
 * FIREHOSE_LAMBDA_PROCESSOR  yes       yes  yes         no            no
 * STREAM_METRICS             yes       yes  no          no            no
 * </pre>
 *
 * <p>Where the facts come from: kinesis-mock runs here ({@code tools/kinesis-mock}); it throttles
 * neither writes nor reads and accepts a PutRecords of 501 records (the emulator README's
 * differential table); a consumer registered through the Java SDK gets an ARN naming the stream
 * {@code undefined}, which DescribeStreamConsumer then cannot find (notebook 06, measured). Floci's gaps were found by running its current source as a JVM (issue 16);
 * its reads are taken to be as unthrottled as its writes (not measured). LocalStack serves Kinesis
 * with kinesis-mock, so it shares kinesis-mock's gaps there; its other services could not be
 * measured here (no Docker) and are taken as present. Stream metrics on LocalStack and Floci are
 * taken as absent: neither documents Kinesis's own metrics. Where this table is wrong in the
 * generous direction a check runs and fails, which says so; in the strict direction a check is not
 * checked, with a reason a reader can question.
 */
public final class Capabilities {

    private static final Map<Engine, EnumSet<Capability>> MISSING = new EnumMap<>(Engine.class);

    static {
        MISSING.put(Engine.WORKBOOK_EMULATOR, EnumSet.noneOf(Capability.class));
        MISSING.put(Engine.AWS, EnumSet.noneOf(Capability.class));
        MISSING.put(Engine.LOCALSTACK, EnumSet.of(Capability.WRITE_THROTTLING, Capability.READ_THROTTLING,
                Capability.REQUEST_LIMITS, Capability.STREAM_METRICS));
        MISSING.put(Engine.KINESIS_MOCK, EnumSet.of(Capability.WRITE_THROTTLING, Capability.READ_THROTTLING,
                Capability.REQUEST_LIMITS, Capability.ENHANCED_FAN_OUT, Capability.DYNAMODB, Capability.LAMBDA,
                Capability.FIREHOSE, Capability.FIREHOSE_KINESIS_SOURCE, Capability.FIREHOSE_LAMBDA_PROCESSOR,
                Capability.STREAM_METRICS));
        MISSING.put(Engine.FLOCI, EnumSet.of(Capability.WRITE_THROTTLING, Capability.READ_THROTTLING, Capability.HASH_KEY_RANGES,
                Capability.DISTINCT_SPLIT_CHILDREN, Capability.UPDATE_SHARD_COUNT, Capability.FIREHOSE_KINESIS_SOURCE,
                Capability.FIREHOSE_LAMBDA_PROCESSOR, Capability.STREAM_METRICS));
    }

    /** The engine whose capabilities the last {@code Workbook.connect} found; the emulator's until then. */
    private static volatile Capabilities current = of(Engine.WORKBOOK_EMULATOR);

    private final Engine engine;

    private Capabilities(Engine engine) {
        this.engine = engine;
    }

    public static Capabilities of(Engine engine) {
        return new Capabilities(engine);
    }

    /** What the backend a notebook connected to last can show. */
    public static Capabilities current() {
        return current;
    }

    /** Called when a notebook connects, so that its checks consult the backend it really runs on. */
    public static void useFor(Engine engine) {
        current = of(engine);
    }

    public Engine engine() {
        return engine;
    }

    public boolean has(Capability capability) {
        return !MISSING.get(engine).contains(capability);
    }

    /** What is missing, in the table's order. */
    public Set<Capability> missing() {
        return EnumSet.copyOf(MISSING.get(engine));
    }

    /** Why a check is not checked: "AWS throttles writes beyond ...; kinesis-mock does not". */
    public String lacking(Capability capability) {
        return "AWS " + capability.description() + "; " + engine.displayName() + " does not";
    }
}
