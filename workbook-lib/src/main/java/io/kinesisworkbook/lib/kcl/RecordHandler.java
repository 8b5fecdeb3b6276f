package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.consumer.ConsumedRecord;

/**
 * What a KCL application does with each record: {@code record -> System.out.println(record.text())}.
 *
 * <p>It may throw: the record is then noted in {@link KclApplication#events()} instead of
 * {@link KclApplication#processed()}, and the worker goes on with the next record, as KCL itself does
 * with a record processor that fails.
 */
@FunctionalInterface
public interface RecordHandler {

    void handle(ConsumedRecord record) throws Exception;
}
