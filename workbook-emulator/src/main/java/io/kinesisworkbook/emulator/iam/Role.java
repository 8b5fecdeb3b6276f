package io.kinesisworkbook.emulator.iam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One IAM role: its trust policy, its inline policies by name, its tags. Guarded by its registry. */
final class Role {

    final String name;
    final String path;
    final String id;
    final String arn;
    final long createdMillis;
    final String description;
    final int maxSessionDuration;
    String assumeRolePolicy;
    final Map<String, String> inlinePolicies = new TreeMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    Role(String name, String path, String id, String arn, long createdMillis, String description, int maxSessionDuration,
         String assumeRolePolicy) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.createdMillis = createdMillis;
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
        this.assumeRolePolicy = assumeRolePolicy;
    }
}
