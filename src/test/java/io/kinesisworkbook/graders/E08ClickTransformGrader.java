package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E08ClickTransform;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class E08ClickTransformGrader {

    /** E08's methods; the grader calls the learner's {@link E08ClickTransform} through them. */
    interface ClickTransform {
        Map<String, Object> transform(Map<String, Object> record);

        Map<String, Object> handle(Map<String, Object> event);
    }

    static ClickTransform answer() {
        return TrivialAnswers.answer(ClickTransform.class, new ClickTransform() {
            @Override
            public Map<String, Object> transform(Map<String, Object> record) {
                return E08ClickTransform.transform(record);
            }

            @Override
            public Map<String, Object> handle(Map<String, Object> event) {
                return E08ClickTransform.handle(event);
            }
        });
    }

    @Test
    void eachRecordGetsFirehosesContract() {
        Map<String, Object> ok = attempt(() -> answer().transform(record("r1", "2026-11-26T10:15:30Z,ada,/cart")),
                "decode the base64 data, split the line on commas");
        Map<String, Object> probe = attempt(() -> answer().transform(record("r2", "2026-11-26T10:15:31Z,lb,/health/live")),
                "a page starting with /health is Dropped");
        Map<String, Object> broken = attempt(() -> answer().transform(record("r3", "2026-11-26T10:15:32Z,,")),
                "three fields, none empty, or it is ProcessingFailed");

        check("r1", ok.get("recordId"), "the recordId is handed back", "Firehose matches results to records by recordId");
        check("Ok", ok.get("result"), "a well-formed click", "result Ok");
        check("{\"timestamp\":\"2026-11-26T10:15:30Z\",\"user\":\"ada\",\"page\":\"/cart\"}\n", text(ok),
                "the JSON line, base64 in data", "end it with a newline: Firehose concatenates records without one");
        check("Dropped", probe.get("result"), "a health probe", "result Dropped");
        check("ProcessingFailed", broken.get("result"), "a malformed line", "result ProcessingFailed");
        check("2026-11-26T10:15:32Z,,", text(broken), "the malformed line's data", "hand back the original data");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLambdaAnswersEveryRecordInOrder() {
        Map<String, Object> event = Map.of("records", List.of(record("a", "t,u1,/"), record("b", "bad"),
                record("c", "t,u2,/health"), record("d", "t,u3,/cart")));

        Map<String, Object> answer = attempt(() -> answer().handle(event), "transform each record");

        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("records");
        check(List.of("a", "b", "c", "d"), results.stream().map(r -> r.get("recordId")).toList(),
                "one result per record, in order", "a missing recordId fails the whole batch in Firehose");
        check(List.of("Ok", "ProcessingFailed", "Dropped", "Ok"), results.stream().map(r -> r.get("result")).toList(),
                "the results", "transform(record) for each");
    }

    private static Map<String, Object> record(String id, String line) {
        return Map.of("recordId", id, "data", Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Map<String, Object> result) {
        return new String(Base64.getDecoder().decode((String) result.get("data")), StandardCharsets.UTF_8);
    }
}
