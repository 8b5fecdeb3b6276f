package io.kinesisworkbook.lib.view;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.model.Shard;
import tech.tablesaw.api.Table;

/**
 * Shows results from a notebook cell: inline in Jupyter when running in the rapaio Java kernel, as text
 * anywhere else.
 * <pre>{@code
 * Show.chart(Charts.bars("Connections").category("point-to-point", 12).category("unified log", 7));
 * Show.table(puts);
 * }</pre>
 *
 * <ul>
 *   <li>In Jupyter (see {@link JupyterDisplay}): charts are PNG images, tables HTML.</li>
 *   <li>Elsewhere (see {@link TerminalDisplay}): tables print as text; a chart prints a one-line note and,
 *       when the {@code WORKBOOK_CHART_DIR} environment variable names a folder, is saved there as PNG.
 *       {@code chart.saveAs(path)} saves one anywhere.</li>
 * </ul>
 * The methods return nothing on purpose: a value returned by a cell's last line would be echoed below the output.
 */
public final class Show {

    private static volatile Display display = detect();

    private Show() {
    }

    public static void chart(ChartView<?> chart) {
        display.chart(chart);
    }

    /** Shows the first {@link Tables#DEFAULT_MAX_ROWS} rows of a table. */
    public static void table(Table table) {
        table(table, Tables.DEFAULT_MAX_ROWS);
    }

    public static void table(Table table, int maxRows) {
        display.html(Tables.html(table, maxRows), Tables.text(table, maxRows));
    }

    /** Shows an HTML fragment; a terminal gets its text without the tags. */
    public static void html(String html) {
        display.html(html, Html.toPlainText(html));
    }

    /** The hash key space as a number line cut into the open shards' ranges; see {@link ShardPictures#keySpace}. */
    public static void keySpace(List<Shard> shards) {
        keySpace(shards, Map.of());
    }

    /** The same, with each of {@code marks} (a partition key, say, to its hash key) drawn where it falls. */
    public static void keySpace(List<Shard> shards, Map<String, BigInteger> marks) {
        display.html(ShardPictures.keySpace(shards, marks), ShardPictures.keySpaceText(shards, marks));
    }

    /** Parents and children after resharding, as tall as their share of the keys; see {@link ShardPictures#lineage}. */
    public static void shardLineage(List<Shard> shards) {
        display.html(ShardPictures.lineage(shards), ShardPictures.lineageText(shards));
    }

    public static void text(Object value) {
        display.text(String.valueOf(value));
    }

    /** Whether output goes to the Jupyter front end, for notebooks that want to say something different. */
    public static boolean inJupyter() {
        return display instanceof JupyterDisplay;
    }

    static Display current() {
        return display;
    }

    /** Replaces the display, for tests; returns the previous one so the test can put it back. */
    static Display use(Display replacement) {
        Display previous = display;
        display = replacement;
        return previous;
    }

    private static Display detect() {
        return JupyterDisplay.find().orElseGet(TerminalDisplay::fromEnvironment);
    }
}
