package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every function, by region and name, and how the API's FunctionName (a name or an ARN) finds one. */
final class FunctionRegistry {

    /** A name, a partial ARN ({@code 123456789012:function:name}) or a full ARN, each with an optional qualifier. */
    private static final Pattern FUNCTION_NAME = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\\d):)?(?:(\\d{12}):)?(?:function:)?([a-zA-Z0-9_-]+)(?::(\\$LATEST|[a-zA-Z0-9_-]+))?");

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, ConcurrentSkipListMap<String, LambdaFunction>> byRegion = new ConcurrentHashMap<>();

    FunctionRegistry(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    String accountId() {
        return accountId;
    }

    /**
     * What a FunctionName names.
     *
     * @param region    the request's region, or the one in the ARN
     * @param name      the function's name
     * @param qualifier a version (or alias) from the ARN, or null
     */
    record FunctionName(String region, String name, String qualifier) {
    }

    /** Parses a FunctionName; null when it is not one (the caller reports AWS's validation error). */
    static FunctionName parse(String functionName, String requestRegion) {
        if (functionName == null) {
            return null;
        }
        Matcher matcher = FUNCTION_NAME.matcher(functionName);
        if (!matcher.matches()) {
            return null;
        }
        String region = matcher.group(1) != null ? matcher.group(1) : requestRegion;
        return new FunctionName(region, matcher.group(3), matcher.group(4));
    }

    String arn(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /** The function, settled against the clock, or null. */
    LambdaFunction find(String region, String name) {
        Map<String, LambdaFunction> functions = byRegion.get(region);
        LambdaFunction function = functions == null ? null : functions.get(name);
        if (function != null) {
            function.settle(clock.millis());
        }
        return function;
    }

    /** Adds a function unless one of that name exists; returns the one that was there, or null. */
    LambdaFunction putIfAbsent(LambdaFunction function) {
        return byRegion.computeIfAbsent(function.region(), r -> new ConcurrentSkipListMap<>())
                .putIfAbsent(function.name(), function);
    }

    boolean remove(LambdaFunction function) {
        Map<String, LambdaFunction> functions = byRegion.get(function.region());
        return functions != null && functions.remove(function.name(), function);
    }

    /** A region's functions in name order, settled. */
    List<LambdaFunction> list(String region) {
        Map<String, LambdaFunction> functions = byRegion.get(region);
        List<LambdaFunction> all = functions == null ? new ArrayList<>() : new ArrayList<>(functions.values());
        all.forEach(f -> f.settle(clock.millis()));
        return all;
    }

    List<LambdaFunction> all() {
        List<LambdaFunction> all = new ArrayList<>();
        byRegion.values().forEach(functions -> all.addAll(functions.values()));
        return all;
    }
}
