package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.http.RestService;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.lambda.mapping.EventSourceMappingOperations;
import io.kinesisworkbook.emulator.lambda.runtime.FunctionExecutor;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import io.kinesisworkbook.emulator.lambda.runtime.InvocationResult;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Lambda (REST-JSON, {@code /2015-03-31/functions/...}), for functions written in Java: their
 * code runs in this JVM, each function in a class loader of its own.
 */
public final class LambdaService implements RestService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LambdaService.class.getName());
    /** Where GetFunction's Code.Location points: the emulator serves the uploaded package there. */
    static final String CODE_PATH = "/_workbook/lambda/code/";
    /** AWS's payload limits: 6 MB for a synchronous request or response, 1 MB for an asynchronous one. */
    static final int MAX_SYNC_PAYLOAD = 6_291_456;
    static final int MAX_ASYNC_PAYLOAD = 1_048_576;
    /** The response limit AWS's error message names. */
    static final int MAX_RESPONSE_PAYLOAD = 6_291_556;
    private static final Pattern SIGNED_SERVICE = Pattern.compile("Credential=[^/]*/[^/]*/[^/]+/([^/]+)/");

    private final LambdaContext context;
    private final FunctionOperations functions;
    private final TagOperations tags;
    private final LambdaInvoker invoker;
    private final EventSourceMappingOperations mappings;
    /** Control-plane calls run here, not on the edge's I/O thread: unpacking code takes a moment. */
    private final ExecutorService api;

    public LambdaService(EmulatorOptions options, StreamTap streams, ObjectStore objects) {
        this(options, streams, objects, MetricsSink.DISCARD);
    }

    /** @param metrics where the AWS/Lambda metrics go (CloudWatch's store) */
    public LambdaService(EmulatorOptions options, StreamTap streams, ObjectStore objects, MetricsSink metrics) {
        LambdaMetrics published = new LambdaMetrics(metrics, options.clock());
        context = new LambdaContext(options, objects);
        functions = new FunctionOperations(context);
        tags = new TagOperations(context);
        invoker = new LambdaInvoker(context, published);
        mappings = new EventSourceMappingOperations(options, streams, invoker, new MappingFunctions(), published);
        AtomicInteger threads = new AtomicInteger();
        api = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "lambda-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return "lambda";
    }

    /** The in-process way to invoke functions, for Firehose and event source mappings. */
    public FunctionInvoker invoker() {
        return invoker;
    }

    @Override
    public boolean accepts(RestRequest request) {
        String path = request.path();
        boolean lambdaPath = path.startsWith("/2015-03-31/functions") || path.startsWith("/2015-03-31/event-source-mappings")
                || path.startsWith("/2017-03-31/tags/") || path.startsWith(CODE_PATH);
        if (!lambdaPath) {
            return false;
        }
        // A path-style S3 request to a bucket named "2015-03-31" is S3's: the signature names the service.
        String authorization = request.header("authorization");
        if (authorization != null) {
            Matcher matcher = SIGNED_SERVICE.matcher(authorization);
            if (matcher.find() && !matcher.group(1).equals("lambda")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        List<String> segments = request.segments();
        boolean invoke = segments.size() == 4 && segments.get(1).equals("functions")
                && segments.get(3).equals("invocations") && request.method().equals("POST");
        if (invoke) {
            try {
                return invoke(request, segments.get(2));
            } catch (AwsServiceException e) {
                return CompletableFuture.completedFuture(LambdaErrors.response(e));
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return route(request, segments);
            } catch (AwsServiceException e) {
                return LambdaErrors.response(e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "internal failure answering " + request.method() + " " + request.uri(), e);
                return LambdaErrors.response(new AwsServiceException("ServiceException",
                        "An internal error occurred: " + e, 500));
            }
        }, api);
    }

    private RestResponse route(RestRequest request, List<String> segments) {
        String method = request.method();
        String path = request.path();
        if (path.startsWith(CODE_PATH) && method.equals("GET") && segments.size() == 6) {
            return functions.downloadCode(segments.get(3), segments.get(4), segments.get(5));
        }
        if (segments.size() >= 2 && segments.get(0).equals("2015-03-31") && segments.get(1).equals("functions")) {
            if (segments.size() == 2) {
                switch (method) {
                    case "POST": return functions.create(request);
                    case "GET": return functions.list(request);
                    default: break;
                }
            } else if (segments.size() == 3) {
                switch (method) {
                    case "GET": return functions.get(request, segments.get(2));
                    case "DELETE": return functions.delete(request, segments.get(2));
                    default: break;
                }
            } else if (segments.size() == 4) {
                String name = segments.get(2);
                switch (segments.get(3) + " " + method) {
                    case "configuration GET": return functions.getConfiguration(request, name);
                    case "configuration PUT": return functions.updateConfiguration(request, name);
                    case "code PUT": return functions.updateCode(request, name);
                    case "versions POST": return functions.publishVersion(request, name);
                    case "versions GET": return functions.listVersions(request, name);
                    default: break;
                }
            }
        }
        if (segments.size() >= 2 && segments.get(0).equals("2015-03-31") && segments.get(1).equals("event-source-mappings")) {
            if (segments.size() == 2) {
                switch (method) {
                    case "POST": return mappings.create(request);
                    case "GET": return mappings.list(request);
                    default: break;
                }
            } else if (segments.size() == 3) {
                switch (method) {
                    case "GET": return mappings.get(segments.get(2));
                    case "PUT": return mappings.update(request, segments.get(2));
                    case "DELETE": return mappings.delete(segments.get(2));
                    default: break;
                }
            }
        }
        if (segments.size() == 3 && segments.get(0).equals("2017-03-31") && segments.get(1).equals("tags")) {
            switch (method) {
                case "POST": return tags.tag(request, segments.get(2));
                case "DELETE": return tags.untag(request, segments.get(2));
                case "GET": return tags.list(segments.get(2));
                default: break;
            }
        }
        throw LambdaErrors.unknownOperation(method, path);
    }

    // ---- Invoke --------------------------------------------------------------------------------

    private CompletableFuture<RestResponse> invoke(RestRequest request, String functionName) {
        String type = orDefault(request.header("x-amz-invocation-type"), "RequestResponse");
        String logType = orDefault(request.header("x-amz-log-type"), "None");
        new Validation()
                .oneOf(type, "invocationType", List.of("Event", "RequestResponse", "DryRun"))
                .oneOf(logType, "logType", List.of("None", "Tail"))
                .throwIfAny();
        FunctionRegistry.FunctionName name = functions.parseName(functionName, request);
        String qualifier = FunctionOperations.qualifier(request, name);
        LambdaInvoker.Resolved target = invoker.resolve(request.region(), functionName, qualifier);
        byte[] payload = request.body();
        if (type.equals("DryRun")) {
            return CompletableFuture.completedFuture(LambdaJson.empty(204));
        }
        if (type.equals("Event") && payload.length > MAX_ASYNC_PAYLOAD) {
            throw LambdaErrors.tooLarge("Request must be smaller than " + MAX_ASYNC_PAYLOAD
                    + " bytes for the InvokeAsync operation");
        }
        if (payload.length > MAX_SYNC_PAYLOAD) {
            throw LambdaErrors.tooLarge("Request must be smaller than " + MAX_SYNC_PAYLOAD
                    + " bytes for the InvokeFunction operation");
        }
        checkJson(payload);
        if (type.equals("Event")) {
            invoker.invokeAsync(target, payload);
            return CompletableFuture.completedFuture(LambdaJson.empty(202));
        }
        CompletableFuture<InvocationResult> running;
        try {
            running = invoker.start(target, payload);
        } catch (FunctionExecutor.ThrottledException e) {
            throw LambdaErrors.throttled();
        }
        boolean tail = logType.equals("Tail");
        return running.thenApply(result -> answer(result, tail));
    }

    private static RestResponse answer(InvocationResult result, boolean tail) {
        byte[] payload = result.payload();
        String functionError = result.functionError();
        if (payload.length > MAX_RESPONSE_PAYLOAD) {
            payload = ("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size ("
                    + MAX_RESPONSE_PAYLOAD + " bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            functionError = "Unhandled";
        }
        RestResponse response = RestResponse.of(200, "application/json", payload)
                .withHeader("X-Amz-Executed-Version", result.version())
                .withHeader("x-amzn-RequestId", result.requestId());
        if (functionError != null) {
            response = response.withHeader("X-Amz-Function-Error", functionError);
        }
        if (tail) {
            response = response.withHeader("X-Amz-Log-Result", result.log().tailBase64());
        }
        return response;
    }

    /** AWS refuses a payload that is not JSON before any function sees it. */
    private static void checkJson(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try (var parser = LambdaJson.MAPPER.createParser(payload)) {
            while (parser.nextToken() != null) {
                // read to the end: trailing garbage is an error too
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw LambdaErrors.invalidRequestContent("Could not parse request body into json: Could not parse "
                    + "payload into json: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw LambdaErrors.invalidRequestContent("Could not parse request body into json");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Override
    public void close() {
        mappings.close();
        api.shutdownNow();
        context.close();
    }

    /** What event source mappings need to know of functions. */
    private final class MappingFunctions implements EventSourceMappingOperations.Functions {
        @Override
        public String arnOf(String region, String functionName) {
            FunctionRegistry.FunctionName name = FunctionRegistry.parse(functionName, region);
            if (name == null) {
                return null;
            }
            LambdaFunction function = context.functions.find(name.region(), name.name());
            if (function == null) {
                return null;
            }
            return name.qualifier() == null ? function.arn() : function.arn() + ":" + name.qualifier();
        }

        @Override
        public String roleOf(String functionArn) {
            FunctionRegistry.FunctionName name = FunctionRegistry.parse(functionArn, null);
            LambdaFunction function = name == null ? null : context.functions.find(name.region(), name.name());
            return function == null ? null : function.latest().config().role();
        }
    }
}
