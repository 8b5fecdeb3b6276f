package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {

    private record Put(String shardId, long sequence, double millis, Instant at) {
    }

    @Test
    void htmlEscapesCellsHeadersAndCaption() {
        Table table = Table.create("<keys & values>",
                StringColumn.create("key<1>", "a<b>&c", "plain"),
                IntColumn.create("count", 1, 2));

        String html = Tables.html(table);

        assertThat(html).contains("<td style=\"text-align:left\">a&lt;b&gt;&amp;c</td>")
                .contains("<th style=\"text-align:left\">key&lt;1&gt;</th>")
                .contains("<caption>&lt;keys &amp; values&gt; (2 rows × 2 columns)</caption>")
                .doesNotContain("a<b>", "key<1>", "<keys");
    }

    @Test
    void htmlRightAlignsAndMarksNumbersOnly() {
        Table table = Table.create("t", StringColumn.create("shard", "shardId-0"), IntColumn.create("records", new int[] {1234}));

        String html = Tables.html(table);

        assertThat(html).contains("<th class=\"number\" style=\"text-align:right\">records</th>")
                .contains("<td class=\"number\" style=\"text-align:right\">1,234</td>")
                .contains("<td style=\"text-align:left\">shardId-0</td>");
    }

    @Test
    void htmlGroupsTheDigitsOfWholeNumbersAndLeavesMissingCellsEmpty() {
        Table table = Table.create("t", LongColumn.create("bytes", new long[] {1_048_576, -2_500}));
        table.longColumn("bytes").appendMissing();

        String html = Tables.html(table);

        assertThat(html).contains(">1,048,576</td>", ">-2,500</td>", "style=\"text-align:right\"></td>");
    }

    @Test
    void htmlShowsAtMostMaxRowsAndSaysHowManyAreLeft() {
        Table table = numbers(25);

        String html = Tables.html(table, 10);

        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 10); // text before, header row, 10 body rows
        assertThat(html).contains(">9</td>").doesNotContain(">10</td>")
                .contains("… 15 more rows")
                .contains("(25 rows × 1 columns)");
        assertThat(Tables.html(table, 25)).doesNotContain("more rows");
    }

    @Test
    void textUsesTablesawPrintingWithTheSameRowLimit() {
        String text = Tables.text(numbers(25), 10);

        assertThat(text).contains("n").contains(" 9").doesNotContain(" 10 ").endsWith("… 15 more rows");
        assertThat(Tables.text(numbers(3))).isEqualTo(numbers(3).printAll());
    }

    @Test
    void fromMapsPicksColumnTypesFromTheValues() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("shard", "shardId-0");
        first.put("records", 3);
        first.put("mb", 0.5);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("shard", "shardId-1");
        second.put("mb", 2L);
        second.put("hot", true);

        Table table = Tables.fromMaps("load", List.of(first, second));

        assertThat(table.columnNames()).containsExactly("shard", "records", "mb", "hot");
        assertThat(table.typeArray()).containsExactly(
                ColumnType.STRING, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN);
        assertThat(table.longColumn("records").isMissing(1)).isTrue();
        assertThat(table.doubleColumn("mb").get(1)).isEqualTo(2.0);
    }

    @Test
    void fromRecordsMakesOneColumnPerComponent() {
        Instant at = Instant.parse("2024-05-01T12:00:00Z");
        Table table = Tables.fromRecords("puts", List.of(
                new Put("shardId-0", 1, 2.5, at), new Put("shardId-1", 2, 3.5, at.plusSeconds(1))));

        assertThat(table.name()).isEqualTo("puts");
        assertThat(table.columnNames()).containsExactly("shardId", "sequence", "millis", "at");
        assertThat(table.typeArray()).containsExactly(
                ColumnType.STRING, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.INSTANT);
        assertThat(table.instantColumn("at").get(1)).isEqualTo(at.plusSeconds(1));
    }

    private static Table numbers(int rows) {
        return Table.create("numbers", IntColumn.create("n", IntStream.range(0, rows).toArray()));
    }
}
