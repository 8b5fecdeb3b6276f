package io.kinesisworkbook.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Lambda through botocore: a Java function, compiled here, deployed and invoked by boto3. */
class LambdaBotocoreTest extends PythonScriptTest {

    Path zip;

    /** The script deploys the greeter function from a zip built here, whose path it gets in FUNCTION_ZIP. */
    @Override
    protected PythonScript script() {
        try {
            zip = Files.createTempFile("greeter", ".zip");
            Files.write(zip, TestFunctions.greeter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PythonScript.named("lambda_botocore.py").requires("boto3").withEnv("FUNCTION_ZIP", zip.toString());
    }

    @AfterAll
    void deleteZip() throws IOException {
        Files.deleteIfExists(zip);
    }

    @Test
    void aJavaFunctionIsDeployedAndInvoked() {
        assertThat(seen.at("/created/FunctionArn").asText()).endsWith(":function:py-greeter");
        assertThat(seen.at("/configuration/Runtime").asText()).isEqualTo("java17");
        assertThat(seen.at("/invoke/status").asInt()).isEqualTo(200);
        assertThat(seen.at("/invoke/payload").asText()).isEqualTo("Hello, botocore!");
        assertThat(seen.at("/invoke/version").asText()).isEqualTo("$LATEST");
        assertThat(seen.at("/invoke/log").asText()).contains("greeting botocore", "REPORT RequestId:");
        assertThat(seen.get("functions").toString()).contains("py-greeter");
    }

    @Test
    void aFunctionErrorComesBackAsAwsReportsIt() {
        assertThat(seen.at("/functionError/error").asText()).isEqualTo("Unhandled");
        assertThat(seen.at("/functionError/payload/errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
        assertThat(seen.at("/errors/notJson/code").asText()).isEqualTo("InvalidRequestContentException");
    }

    @Test
    void errorsCarryTheirMessageInTheMemberLambdasModelNames() {
        assertThat(seen.at("/errors/missingFunction/code").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(seen.at("/errors/missingFunction/message").asText()).startsWith("Function not found: ");
        assertThat(seen.at("/errors/missingFunction/status").asInt()).isEqualTo(404);
        assertThat(seen.at("/errors/badRuntime/code").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(seen.at("/afterDelete/code").asText()).isEqualTo("ResourceNotFoundException");
        JsonNode raw = seen.get("rawMissing");
        assertThat(raw.get("errorType").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(memberNames(raw.get("body"))).containsExactlyInAnyOrder("Type", "Message");
    }

}
