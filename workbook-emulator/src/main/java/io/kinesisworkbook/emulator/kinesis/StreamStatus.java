package io.kinesisworkbook.emulator.kinesis;

/** A stream's (or a consumer's) lifecycle, as DescribeStream reports it. */
enum StreamStatus {
    CREATING, DELETING, ACTIVE, UPDATING
}
