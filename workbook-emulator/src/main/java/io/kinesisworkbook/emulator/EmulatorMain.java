package io.kinesisworkbook.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator in the foreground: {@code ./workbook emulator --port 4566 [--no-limits] [--fast] [--no-metrics]}.
 * Any AWS SDK or the AWS CLI can then use it as its endpoint. A mistyped option gets a one-line
 * error and the usage (exit status 2), never a stack trace.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = parse(withoutExitWithParent(args));
        } catch (UsageException e) {
            System.err.println("workbook emulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(options);
        } catch (RuntimeException e) {
            System.err.println("workbook emulator: cannot listen on " + options.host() + ":" + options.port() + ": "
                    + rootMessage(e) + (options.port() == 0 ? "" : " (is another emulator running? try --port 0)"));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        if (args.length != withoutExitWithParent(args).length) {
            // The launcher that started this emulator may be killed without a chance to stop it.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        System.out.println("Kinesis Workbook emulator listening on " + emulator.endpoint()
                + (options.throughputLimits() ? "" : " (throughput limits off)")
                + (options.transitionDelay().isZero() ? " (instant state transitions)" : ""));
        System.out.println("Point an SDK or the AWS CLI at it (any access key works), e.g. aws --endpoint-url "
                + emulator.endpoint() + " --region " + options.defaultRegion() + " kinesis list-streams. Ctrl-C stops it.");
        new CountDownLatch(1).await();
    }

    /** {@code --exit-with-parent} is for launchers, not for {@link EmulatorOptions}. */
    private static String[] withoutExitWithParent(String[] args) {
        return java.util.Arrays.stream(args).filter(arg -> !arg.equals("--exit-with-parent")).toArray(String[]::new);
    }

    /** The options the arguments ask for, or {@code null} when they ask for the usage. */
    static EmulatorOptions parse(String[] args) {
        EmulatorOptions options = EmulatorOptions.defaults().withPort(4566);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(port(value(args, ++i, "--port")));
                case "--host" -> options = options.withHost(value(args, ++i, "--host"));
                case "--no-limits" -> options = options.withoutThroughputLimits();
                case "--fast" -> options = options.withInstantTransitions();
                case "--no-metrics" -> options = options.withoutServiceMetrics();
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new UsageException("unknown option: " + args[i]);
            }
        }
        return options;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // Said below.
        }
        throw new UsageException("--port needs a number from 0 to 65535, not '" + text + "'");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    static final String USAGE = """
            usage: workbook emulator [--port N] [--host ADDRESS] [--no-limits] [--fast] [--no-metrics] [--exit-with-parent]
              --port N        the port to listen on (default 4566; 0 picks a free one)
              --host ADDRESS  the address to listen on (default 127.0.0.1, loopback only)
              --no-limits     no per-shard throughput limits (for benchmarks)
              --fast          instant CREATING/UPDATING/DELETING transitions
              --no-metrics    services publish no CloudWatch metrics (for benchmarks)
              --exit-with-parent  stop when the process that started this one ends (for launchers)""";

    /** A mistake in the command line, said in one line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
