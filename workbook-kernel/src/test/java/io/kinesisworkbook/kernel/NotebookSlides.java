package io.kinesisworkbook.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a deck of a notebook must show, read from the notebook's Slideshow metadata on its own
 * (not by the deck's renderer, which the tests check against it): its slides, charts and notes.
 */
record NotebookSlides(int slides, int charts, int slidesWithNotes, String firstNotes) {

    static NotebookSlides of(Path notebook) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).get("cells");
        int slides = 0;
        int charts = 0;
        int slidesWithNotes = 0;
        boolean notesOnThisSlide = false;
        String firstNotes = null;
        for (JsonNode cell : cells) {
            String type = cell.path("metadata").path("slideshow").path("slide_type").asText("-");
            if (type.equals("skip")) {
                continue;
            }
            // The first shown cell starts a slide whatever its type, as slide and subslide do.
            if (slides == 0 || type.equals("slide") || type.equals("subslide")) {
                slides++;
                notesOnThisSlide = false;
            }
            if (type.equals("notes")) {
                slidesWithNotes += notesOnThisSlide ? 0 : 1;
                notesOnThisSlide = true;
                firstNotes = firstNotes != null ? firstNotes : source(cell);
            } else if (!cell.path("metadata").path("jupyter").path("outputs_hidden").asBoolean(false)) {
                for (JsonNode output : cell.path("outputs")) {
                    charts += output.path("data").has("image/png") ? 1 : 0;
                }
            }
        }
        return new NotebookSlides(slides, charts, slidesWithNotes, firstNotes);
    }

    private static String source(JsonNode cell) {
        JsonNode source = cell.get("source");
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }
}
