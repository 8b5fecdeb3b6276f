package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.regex.Pattern;

/**
 * An extended S3 destination: where and how a delivery stream writes.
 *
 * @param bucketArn             {@code arn:aws:s3:::bucket}
 * @param bufferSizeBytes       deliver when this much is buffered (BufferingHints.SizeInMBs, 1-128, default 5)
 * @param bufferIntervalMillis  or when the oldest buffered record is this old (IntervalInSeconds, 0-900, default 300)
 * @param transform             the Lambda processor, or null
 * @param fileExtension         FileExtension: ends every delivered object's key in place of the
 *                              compression's extension; null (or empty) for the compression's
 */
record S3Destination(String roleArn, String bucketArn, String prefix, String errorOutputPrefix, long bufferSizeBytes,
                     long bufferIntervalMillis, Compression compression, LambdaTransform transform,
                     String fileExtension) {

    static final Pattern BUCKET_ARN = Pattern.compile("arn:[\\w-]+:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** FileExtension's pattern in AWS's model. */
    static final Pattern FILE_EXTENSION = Pattern.compile("^$|\\.[0-9a-z!\\-_.*'()]+");
    static final int DEFAULT_SIZE_MB = 5;
    static final int DEFAULT_INTERVAL_SECONDS = 300;

    /**
     * The Lambda processor of a destination.
     *
     * @param retries      NumberOfRetries: further attempts after a failed invocation (default 3)
     * @param bufferBytes  how much goes into one invocation (BufferSizeInMBs, default 1 MB; Lambda takes at most 6 MB)
     */
    record LambdaTransform(String lambdaArn, int retries, long bufferBytes) {
    }

    String bucket() {
        return bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
    }

    /** What a delivered object's key ends with: the FileExtension if set, else the compression's ({@code .gz}, ...). */
    String extension() {
        return fileExtension == null || fileExtension.isEmpty() ? compression.extension() : fileExtension;
    }

    /** Reads an ExtendedS3DestinationConfiguration (or the older S3DestinationConfiguration). */
    static S3Destination parse(Members config, String member) {
        String roleArn = config.string("RoleARN");
        String bucketArn = config.string("BucketARN");
        String fileExtension = config.string("FileExtension");
        new Validation().notNull(roleArn, member + ".roleARN").notNull(bucketArn, member + ".bucketARN")
                .length(roleArn, member + ".roleARN", 1, 512)
                .pattern(bucketArn, member + ".bucketARN", BUCKET_ARN)
                .length(fileExtension, member + ".fileExtension", 0, 128)
                .pattern(fileExtension, member + ".fileExtension", FILE_EXTENSION).throwIfAny();
        return new S3Destination(roleArn, bucketArn, config.string("Prefix"), config.string("ErrorOutputPrefix"),
                sizeBytes(config.structure("BufferingHints"), null), intervalMillis(config.structure("BufferingHints"), null),
                Compression.of(config.string("CompressionFormat")), transform(config.structure("ProcessingConfiguration"), null),
                fileExtension).validated();
    }

    /** This destination with an ExtendedS3DestinationUpdate applied: only the members it names change. */
    S3Destination update(Members update) {
        String newBucket = update.string("BucketARN");
        String newExtension = update.string("FileExtension");
        new Validation().pattern(newBucket, "extendedS3DestinationUpdate.bucketARN", BUCKET_ARN)
                .length(newExtension, "extendedS3DestinationUpdate.fileExtension", 0, 128)
                .pattern(newExtension, "extendedS3DestinationUpdate.fileExtension", FILE_EXTENSION).throwIfAny();
        Members hints = update.structure("BufferingHints");
        return new S3Destination(or(update.string("RoleARN"), roleArn), or(newBucket, bucketArn),
                update.has("Prefix") ? update.string("Prefix") : prefix,
                update.has("ErrorOutputPrefix") ? update.string("ErrorOutputPrefix") : errorOutputPrefix,
                sizeBytes(hints, this), intervalMillis(hints, this),
                update.has("CompressionFormat") ? Compression.of(update.string("CompressionFormat")) : compression,
                update.has("ProcessingConfiguration") ? transform(update.structure("ProcessingConfiguration"), this) : transform,
                update.has("FileExtension") ? newExtension : fileExtension).validated();
    }

    private S3Destination validated() {
        Prefixes.validate(prefix, errorOutputPrefix);
        return this;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static long sizeBytes(Members hints, S3Destination current) {
        Integer size = hints == null ? null : hints.integer("SizeInMBs");
        new Validation().range(size, "bufferingHints.sizeInMBs", 1, 128).throwIfAny();
        if (size == null) {
            return current != null ? current.bufferSizeBytes : DEFAULT_SIZE_MB * 1024L * 1024;
        }
        return size * 1024L * 1024;
    }

    private static long intervalMillis(Members hints, S3Destination current) {
        Integer seconds = hints == null ? null : hints.integer("IntervalInSeconds");
        new Validation().range(seconds, "bufferingHints.intervalInSeconds", 0, 900).throwIfAny();
        if (seconds == null) {
            return current != null ? current.bufferIntervalMillis : DEFAULT_INTERVAL_SECONDS * 1000L;
        }
        return seconds * 1000L;
    }

    private static LambdaTransform transform(Members processing, S3Destination current) {
        if (processing == null || !Boolean.TRUE.equals(processing.bool("Enabled"))) {
            return null;
        }
        for (Members processor : processing.structureList("Processors")) {
            if (!"Lambda".equals(processor.string("Type"))) {
                throw FirehoseErrors.invalidArgument("Processor type " + processor.string("Type")
                        + " is not supported by the embedded emulator; only Lambda is.");
            }
            String lambdaArn = null;
            int retries = 3;
            long bufferBytes = 1024L * 1024;
            for (Members parameter : processor.structureList("Parameters")) {
                String value = parameter.string("ParameterValue");
                switch (String.valueOf(parameter.string("ParameterName"))) {
                    case "LambdaArn" -> lambdaArn = value;
                    case "RoleArn" -> { }   // the emulator checks no roles
                    case "NumberOfRetries" -> retries = parseInt(value, "NumberOfRetries", 0, 300);
                    case "BufferSizeInMBs" -> bufferBytes = parseInt(value, "BufferSizeInMBs", 1, 3) * 1024L * 1024;
                    case "BufferIntervalInSeconds" -> parseInt(value, "BufferIntervalInSeconds", 60, 900);
                    default -> throw FirehoseErrors.invalidArgument("Unsupported processor parameter "
                            + parameter.string("ParameterName") + ".");
                }
            }
            if (lambdaArn == null) {
                throw FirehoseErrors.invalidArgument("LambdaArn must be specified for a Lambda processor.");
            }
            return new LambdaTransform(lambdaArn, retries, bufferBytes);
        }
        return current == null ? null : current.transform;
    }

    private static int parseInt(String value, String parameter, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // falls through to AWS's error below
        }
        throw FirehoseErrors.invalidArgument("Processor parameter " + parameter + " must be an integer between " + min
                + " and " + max + ", not " + value + ".");
    }

    /** ExtendedS3DestinationDescription. */
    ObjectNode describeExtended() {
        ObjectNode description = describeBasic();
        if (prefix != null) {
            description.put("Prefix", prefix);
        }
        if (errorOutputPrefix != null) {
            description.put("ErrorOutputPrefix", errorOutputPrefix);
        }
        ObjectNode processing = description.putObject("ProcessingConfiguration");
        processing.put("Enabled", transform != null);
        ArrayNode processors = processing.putArray("Processors");
        if (transform != null) {
            ObjectNode processor = processors.addObject().put("Type", "Lambda");
            ArrayNode parameters = processor.putArray("Parameters");
            parameters.addObject().put("ParameterName", "LambdaArn").put("ParameterValue", transform.lambdaArn());
            parameters.addObject().put("ParameterName", "NumberOfRetries")
                    .put("ParameterValue", Integer.toString(transform.retries()));
            parameters.addObject().put("ParameterName", "BufferSizeInMBs")
                    .put("ParameterValue", Long.toString(transform.bufferBytes() / (1024 * 1024)));
        }
        if (fileExtension != null) {
            description.put("FileExtension", fileExtension);
        }
        description.put("S3BackupMode", "Disabled");
        return description;
    }

    /** S3DestinationDescription: the destination without its extended settings. */
    ObjectNode describeBasic() {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.put("RoleARN", roleArn).put("BucketARN", bucketArn);
        if (prefix != null) {
            description.put("Prefix", prefix);
        }
        description.putObject("BufferingHints").put("SizeInMBs", bufferSizeBytes / (1024 * 1024))
                .put("IntervalInSeconds", bufferIntervalMillis / 1000);
        description.put("CompressionFormat", compression.name());
        description.putObject("EncryptionConfiguration").put("NoEncryptionConfig", "NoEncryption");
        description.putObject("CloudWatchLoggingOptions").put("Enabled", false);
        return description;
    }
}
