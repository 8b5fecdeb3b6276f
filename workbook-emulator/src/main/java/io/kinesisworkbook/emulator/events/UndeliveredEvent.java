package io.kinesisworkbook.emulator.events;

/**
 * An event EventBridge gave up delivering to one target, kept so that nothing is lost silently:
 * AWS would drop it (or send it to a dead-letter queue, a service the emulator does not have), and
 * count it in {@code FailedInvocations}.
 *
 * @param attempts how many times the target was tried
 * @param reason   the last failure, in the target service's words
 * @param payload  what would have been delivered (UTF-8)
 */
public record UndeliveredEvent(String ruleArn, String targetId, String targetArn, String eventId, int attempts,
                               String reason, String payload) {
}
