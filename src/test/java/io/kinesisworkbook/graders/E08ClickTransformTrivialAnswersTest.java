package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E08ClickTransformGrader.ClickTransform;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** E08's grader fails on a transform that passes records through or answers for none. */
class E08ClickTransformTrivialAnswersTest {

    @Test
    void everyRecordOkAsItCame() {
        UnaryOperator<Map<String, Object>> asItCame = record -> Map.of("recordId", record.get("recordId"), "result", "Ok",
                "data", record.get("data"));
        mustFail(E08ClickTransformGrader.class, ClickTransform.class, "every record Ok, its data unchanged",
                transform(asItCame, event -> Map.of("records", ((List<?>) event.get("records")).stream()
                        .map(r -> asItCame.apply(cast(r))).toList())));
    }

    @Test
    void theInputHandedBack() {
        mustFail(E08ClickTransformGrader.class, ClickTransform.class, "the input handed back",
                transform(record -> record, event -> event));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object record) {
        return (Map<String, Object>) record;
    }

    private static ClickTransform transform(UnaryOperator<Map<String, Object>> one, UnaryOperator<Map<String, Object>> all) {
        return new ClickTransform() {
            @Override
            public Map<String, Object> transform(Map<String, Object> record) {
                return one.apply(record);
            }

            @Override
            public Map<String, Object> handle(Map<String, Object> event) {
                return all.apply(event);
            }
        };
    }
}
