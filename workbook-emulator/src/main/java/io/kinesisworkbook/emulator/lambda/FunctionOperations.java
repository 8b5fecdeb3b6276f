package io.kinesisworkbook.emulator.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.lambda.runtime.DeploymentPackage;
import io.kinesisworkbook.emulator.lambda.runtime.FunctionRuntime;
import io.kinesisworkbook.emulator.lambda.runtime.FunctionSetup;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions, UpdateFunctionCode,
 * UpdateFunctionConfiguration, DeleteFunction, PublishVersion and ListVersionsByFunction.
 */
final class FunctionOperations {

    /** The runtimes this emulator runs: Java, with the JVM it runs in. */
    static final List<String> JAVA_RUNTIMES = List.of("java17", "java21");
    /** Every value of AWS's Runtime enum: others are a validation error, these an unsupported runtime. */
    private static final List<String> KNOWN_RUNTIMES = List.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
            "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "java8", "java8.al2", "java11", "python2.7",
            "python3.6", "python3.7", "python3.8", "python3.9", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
            "dotnetcore3.1", "dotnet6", "dotnet8", "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7", "provided",
            "provided.al2", "nodejs18.x", "python3.10", "java17", "ruby3.2", "ruby3.3", "ruby3.4", "python3.11",
            "nodejs20.x", "provided.al2023", "python3.12", "java21", "python3.13", "nodejs22.x", "nodejs24.x",
            "python3.14", "java25", "dotnet10");
    /** Variables AWS sets itself and refuses in Environment.Variables. */
    private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final Pattern NAME = Pattern.compile(
            "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final DateTimeFormatter LOG_STREAM_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int DEFAULT_PAGE = 50;

    private final LambdaContext context;

    FunctionOperations(LambdaContext context) {
        this.context = context;
    }

    // ---- CreateFunction ------------------------------------------------------------------------

    RestResponse create(RestRequest request) {
        Members body = LambdaJson.body(request.body());
        String functionName = body.string("FunctionName");
        String runtime = body.string("Runtime");
        String handler = body.string("Handler");
        String role = body.string("Role");
        Integer timeout = body.integer("Timeout");
        Integer memory = body.integer("MemorySize");
        String description = body.string("Description");
        Members code = body.structure("Code");
        Members environment = body.structure("Environment");
        Members storage = body.structure("EphemeralStorage");
        Validation validation = new Validation()
                .notNull(functionName, "functionName").length(functionName, "functionName", 1, 140)
                .pattern(functionName, "functionName", NAME)
                .notNull(role, "role").pattern(role, "role", ROLE)
                .notNull(code, "code");
        checkConfiguration(validation, runtime, handler, timeout, memory, description);
        validation.throwIfAny();
        String packageType = body.string("PackageType");
        if (packageType != null && !packageType.equals("Zip")) {
            throw LambdaErrors.invalidParameter("The emulator runs .zip and .jar deployment packages of Java "
                    + "functions only; PackageType " + packageType + " is not supported.");
        }
        if (runtime == null || handler == null) {
            throw LambdaErrors.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        checkRuntime(runtime);
        Map<String, String> variables = environment == null ? Map.of() : variables(environment);
        FunctionRegistry.FunctionName name = FunctionRegistry.parse(functionName, request.region());
        if (context.functions.find(name.region(), name.name()) != null) {
            throw LambdaErrors.conflict("Function already exist: " + name.name());
        }
        FunctionConfiguration config = new FunctionConfiguration(runtime, handler, role,
                timeout == null ? FunctionConfiguration.DEFAULT_TIMEOUT : timeout,
                memory == null ? FunctionConfiguration.DEFAULT_MEMORY : memory,
                description == null ? "" : description, variables, architectures(body),
                storage == null || storage.integer("Size") == null ? 512 : storage.integer("Size"));
        DeploymentPackage deployment = deploymentPackage(code);
        String arn = context.functions.arn(name.region(), name.name());
        FunctionVersion latest = version(name.region(), name.name(), arn, FunctionVersion.LATEST, config, deployment);
        LambdaFunction function = new LambdaFunction(name.region(), name.name(), arn, latest, context.settlesAt());
        Map<String, String> tags = body.stringMap("Tags");
        if (tags != null) {
            function.tag(tags);
        }
        if (context.functions.putIfAbsent(function) != null) {
            latest.runtime().retire();
            deployment.delete();
            throw LambdaErrors.conflict("Function already exist: " + name.name());
        }
        function.settle(context.clock.millis());
        FunctionVersion shown = latest;
        if (Boolean.TRUE.equals(body.bool("Publish"))) {
            shown = publish(function, latest.config().description());
        }
        return LambdaJson.response(201, describe(function, shown));
    }

    // ---- Get, List -----------------------------------------------------------------------------

    RestResponse get(RestRequest request, String functionName) {
        Target target = target(request, functionName);
        ObjectNode answer = LambdaJson.MAPPER.createObjectNode();
        answer.set("Configuration", describe(target.function(), target.version()));
        ObjectNode code = answer.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", codeLocation(request, target));
        Map<String, String> tags = target.function().tags();
        if (!tags.isEmpty()) {
            ObjectNode tagNode = answer.putObject("Tags");
            tags.forEach(tagNode::put);
        }
        return LambdaJson.response(200, answer);
    }

    RestResponse getConfiguration(RestRequest request, String functionName) {
        Target target = target(request, functionName);
        return LambdaJson.response(200, describe(target.function(), target.version()));
    }

    RestResponse list(RestRequest request) {
        Map<String, String> query = request.query();
        Integer maxItems = maxItems(query.get("MaxItems"));
        boolean all = "ALL".equals(query.get("FunctionVersion"));
        if (query.containsKey("FunctionVersion") && !all) {
            new Validation().oneOf(query.get("FunctionVersion"), "functionVersion", List.of("ALL")).throwIfAny();
        }
        List<ObjectNode> entries = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (LambdaFunction function : context.functions.list(request.region())) {
            entries.add(describe(function, function.latest()));
            keys.add(function.name() + ":" + FunctionVersion.LATEST);
            if (all) {
                for (FunctionVersion version : function.publishedVersions()) {
                    entries.add(describe(function, version));
                    keys.add(function.name() + ":" + version.version());
                }
            }
        }
        return page(entries, keys, query.get("Marker"), maxItems, "Functions");
    }

    RestResponse listVersions(RestRequest request, String functionName) {
        Target target = target(request, functionName);
        LambdaFunction function = target.function();
        List<ObjectNode> entries = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        entries.add(describe(function, function.latest()));
        keys.add(FunctionVersion.LATEST);
        for (FunctionVersion version : function.publishedVersions()) {
            entries.add(describe(function, version));
            keys.add(version.version());
        }
        Map<String, String> query = request.query();
        return page(entries, keys, query.get("Marker"), maxItems(query.get("MaxItems")), "Versions");
    }

    private static Integer maxItems(String text) {
        if (text == null) {
            return null;
        }
        Integer value;
        try {
            value = Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw io.kinesisworkbook.emulator.http.AwsServiceException.serialization(
                    "Value '" + text + "' at 'maxItems' is not a valid integer");
        }
        new Validation().range(value, "maxItems", 1, 10000).throwIfAny();
        return value;
    }

    /** One page: entries after the marker (an opaque token naming the last entry of the page before). */
    private static RestResponse page(List<ObjectNode> entries, List<String> keys, String marker, Integer maxItems,
                                     String member) {
        int from = 0;
        if (marker != null && !marker.isEmpty()) {
            String after = decodeMarker(marker);
            int at = keys.indexOf(after);
            from = at >= 0 ? at + 1 : keys.size();
            for (int i = 0; at < 0 && i < keys.size(); i++) {
                if (keys.get(i).compareTo(after) > 0) { // the entry it named is gone: go on from its place
                    from = i;
                    break;
                }
            }
        }
        int size = maxItems == null ? DEFAULT_PAGE : maxItems;
        int to = Math.min(entries.size(), from + size);
        ObjectNode answer = LambdaJson.MAPPER.createObjectNode();
        ArrayNode list = answer.putArray(member);
        for (int i = from; i < to; i++) {
            list.add(entries.get(i));
        }
        if (to < entries.size()) {
            answer.put("NextMarker", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(keys.get(to - 1).getBytes(StandardCharsets.UTF_8)));
        }
        return LambdaJson.response(200, answer);
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidParameter("Invalid marker: " + marker);
        }
    }

    // ---- Updates -------------------------------------------------------------------------------

    RestResponse updateCode(RestRequest request, String functionName) {
        Members body = LambdaJson.body(request.body());
        Target target = target(request, functionName);
        requireUnqualified(target);
        LambdaFunction function = target.function();
        checkRevision(body, function);
        if (!function.ready()) {
            throw LambdaErrors.notReady(function);
        }
        DeploymentPackage deployment = deploymentPackage(body);
        FunctionVersion current = function.latest();
        if (Boolean.TRUE.equals(body.bool("DryRun"))) {
            deployment.delete();
            return LambdaJson.response(200, describe(function, current));
        }
        FunctionVersion next = version(function.region(), function.name(), function.arn(), FunctionVersion.LATEST,
                current.config(), deployment);
        function.update(next, context.settlesAt());
        function.settle(context.clock.millis());
        FunctionVersion shown = function.latest();
        if (Boolean.TRUE.equals(body.bool("Publish"))) {
            shown = publish(function, current.config().description());
        }
        return LambdaJson.response(200, describe(function, shown));
    }

    RestResponse updateConfiguration(RestRequest request, String functionName) {
        Members body = LambdaJson.body(request.body());
        Target target = target(request, functionName);
        requireUnqualified(target);
        LambdaFunction function = target.function();
        String runtime = body.string("Runtime");
        String handler = body.string("Handler");
        String role = body.string("Role");
        Integer timeout = body.integer("Timeout");
        Integer memory = body.integer("MemorySize");
        String description = body.string("Description");
        Validation validation = new Validation().pattern(role, "role", ROLE);
        checkConfiguration(validation, runtime, handler, timeout, memory, description);
        validation.throwIfAny();
        if (runtime != null) {
            checkRuntime(runtime);
        }
        checkRevision(body, function);
        if (!function.ready()) {
            throw LambdaErrors.notReady(function);
        }
        FunctionVersion current = function.latest();
        FunctionConfiguration old = current.config();
        Members environment = body.structure("Environment");
        Members storage = body.structure("EphemeralStorage");
        FunctionConfiguration config = new FunctionConfiguration(
                runtime != null ? runtime : old.runtime(),
                handler != null ? handler : old.handler(),
                role != null ? role : old.role(),
                timeout != null ? timeout : old.timeout(),
                memory != null ? memory : old.memorySize(),
                description != null ? description : old.description(),
                environment != null ? variables(environment) : old.variables(),
                old.architectures(),
                storage != null && storage.integer("Size") != null ? storage.integer("Size") : old.ephemeralStorage());
        FunctionVersion next = version(function.region(), function.name(), function.arn(), FunctionVersion.LATEST,
                config, current.code());
        function.update(next, context.settlesAt());
        function.settle(context.clock.millis());
        return LambdaJson.response(200, describe(function, function.latest()));
    }

    RestResponse publishVersion(RestRequest request, String functionName) {
        Members body = LambdaJson.body(request.body());
        Target target = target(request, functionName);
        requireUnqualified(target);
        LambdaFunction function = target.function();
        checkRevision(body, function);
        String sha = body.string("CodeSha256");
        if (sha != null && !sha.equals(function.latest().code().sha256())) {
            throw LambdaErrors.invalidParameter("CodeSHA256 (" + sha + ") is different from current CodeSHA256 in "
                    + "$LATEST (" + function.latest().code().sha256() + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        if (!function.ready()) {
            throw LambdaErrors.notReady(function);
        }
        String description = body.string("Description");
        FunctionVersion version = publish(function, description != null ? description : function.latest().config().description());
        return LambdaJson.response(201, describe(function, version));
    }

    /** Publishes $LATEST, unless the newest version already has the same code and configuration. */
    private FunctionVersion publish(LambdaFunction function, String description) {
        synchronized (function) {
            FunctionVersion latest = function.latest();
            FunctionVersion last = function.lastPublished();
            if (last != null && last.code().sha256().equals(latest.code().sha256())
                    && withDescription(last.config(), "").equals(withDescription(latest.config(), ""))) {
                return last;
            }
            String number = Integer.toString(function.nextVersionNumber());
            FunctionVersion published = version(function.region(), function.name(), function.arn(), number,
                    withDescription(latest.config(), description), latest.code());
            function.publish(published);
            return published;
        }
    }

    private static FunctionConfiguration withDescription(FunctionConfiguration c, String description) {
        return new FunctionConfiguration(c.runtime(), c.handler(), c.role(), c.timeout(), c.memorySize(), description,
                c.variables(), c.architectures(), c.ephemeralStorage());
    }

    // ---- DeleteFunction ------------------------------------------------------------------------

    RestResponse delete(RestRequest request, String functionName) {
        FunctionRegistry.FunctionName name = parseName(functionName, request);
        String qualifier = qualifier(request, name);
        LambdaFunction function = context.functions.find(name.region(), name.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(context.functions.arn(name.region(), name.name()));
        }
        if (qualifier != null && !qualifier.equals(FunctionVersion.LATEST)) {
            if (!qualifier.matches("\\d+") || !function.deleteVersion(qualifier)) {
                throw LambdaErrors.functionNotFound(function.arn() + ":" + qualifier);
            }
            return LambdaJson.empty(204);
        }
        if (qualifier != null) {
            throw LambdaErrors.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        if (context.functions.remove(function)) {
            for (FunctionVersion version : function.allVersions()) {
                version.runtime().retire();
            }
        }
        return LambdaJson.empty(204);
    }

    RestResponse downloadCode(String region, String name, String version) {
        LambdaFunction function = context.functions.find(region, name);
        FunctionVersion found = function == null ? null : function.version(version);
        if (found == null) {
            return RestResponse.of(404, "text/plain", "NoSuchKey".getBytes(StandardCharsets.UTF_8));
        }
        return RestResponse.of(200, "application/zip", found.code().zip());
    }

    // ---- shared --------------------------------------------------------------------------------

    /** A function and the version a request names (FunctionName's qualifier or the Qualifier parameter). */
    record Target(LambdaFunction function, FunctionVersion version, String qualifier) {
    }

    Target target(RestRequest request, String functionName) {
        FunctionRegistry.FunctionName name = parseName(functionName, request);
        String qualifier = qualifier(request, name);
        LambdaFunction function = context.functions.find(name.region(), name.name());
        String arn = context.functions.arn(name.region(), name.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(qualifier == null ? arn : arn + ":" + qualifier);
        }
        FunctionVersion version = function.version(qualifier);
        if (version == null) {
            throw LambdaErrors.functionNotFound(arn + ":" + qualifier);
        }
        return new Target(function, version, qualifier);
    }

    FunctionRegistry.FunctionName parseName(String functionName, RestRequest request) {
        new Validation().length(functionName, "functionName", 1, 170).pattern(functionName, "functionName", NAME)
                .throwIfAny();
        return FunctionRegistry.parse(functionName, request.region());
    }

    static String qualifier(RestRequest request, FunctionRegistry.FunctionName name) {
        String fromQuery = request.query().get("Qualifier");
        if (fromQuery != null && name.qualifier() != null && !fromQuery.equals(name.qualifier())) {
            throw LambdaErrors.invalidParameter("The derived qualifier from the function name does not match the "
                    + "specified qualifier.");
        }
        return fromQuery != null ? fromQuery : name.qualifier();
    }

    private static void requireUnqualified(Target target) {
        if (target.qualifier() != null && !target.qualifier().equals(FunctionVersion.LATEST)) {
            throw LambdaErrors.invalidParameter("Current operation does not support versions other than $LATEST. "
                    + "Please set version to $LATEST or do not set a version in your request.");
        }
    }

    private static void checkRevision(Members body, LambdaFunction function) {
        String revision = body.string("RevisionId");
        if (revision != null && !revision.equals(function.latest().revisionId())) {
            throw LambdaErrors.preconditionFailed();
        }
    }

    private static void checkConfiguration(Validation validation, String runtime, String handler, Integer timeout,
                                           Integer memory, String description) {
        validation.oneOf(runtime, "runtime", KNOWN_RUNTIMES)
                .length(handler, "handler", 0, 128).pattern(handler, "handler", HANDLER)
                .range(timeout, "timeout", 1, Integer.MAX_VALUE)
                .range(memory, "memorySize", 128, 10240)
                .length(description, "description", 0, 256);
        if (timeout != null && timeout > 900) {
            validation.range(timeout, "timeout", 1, 900);
        }
    }

    private static void checkRuntime(String runtime) {
        if (!JAVA_RUNTIMES.contains(runtime)) {
            throw LambdaErrors.invalidParameter("The runtime parameter of " + runtime + " is not supported by this "
                    + "emulator: it runs Java functions only, with runtime java17 or java21.");
        }
    }

    private static List<String> architectures(Members body) {
        List<String> architectures = body.stringList("Architectures");
        if (architectures == null || architectures.isEmpty()) {
            return List.of("x86_64");
        }
        new Validation().size(architectures, "architectures", 1, 1).throwIfAny();
        new Validation().oneOf(architectures.get(0), "architectures", List.of("x86_64", "arm64")).throwIfAny();
        return architectures;
    }

    private static Map<String, String> variables(Members environment) {
        Map<String, String> variables = environment.stringMap("Variables");
        if (variables == null) {
            return Map.of();
        }
        List<String> reserved = variables.keySet().stream().filter(RESERVED_VARIABLES::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because "
                    + "the environment variables you have provided contains reserved keys that are currently not "
                    + "supported for modification. Reserved keys used in this request: " + String.join(", ", reserved));
        }
        for (String key : variables.keySet()) {
            if (!VARIABLE_NAME.matcher(key).matches()) {
                throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because "
                        + "the environment variables you have provided contains invalid keys. Invalid keys used in "
                        + "this request: " + key);
            }
        }
        int size = 0;
        for (Map.Entry<String, String> entry : variables.entrySet()) {
            size += entry.getKey().length() + (entry.getValue() == null ? 0 : entry.getValue().length());
        }
        if (size > 4096) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because "
                    + "the environment variables you have provided exceeded the 4KB limit. String measured: "
                    + LambdaJson.MAPPER.valueToTree(variables));
        }
        return variables;
    }

    /** Code.ZipFile, or Code.S3Bucket and S3Key through the emulator's S3. */
    private DeploymentPackage deploymentPackage(Members code) {
        byte[] zip = code.blob("ZipFile");
        String bucket = code.string("S3Bucket");
        String key = code.string("S3Key");
        if (code.string("ImageUri") != null) {
            throw LambdaErrors.invalidParameter("The emulator runs .zip and .jar deployment packages of Java functions "
                    + "only; container images (ImageUri) are not supported.");
        }
        if (zip == null && bucket != null && key != null) {
            zip = readFromS3(bucket, key);
        }
        if (zip == null) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        try {
            return context.unpack(zip);
        } catch (DeploymentPackage.InvalidPackageException e) {
            throw LambdaErrors.invalidParameter(e.getMessage());
        }
    }

    private byte[] readFromS3(String bucket, String key) {
        ObjectStore objects = context.objects;
        if (!objects.bucketExists(bucket)) {
            throw LambdaErrors.invalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchBucket. "
                    + "S3 Error Message: The specified bucket does not exist");
        }
        byte[] zip = objects.getObject(bucket, key);
        if (zip == null) {
            throw LambdaErrors.invalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchKey. "
                    + "S3 Error Message: The specified key does not exist.");
        }
        return zip;
    }

    /** A version ready to run: its configuration, code and a runtime of its own. */
    private FunctionVersion version(String region, String name, String arn, String number,
                                    FunctionConfiguration config, DeploymentPackage code) {
        long now = context.clock.millis();
        String logStream = LOG_STREAM_DATE.format(Instant.ofEpochMilli(now)) + "/[" + number + "]"
                + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> environment = new LinkedHashMap<>(config.variables());
        environment.put("_HANDLER", config.handler());
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySize()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", number);
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        environment.put("LAMBDA_TASK_ROOT", code.directory().toString());
        environment.put("TZ", ":UTC");
        FunctionSetup setup = new FunctionSetup(name, arn, number, region, config.handler(), config.timeout(),
                config.memorySize(), environment, logStream);
        FunctionRuntime runtime = context.executor.runtime(setup, code);
        return new FunctionVersion(number, config, code, runtime, UUID.randomUUID().toString(), now);
    }

    /** The FunctionConfiguration structure AWS returns. */
    ObjectNode describe(LambdaFunction function, FunctionVersion version) {
        FunctionConfiguration config = version.config();
        boolean latest = version.version().equals(FunctionVersion.LATEST);
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        node.put("FunctionName", function.name());
        node.put("FunctionArn", latest ? function.arn() : function.arn() + ":" + version.version());
        node.put("Runtime", config.runtime());
        node.put("Role", config.role());
        node.put("Handler", config.handler());
        node.put("CodeSize", version.code().size());
        node.put("Description", config.description());
        node.put("Timeout", config.timeout());
        node.put("MemorySize", config.memorySize());
        node.put("LastModified", LambdaJson.lastModified(version.lastModified()));
        node.put("CodeSha256", version.code().sha256());
        node.put("Version", version.version());
        if (!config.variables().isEmpty()) {
            ObjectNode variables = node.putObject("Environment").putObject("Variables");
            config.variables().forEach(variables::put);
        }
        node.putObject("TracingConfig").put("Mode", "PassThrough");
        node.put("RevisionId", version.revisionId());
        String state = latest ? function.state() : "Active";
        node.put("State", state);
        if (state.equals("Pending")) {
            node.put("StateReason", "The function is being created.");
            node.put("StateReasonCode", "Creating");
        }
        String updateStatus = latest ? function.lastUpdateStatus() : "Successful";
        if (updateStatus != null) {
            node.put("LastUpdateStatus", updateStatus);
            if (updateStatus.equals("InProgress")) {
                node.put("LastUpdateStatusReason", "The function is being created.");
                node.put("LastUpdateStatusReasonCode", "Creating");
            }
        }
        node.put("PackageType", "Zip");
        ArrayNode architectures = node.putArray("Architectures");
        config.architectures().forEach(architectures::add);
        node.putObject("EphemeralStorage").put("Size", config.ephemeralStorage());
        ObjectNode snapStart = node.putObject("SnapStart");
        snapStart.put("ApplyOn", "None");
        snapStart.put("OptimizationStatus", "Off");
        ObjectNode logging = node.putObject("LoggingConfig");
        logging.put("LogFormat", "Text");
        logging.put("LogGroup", "/aws/lambda/" + function.name());
        return node;
    }

    private String codeLocation(RestRequest request, Target target) {
        String host = request.header("host");
        return "http://" + (host == null ? "127.0.0.1" : host) + LambdaService.CODE_PATH + target.function().region()
                + "/" + target.function().name() + "/" + target.version().version().replace("$", "%24");
    }
}
