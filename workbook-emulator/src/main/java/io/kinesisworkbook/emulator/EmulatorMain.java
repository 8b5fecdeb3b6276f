package io.kinesisworkbook.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator in the foreground: {@code ./workbook emulator --port 4566 [--no-limits] [--fast] [--no-metrics]}.
 * Any AWS SDK or the AWS CLI can then use it as its endpoint.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options = EmulatorOptions.defaults().withPort(4566);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--host" -> options = options.withHost(value(args, ++i, "--host"));
                case "--no-limits" -> options = options.withoutThroughputLimits();
                case "--fast" -> options = options.withInstantTransitions();
                case "--no-metrics" -> options = options.withoutServiceMetrics();
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        Emulator emulator = Emulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        System.out.println("Kinesis Workbook emulator listening on " + emulator.endpoint()
                + (options.throughputLimits() ? "" : " (throughput limits off)")
                + (options.transitionDelay().isZero() ? " (instant state transitions)" : ""));
        System.out.println("Point an SDK or the AWS CLI at it, e.g. aws --endpoint-url " + emulator.endpoint()
                + " kinesis list-streams. Ctrl-C stops it.");
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }

    private static void usage() {
        System.out.println("""
                usage: workbook emulator [--port N] [--host ADDRESS] [--no-limits] [--fast] [--no-metrics]
                  --port N        the port to listen on (default 4566; 0 picks a free one)
                  --host ADDRESS  the address to listen on (default 127.0.0.1, loopback only)
                  --no-limits     no per-shard throughput limits (for benchmarks)
                  --fast          instant CREATING/UPDATING/DELETING transitions
                  --no-metrics    services publish no CloudWatch metrics (for benchmarks)""");
    }
}
