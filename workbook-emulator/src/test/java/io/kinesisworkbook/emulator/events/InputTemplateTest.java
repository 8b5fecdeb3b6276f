package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input transformers and input paths on the cases AWS's answers were recorded for (LocalStack's
 * snapshot tests against AWS): how strings, objects, lists and missing values are written inside
 * and outside quotes, in JSON templates and in string templates.
 */
class InputTemplateTest {

    private static final Event EVENT = new Event("e-1", "core.update-account-command", "core.update-account-command",
            "111111111111", 1_700_000_000_000L, "us-east-1", List.of(),
            EventPatternTest.json("{\"command\": \"update-account\", \"payload\": {\"acc_id\": \"0a787ecb-4015\", "
                    + "\"sf_id\": \"baz\"}, \"listsingle\": [\"HIGH\"], \"listmulti\": [\"ACTIVE\", \"INACTIVE\"], "
                    + "\"valid\": true}"), 1_700_000_000_500L);
    private static final Map<String, String> PATHS = paths();

    private static Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("userId", "$.detail.payload.acc_id");
        paths.put("payload", "$.detail.payload");
        paths.put("systemstring", "$.detail.awsAccountId");
        paths.put("listsingle", "$.detail.listsingle");
        paths.put("listmulti", "$.detail.listmulti");
        paths.put("valid", "$.detail.valid");
        paths.put("detail-type", "$.detail-type");
        return paths;
    }

    @Test
    void aJsonTemplateQuotesStringsAndEmbedsObjects() {
        assertThat(render("{\"method\": \"PUT\", \"path\": \"users-service/users/<userId>\", \"bod\": <payload>}"))
                .isEqualTo("{\"method\": \"PUT\", \"path\": \"users-service/users/0a787ecb-4015\", "
                        + "\"bod\": {\"acc_id\":\"0a787ecb-4015\",\"sf_id\":\"baz\"}}");
        assertThat(render("{\"id\" : <userId>}")).isEqualTo("{\"id\" : \"0a787ecb-4015\"}");
        assertThat(render("{\"id\" : \"<userId>\"}")).isEqualTo("{\"id\" : \"0a787ecb-4015\"}");
        assertThat(render("{\"bod\": [<userId>, \"hardcoded\"]}")).isEqualTo("{\"bod\": [\"0a787ecb-4015\", \"hardcoded\"]}");
        assertThat(render("{\"singlelistitem\": <listsingle>}")).isEqualTo("{\"singlelistitem\": [\"HIGH\"]}");
        assertThat(render("{\"multi\": \"users/<userId>/second/<userId>\"}"))
                .isEqualTo("{\"multi\": \"users/0a787ecb-4015/second/0a787ecb-4015\"}");
    }

    @Test
    void aMissingValueIsAnEmptyString() {
        assertThat(render("{\"command\": <systemstring>}")).isEqualTo("{\"command\": \"\"}");
        assertThat(render("\"<systemstring> system account id\"")).isEqualTo("\" system account id\"");
    }

    @Test
    void aStringTemplateWritesObjectsAndListsWithoutQuotes() {
        assertThat(render("\"Payload of <payload> with path users-service/users/<userId> and <userId>\""))
                .isEqualTo("\"Payload of {acc_id:0a787ecb-4015,sf_id:baz} with path users-service/users/0a787ecb-4015 "
                        + "and 0a787ecb-4015\"");
        assertThat(render("\"<listmulti> multiple list items\"")).isEqualTo("\"[ACTIVE,INACTIVE] multiple list items\"");
        assertThat(render("\"Command is <valid>!\"")).isEqualTo("\"Command is true!\"");
        assertThat(render("<detail-type> happened")).isEqualTo("core.update-account-command happened");
    }

    @Test
    void anObjectInsideAJsonStringLeavesNothingToDeliver() {
        assertThatThrownBy(() -> render("{\"payload\": \"<payload>\"}")).isInstanceOf(InputTemplate.InvalidOutputException.class);
        assertThatThrownBy(() -> render("{\"singlelistitem\": \"<listsingle>\"}"))
                .isInstanceOf(InputTemplate.InvalidOutputException.class);
    }

    @Test
    void predefinedVariablesNameTheRuleAndCarryTheEvent() {
        Target target = target(null, "{\"rule\": <aws.events.rule-name>, \"arn\": \"<aws.events.rule-arn>\", "
                + "\"at\": <aws.events.event.ingestion-time>, \"original\": <aws.events.event>, \"whole\": <aws.events.event.json>}");
        JsonNode out = EventPatternTest.json(payload(target));
        assertThat(out.get("rule").asText()).isEqualTo("r");
        assertThat(out.get("arn").asText()).isEqualTo("arn:aws:events:us-east-1:111111111111:rule/r");
        assertThat(out.get("at").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(out.get("original").get("detailType").asText()).isEqualTo("core.update-account-command");
        assertThat(out.get("original").has("detail")).isFalse();
        assertThat(out.get("whole").get("detail").get("command").asText()).isEqualTo("update-account");
    }

    @Test
    void anInputPathSendsWhatItSelects() {
        assertThat(payload(target("$.detail.payload", null))).isEqualTo("{\"acc_id\":\"0a787ecb-4015\",\"sf_id\":\"baz\"}");
        assertThat(payload(target("$.detail.payload.sf_id", null))).isEqualTo("\"baz\"");
        assertThat(payload(target("$.detail.listmulti[1]", null))).isEqualTo("\"INACTIVE\"");
        assertThat(payload(target("$.detail.listmulti[*]", null))).isEqualTo("[\"ACTIVE\",\"INACTIVE\"]");
        assertThat(payload(target("$", null))).startsWith("{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\"");
    }

    @Test
    void jsonPathsOutsideEventBridgesSyntaxAreRefused() {
        assertThat(JsonPath.parse("$.detail.state")).isNotNull();
        assertThat(JsonPath.parse("$.detail-type")).isNotNull();
        assertThat(JsonPath.parse("detail.state")).isNull();
        assertThat(JsonPath.parse("$..state")).isNull();
        assertThat(JsonPath.parse("$['detail']")).isNull();
    }

    private static String render(String template) {
        return payload(target(null, template));
    }

    private static String payload(Target target) {
        ObjectNode json = EVENT.toJson();
        return new String(TargetInput.payload(target, EVENT, json, "arn:aws:events:us-east-1:111111111111:rule/r", "r"),
                StandardCharsets.UTF_8);
    }

    private static Target target(String inputPath, String template) {
        Target.InputTransformer transformer = template == null ? null
                : new Target.InputTransformer(PATHS, new InputTemplate(template));
        return new Target("t", "arn:aws:lambda:us-east-1:111111111111:function:f", null, inputPath, transformer, null,
                Target.RetryPolicy.DEFAULT, null, Event.JSON.createObjectNode());
    }
}
