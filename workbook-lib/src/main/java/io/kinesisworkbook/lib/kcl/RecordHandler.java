package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.consumer.ConsumedRecord;

/**
 * What a KCL application does with each record: {@code record -> System.out.println(record.text())}.
 *
 * <p>It may throw. The record is then tried again, then handed to the application's dead-letter
 * destination if it has one; if neither works, the worker stops processing that shard there, so
 * that no checkpoint ever passes a record that was not processed (see {@link HandlerProcessor}).
 * Each failure is noted in {@link KclApplication#events()}.
 */
@FunctionalInterface
public interface RecordHandler {

    void handle(ConsumedRecord record) throws Exception;
}
