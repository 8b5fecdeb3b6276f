package io.kinesisworkbook.emulator.lambda;

/** Sources of the functions the tests deploy. None of these classes is on the tests' class path. */
final class TestFunctions {

    private TestFunctions() {
    }

    /** RequestHandler<Map, String>: greets {"name": ...}, logs through the Context and System.out. */
    static byte[] greeter() {
        return FunctionJars.builder().source("demo.Greeter", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                public class Greeter implements RequestHandler<Map<String, Object>, String> {
                    @Override
                    public String handleRequest(Map<String, Object> event, Context context) {
                        context.getLogger().log("greeting " + event.get("name"));
                        System.out.println("stdout from " + context.getFunctionName());
                        return "Hello, " + event.get("name") + "!";
                    }
                }
                """).zip();
    }

    /** A function with a handler method taking and returning POJOs of its own. */
    static byte[] pojoHandler() {
        return FunctionJars.builder().source("demo.Order", """
                package demo;
                public class Order {
                    private String id;
                    private int quantity;
                    private double price;
                    public String getId() { return id; }
                    public void setId(String id) { this.id = id; }
                    public int getQuantity() { return quantity; }
                    public void setQuantity(int quantity) { this.quantity = quantity; }
                    public double getPrice() { return price; }
                    public void setPrice(double price) { this.price = price; }
                }
                """).source("demo.Total", """
                package demo;
                public class Total {
                    private final String orderId;
                    private final double total;
                    public Total(String orderId, double total) { this.orderId = orderId; this.total = total; }
                    public String getOrderId() { return orderId; }
                    public double getTotal() { return total; }
                    public String getNothing() { return null; }
                }
                """).source("demo.Pricing", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                public class Pricing {
                    public Total price(Order order, Context context) {
                        return new Total(order.getId(), order.getQuantity() * order.getPrice());
                    }
                }
                """).zip();
    }

    /** RequestStreamHandler: upper-cases the bytes it is given. */
    static byte[] shouter() {
        return FunctionJars.builder().source("demo.Shouter", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                import java.io.*;
                import java.nio.charset.StandardCharsets;
                public class Shouter implements RequestStreamHandler {
                    @Override
                    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        out.write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
                    }
                }
                """).zip();
    }

    /** Throws, with a cause: {"fail": true} fails, anything else answers "fine". */
    static byte[] failing() {
        return FunctionJars.builder().source("demo.Failing", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                public class Failing implements RequestHandler<Map<String, Object>, String> {
                    @Override
                    public String handleRequest(Map<String, Object> event, Context context) {
                        if (Boolean.TRUE.equals(event.get("fail"))) {
                            throw new IllegalStateException("the order book is closed",
                                    new java.io.IOException("disk on fire"));
                        }
                        return "fine";
                    }
                }
                """).zip();
    }

    /** Sleeps for {"millis": n}, then answers the time it had left. */
    static byte[] sleeper() {
        return FunctionJars.builder().source("demo.Sleeper", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                public class Sleeper implements RequestHandler<Map<String, Integer>, Integer> {
                    @Override
                    public Integer handleRequest(Map<String, Integer> event, Context context) {
                        try {
                            Thread.sleep(event.get("millis"));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new RuntimeException("interrupted");
                        }
                        return context.getRemainingTimeInMillis();
                    }
                }
                """).zip();
    }

    /**
     * Counts the invocations that arrived, and waits (up to 20 s) until {"parties": n} have: n
     * invocations can all answer n only if they run at the same time.
     */
    static byte[] rendezvous() {
        return FunctionJars.builder().source("demo.Rendezvous", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                import java.util.concurrent.atomic.AtomicInteger;
                public class Rendezvous implements RequestHandler<Map<String, Integer>, Integer> {
                    private static final AtomicInteger ARRIVED = new AtomicInteger();
                    @Override
                    public Integer handleRequest(Map<String, Integer> event, Context context) {
                        ARRIVED.incrementAndGet();
                        long deadline = System.nanoTime() + 20_000_000_000L;
                        try {
                            while (ARRIVED.get() < event.get("parties") && System.nanoTime() < deadline) {
                                Thread.sleep(5);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ARRIVED.get();
                    }
                }
                """).zip();
    }

    /**
     * Two functions with the same handler class name and a same-named helper class of different
     * versions: each must see its own.
     */
    static byte[] versioned(String version) {
        return FunctionJars.builder().source("shared.Library", """
                package shared;
                public class Library {
                    public static String version() { return "%s"; }
                }
                """.formatted(version)).source("demo.Which", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                public class Which implements RequestHandler<String, String> {
                    private static int calls;
                    @Override
                    public String handleRequest(String event, Context context) {
                        calls++;
                        return event + " uses library " + shared.Library.version() + " (call " + calls + ")";
                    }
                }
                """).zip();
    }

    /** Reports which classes it can see: the runtime API yes, the emulator's libraries no. */
    static byte[] classPathProbe() {
        return FunctionJars.builder().source("demo.Probe", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.*;
                public class Probe implements RequestHandler<List<String>, Map<String, Boolean>> {
                    @Override
                    public Map<String, Boolean> handleRequest(List<String> names, Context context) {
                        Map<String, Boolean> visible = new TreeMap<>();
                        for (String name : names) {
                            try {
                                Class.forName(name, false, Probe.class.getClassLoader());
                                visible.put(name, true);
                            } catch (ClassNotFoundException e) {
                                visible.put(name, false);
                            }
                        }
                        return visible;
                    }
                }
                """).zip();
    }

    /** Answers its environment variables, read as a function in the emulator reads them. */
    static byte[] environmentReader() {
        return FunctionJars.builder().source("demo.Env", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import io.kinesisworkbook.emulator.lambda.runtime.FunctionEnvironment;
                import java.util.*;
                public class Env implements RequestHandler<List<String>, Map<String, String>> {
                    @Override
                    public Map<String, String> handleRequest(List<String> names, Context context) {
                        Map<String, String> values = new TreeMap<>();
                        for (String name : names) {
                            values.put(name, String.valueOf(FunctionEnvironment.get(name)));
                        }
                        return values;
                    }
                }
                """).zip();
    }

    /** Appends each event it gets to the file named by its OUT variable: for Event invocations. */
    static byte[] recorder() {
        return FunctionJars.builder().source("demo.Recorder", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                import io.kinesisworkbook.emulator.lambda.runtime.FunctionEnvironment;
                import java.io.*;
                import java.nio.file.*;
                public class Recorder implements RequestStreamHandler {
                    @Override
                    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
                        byte[] event = in.readAllBytes();
                        Files.write(Path.of(FunctionEnvironment.get("OUT")), (new String(event) + "\\n").getBytes(),
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                """).zip();
    }

    /**
     * A Kinesis consumer reading AWS's KinesisEvent (aws-lambda-java-events bundled in lib/): writes
     * one line per batch to OUT ("shard|data,data,...|arrival seconds of the first"), and fails a
     * batch that holds the record "poison".
     */
    static byte[] kinesisConsumer() {
        return FunctionJars.builder().withEvents().source("demo.Consumer", """
                package demo;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
                import io.kinesisworkbook.emulator.lambda.runtime.FunctionEnvironment;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.*;
                import java.util.*;
                public class Consumer implements RequestHandler<KinesisEvent, Void> {
                    @Override
                    public Void handleRequest(KinesisEvent event, Context context) {
                        List<String> data = new ArrayList<>();
                        String shard = null;
                        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
                            shard = record.getEventID().substring(0, record.getEventID().indexOf(':'));
                            if (!record.getEventSource().equals("aws:kinesis")
                                    || !record.getEventSourceARN().startsWith("arn:aws:kinesis:")
                                    || !record.getEventID().endsWith(record.getKinesis().getSequenceNumber())) {
                                throw new IllegalStateException("not AWS's event shape: " + record);
                            }
                            data.add(StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString());
                        }
                        long arrival = event.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp().getTime();
                        String line = shard + "|" + String.join(",", data) + "|" + arrival + "|"
                                + (data.contains("poison") ? "failed" : "ok") + "\\n";
                        try {
                            Files.writeString(Path.of(FunctionEnvironment.get("OUT")), line,
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        if (data.contains("poison")) {
                            throw new IllegalArgumentException("poison record");
                        }
                        return null;
                    }
                }
                """).zip();
    }
}
