package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.SeriesKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and checks what names a metric: a namespace, a metric name and up to 30 dimensions, with
 * CloudWatch's limits and words. {@code path} is the member's name the query protocol's way
 * ({@code MetricData.member.3}), which messages use.
 */
final class MetricNames {

    static final int MAX_DIMENSIONS = 30;
    static final List<String> UNITS = List.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private MetricNames() {
    }

    static String namespace(Members members, String member, boolean required) {
        String namespace = members.string("Namespace");
        if (namespace == null) {
            if (required) {
                throw CloudWatchErrors.missingParameter(member);
            }
            return null;
        }
        length(namespace, member, 1, 255);
        if (namespace.startsWith(":")) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + member + " must not start with ':'.");
        }
        return namespace;
    }

    static String metricName(Members members, String member, boolean required) {
        String name = members.string("MetricName");
        if (name == null) {
            if (required) {
                throw CloudWatchErrors.missingParameter(member);
            }
            return null;
        }
        length(name, member, 1, 255);
        return name;
    }

    /** A metric's dimensions ({@code Dimensions}), sorted by name; a name given twice is refused. */
    static Map<String, String> dimensions(Members members, String path) {
        List<Members> list = members.structureList("Dimensions");
        if (list.size() > MAX_DIMENSIONS) {
            throw CloudWatchErrors.tooMany(path + "Dimensions", MAX_DIMENSIONS);
        }
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            String member = path + "Dimensions.member." + (i + 1);
            String name = list.get(i).string("Name");
            String value = list.get(i).string("Value");
            if (name == null) {
                throw CloudWatchErrors.missingParameter(member + ".Name");
            }
            if (value == null) {
                throw CloudWatchErrors.missingParameter(member + ".Value");
            }
            length(name, member + ".Name", 1, 255);
            length(value, member + ".Value", 1, 1024);
            if (dimensions.put(name, value) != null) {
                throw CloudWatchErrors.invalidParameterValue("No metric may have duplicate dimension names. The "
                        + "dimension name " + name + " is given more than once in " + path + "Dimensions.");
            }
        }
        return dimensions;
    }

    /** A {@code Metric} structure (MetricStat's): namespace, name and dimensions. */
    static SeriesKey metric(Members metric, String path) {
        String namespace = namespace(metric, path + "Namespace", true);
        String name = metricName(metric, path + "MetricName", true);
        return new SeriesKey(namespace, name, dimensions(metric, path));
    }

    static String unit(Members members, String member) {
        String unit = members.string("Unit");
        if (unit != null && !UNITS.contains(unit)) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + member + " must be a value in the set [ "
                    + String.join(", ", UNITS) + " ].");
        }
        return unit;
    }

    static void length(String value, String member, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + member + " must not be empty.");
        }
        if (length > max) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + member + " must be shorter than "
                    + (max + 1) + " characters.");
        }
    }
}
