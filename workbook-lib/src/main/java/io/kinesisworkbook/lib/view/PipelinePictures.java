package io.kinesisworkbook.lib.view;

/**
 * The talk's disaster-recovery architecture as a picture (the slide "Kinesis approach for DR"),
 * drawn as SVG: the primary bucket's events through EventBridge into the stream, the application's
 * log batches beside them, Firehose with its Lambda transform and the copier reading the stream,
 * the DR bucket, Athena, and the way back (the restore). With a {@link Flow}, each arrow also says
 * how many records took it.
 */
public final class PipelinePictures {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 350;
    private static final int BOX_WIDTH = 160;
    private static final int BOX_HEIGHT = 54;
    private static final String AWS_ORANGE = "#fdf0e1";
    private static final String STREAM_BLUE = "#e3edf7";
    private static final String STORE_GREEN = "#e6f2e6";
    private static final String OUTLINE = "#555555";
    private static final String ARROW = "#4c78a8";
    private static final String COUNT = "#b34700";

    private PipelinePictures() {
    }

    /**
     * What took each arrow; a null count leaves its arrow unlabelled.
     *
     * @param objectEvents  S3 object events, into EventBridge and on into the stream
     * @param logBatches    the application's GZIP log batches into the stream
     * @param capturedLines JSON lines Firehose wrote into the DR bucket
     * @param copies        objects the copier copied into the DR bucket
     * @param rows          rows Athena read from the captured lines
     */
    public record Flow(Long objectEvents, Long logBatches, Long capturedLines, Long copies, Long rows) {

        public static final Flow NONE = new Flow(null, null, null, null, null);
    }

    /** The architecture alone. */
    public static String disasterRecovery() {
        return disasterRecovery(Flow.NONE);
    }

    /** The architecture, each arrow labelled with what took it. */
    public static String disasterRecovery(Flow flow) {
        Svg svg = new Svg(WIDTH, HEIGHT);
        node(svg, 20, 30, "Primary bucket", "S3: the application's objects", STORE_GREEN);
        node(svg, 220, 30, "EventBridge rule", "Object Created / Deleted", AWS_ORANGE);
        node(svg, 420, 30, "Kinesis data stream", "events and log batches", STREAM_BLUE);
        node(svg, 620, 30, "Application producers", "log lines, GZIP batches", STORE_GREEN);
        node(svg, 220, 140, "Copier (KCL)", "copies each new object", STREAM_BLUE);
        node(svg, 420, 140, "Firehose", "buffers, GZIP, to S3", AWS_ORANGE);
        node(svg, 620, 140, "Lambda transform", "decompress, filter, JSON", AWS_ORANGE);
        svg.box(220, 250, 360, BOX_HEIGHT, STORE_GREEN, OUTLINE)
                .text(400, 272, "DR bucket", 15, "#222222", "middle", true)
                .text(400, 292, "captured/ (GZIP JSON lines) and copies/ (objects)", 12, "#444444", "middle", false);
        node(svg, 620, 250, "Athena", "SQL over captured/", AWS_ORANGE);

        svg.arrow(180, 57, 220, 57, ARROW, false).arrow(380, 57, 420, 57, ARROW, false)
                .arrow(620, 57, 580, 57, ARROW, false)
                .arrow(500, 84, 500, 140, ARROW, false).arrow(440, 84, 330, 140, ARROW, false)
                .arrow(580, 160, 620, 160, ARROW, false).arrow(620, 178, 580, 178, ARROW, false)
                .arrow(500, 194, 500, 250, ARROW, false).arrow(300, 194, 300, 250, ARROW, false)
                .arrow(580, 277, 620, 277, ARROW, false)
                .arrow(220, 290, 100, 84, "#999999", true);
        svg.text(120, 200, "restore", 12, "#777777", "middle", false);

        label(svg, 200, 22, flow.objectEvents(), "events", "middle");
        label(svg, 400, 22, flow.objectEvents(), "events", "middle");
        label(svg, 600, 22, flow.logBatches(), "batches", "middle");
        label(svg, 508, 230, flow.capturedLines(), "lines", "start");
        label(svg, 292, 230, flow.copies(), "copies", "end");
        label(svg, 600, 245, flow.rows(), "rows", "middle");
        return svg.toString();
    }

    private static void node(Svg svg, double x, double y, String title, String detail, String fill) {
        svg.box(x, y, BOX_WIDTH, BOX_HEIGHT, fill, OUTLINE)
                .text(x + BOX_WIDTH / 2.0, y + 22, title, 14, "#222222", "middle", true)
                .text(x + BOX_WIDTH / 2.0, y + 41, detail, 11, "#444444", "middle", false);
    }

    private static void label(Svg svg, double x, double y, Long count, String unit, String anchor) {
        if (count != null) {
            svg.text(x, y, String.format("%,d %s", count, unit), 12, COUNT, anchor, true);
        }
    }
}
