package io.kinesisworkbook.lib.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class KinesisPricesTest {

    @Test
    void thePricesSayWhereAndWhenTheyWereRead() {
        KinesisPrices prices = KinesisPrices.US_EAST_1;

        assertThat(prices.region()).isEqualTo("us-east-1");
        assertThat(prices.checkedOn()).isNotBlank();
        assertThat(prices.source()).startsWith("https://aws.amazon.com/kinesis/");
    }

    @Test
    void advantageIsAtLeastSixtyPercentCheaperPerGigabyteThanStandard() {
        KinesisPrices prices = KinesisPrices.US_EAST_1;

        assertThat(prices.advantagePerGbWritten()).isLessThanOrEqualTo(prices.standardPerGbWritten() * 0.4 + 1e-12);
        assertThat(prices.advantagePerGbRead()).isLessThanOrEqualTo(prices.standardPerGbRead() * 0.4 + 1e-12);
    }

    @Test
    void theTableHasARowPerChargeAndAColumnPerMode() {
        Table table = KinesisPrices.US_EAST_1.table();

        assertThat(table.columnNames()).containsExactly("charge", "provisioned", "On-demand Standard", "On-demand Advantage");
        assertThat(table.stringColumn("provisioned").get(0)).isEqualTo("$0.015 per shard-hour");
        assertThat(table.stringColumn("On-demand Advantage").get(0)).isEqualTo("none");
        assertThat(table.name()).contains("us-east-1", KinesisPrices.US_EAST_1.checkedOn());
    }
}
