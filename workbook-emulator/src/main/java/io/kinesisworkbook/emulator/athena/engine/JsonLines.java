package io.kinesisworkbook.emulator.athena.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.kinesisworkbook.emulator.athena.QueryFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON lines as Athena's JSON SerDes do, and writes them as DuckDB's {@code read_json} should
 * see them: every key in lower case, because the SerDes match keys to columns case-insensitively
 * and DuckDB matches them exactly; OpenX's {@code mapping.<column>} renames applied; blank lines
 * skipped. A line that is not a JSON object fails the query as Athena fails it
 * ({@code HIVE_CURSOR_ERROR}), unless the OpenX SerDe's {@code ignore.malformed.json} is true:
 * then it becomes a row of NULLs, as in Athena. Duplicate keys (in any case) are malformed too.
 */
final class JsonLines {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final boolean ignoreMalformed;
    private final Map<String, String> columnsByKey;

    /**
     * @param ignoreMalformed whether a malformed line becomes a row of NULLs rather than an error
     * @param columnsByKey    OpenX's mappings, by JSON key (lower case) to the column's name
     */
    JsonLines(boolean ignoreMalformed, Map<String, String> columnsByKey) {
        this.ignoreMalformed = ignoreMalformed;
        this.columnsByKey = columnsByKey;
    }

    /**
     * Copies every line of {@code text} to {@code out}, normalised; {@code path} names the object in
     * errors. The fast way reads the whole object with one parser, one object a line; an object
     * with any line that is not so is read again line by line, the slow way, which knows what to
     * do with each bad line.
     */
    void copy(byte[] text, OutputStream out, String path) throws IOException {
        ByteArrayOutputStream fast = new ByteArrayOutputStream(text.length + text.length / 8);
        if (copyFast(text, fast)) {
            fast.writeTo(out);
        } else {
            copyByLine(text, out, path);
        }
    }

    private boolean copyFast(byte[] text, ByteArrayOutputStream out) {
        try (JsonParser parser = JSON.createParser(text);
             JsonGenerator generator = JSON.createGenerator(out)) {
            generator.enable(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
            generator.setRootValueSeparator(new SerializedString("\n"));
            int lastLine = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT || line <= lastLine) {
                    return false;
                }
                copyObject(parser, generator);
                if (parser.currentTokenLocation().getLineNr() != line) {
                    return false;
                }
                lastLine = line;
            }
            generator.flush();
            if (lastLine > 0) {
                out.write('\n');
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies the object the parser is at, with its keys in lower case and OpenX's mappings applied. */
    private void copyObject(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            if (token == JsonToken.FIELD_NAME) {
                String key = parser.currentName().toLowerCase(Locale.ROOT);
                generator.writeFieldName(depth == 1 ? columnsByKey.getOrDefault(key, key) : key);
            } else {
                generator.copyCurrentEvent(parser);
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            token = depth == 0 ? null : parser.nextToken();
        } while (token != null);
    }

    private void copyByLine(byte[] text, OutputStream out, String path) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == '\n') {
                int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(text, start, end)) {
                    line.reset();
                    if (normalise(text, start, end - start, line)) {
                        line.writeTo(out);
                    } else if (ignoreMalformed) {
                        out.write('{');
                        out.write('}');
                    } else {
                        throw QueryFailure.data("HIVE_CURSOR_ERROR", "Row is not a valid JSON Object - JSONException: "
                                + "A JSONObject text must begin with '{' or be well formed at line "
                                + lineNumber(text, start) + " of " + path);
                    }
                    out.write('\n');
                }
                start = i + 1;
            }
        }
    }

    private boolean normalise(byte[] text, int offset, int length, ByteArrayOutputStream out) throws IOException {
        try (JsonParser parser = JSON.createParser(text, offset, length);
             JsonGenerator generator = JSON.createGenerator(out)) {
            generator.enable(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            copyObject(parser, generator);
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    private static int lineNumber(byte[] text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
