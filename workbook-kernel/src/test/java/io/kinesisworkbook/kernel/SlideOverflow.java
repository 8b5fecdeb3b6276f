package io.kinesisworkbook.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One deck's measurement (NotebookDeck.measureSlides in the browser): the slides whose content is
 * taller than the 720 px slide, or that hold a code or output block wider than the slide, as a
 * table a notebook's author can work from.
 */
record SlideOverflow(String notebook, int slideHeight, int slides, List<Row> rows) {

    record Row(String slide, int height, int wideBlocks, String title) {
    }

    static SlideOverflow of(String notebook, JsonNode measurement) {
        int slideHeight = measurement.get("slideHeight").asInt();
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : measurement.get("rows")) {
            Row slide = new Row(row.get("slide").asText(), row.get("height").asInt(), row.get("wideBlocks").asInt(),
                    row.get("title").asText());
            if (slide.height() > slideHeight || slide.wideBlocks() > 0) {
                rows.add(slide);
            }
        }
        return new SlideOverflow(notebook, slideHeight, measurement.get("rows").size(), rows);
    }

    /** A line cut off at the right is as lost to the audience as one below the slide's bottom. */
    boolean overflows() {
        return !rows.isEmpty();
    }

    String table() {
        StringBuilder table = new StringBuilder();
        long tall = rows.stream().filter(row -> row.height() > slideHeight).count();
        long cut = rows.stream().filter(row -> row.wideBlocks() > 0).count();
        table.append(String.format("%s: of %d slides, %d taller than %d px, %d with a code or output block wider than the slide%n",
                notebook, slides, tall, slideHeight, cut));
        if (!rows.isEmpty()) {
            table.append(String.format("  %-6s %7s %8s %5s  %s%n", "slide", "height", "over by", "wide", "title (wide: blocks cut at the right)"));
        }
        for (Row row : rows) {
            String over = row.height() > slideHeight ? (row.height() - slideHeight) + " px" : "";
            String wide = row.wideBlocks() > 0 ? String.valueOf(row.wideBlocks()) : "";
            table.append(String.format("  %-6s %4d px %8s %5s  %s%n", row.slide(), row.height(), over, wide, row.title()));
        }
        return table.toString();
    }
}
