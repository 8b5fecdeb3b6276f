package io.kinesisworkbook.lib.kcl;

import java.util.function.BooleanSupplier;
import software.amazon.kinesis.processor.ShardRecordProcessor;

/** Makes a worker's record processors, one per shard it takes; {@code crashed} tells them the worker died. */
@FunctionalInterface
interface ProcessorFactory {

    ShardRecordProcessor create(String worker, BooleanSupplier crashed);
}
