package io.kinesisworkbook.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;

/** Pending -> Active and LastUpdateStatus InProgress -> Successful, on the emulator's clock. */
class FunctionStatesTest extends LambdaTestBase {

    private final ManualClock clock = new ManualClock();

    @Override
    protected EmulatorOptions options() {
        return EmulatorOptions.defaults().withClock(clock);
    }

    private void settle() {
        clock.advance(EmulatorOptions.DEFAULT_TRANSITION_DELAY.plus(Duration.ofMillis(1)));
    }

    @Test
    void aNewFunctionIsPendingUntilTheTransitionEnds() {
        String name = newFunctionName();
        var created = create(name, "demo.Which", TestFunctions.versioned("1.0"));

        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
        assertThatThrownBy(() -> invoke(name, "\"x\""))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The operation cannot be performed at "
                            + "this time. The function is currently in the following state: Pending");
                });

        settle();

        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(name)).state()).isEqualTo(State.ACTIVE);
        assertThat(text(invoke(name, "\"x\""))).isEqualTo("\"x uses library 1.0 (call 1)\"");
    }

    @Test
    void anUpdateRunsTheOldCodeUntilItIsSuccessful() {
        String name = newFunctionName();
        create(name, "demo.Which", TestFunctions.versioned("1.0"));
        settle();

        var updated = lambda.updateFunctionCode(b -> b.functionName(name)
                .zipFile(SdkBytes.fromByteArray(TestFunctions.versioned("2.0"))));

        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(text(invoke(name, "\"x\""))).isEqualTo("\"x uses library 1.0 (call 1)\"");
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName(name).timeout(10)))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The operation cannot be performed at this time. An update is in progress for resource: "
                                + "arn:aws:lambda:us-east-1:000000000000:function:" + name));

        settle();

        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(name)).lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(text(invoke(name, "\"x\""))).isEqualTo("\"x uses library 2.0 (call 1)\"");
    }
}
