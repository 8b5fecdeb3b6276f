package io.kinesisworkbook.emulator.http;

import java.util.Set;

/**
 * A target service whose operations are a table by name ({@link Operations}): the service
 * registers each operation in its constructor, and a call goes to the one it names.
 */
public abstract class OperationsService implements TargetService {

    /** The service's operations, registered by its constructor. */
    protected final Operations operations;
    private final String targetPrefix;
    private final String name;

    protected OperationsService(String targetPrefix, String name) {
        this.operations = new Operations(targetPrefix);
        this.targetPrefix = targetPrefix;
        this.name = name;
    }

    /** The operations this emulator answers, for its documentation and tests. */
    public Set<String> operations() {
        return operations.names();
    }

    @Override
    public String targetPrefix() {
        return targetPrefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return operations.call(request);
    }
}
