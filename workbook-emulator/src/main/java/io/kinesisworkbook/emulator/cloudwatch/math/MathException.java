package io.kinesisworkbook.emulator.cloudwatch.math;

/** An expression that cannot be parsed or computed; the caller words it as CloudWatch does. */
public final class MathException extends RuntimeException {

    public MathException(String message) {
        super(message, null, false, false);
    }
}
