package io.kinesisworkbook.lib.streams;

import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Kinesis Data Streams prices as data: what a notebook's cost sums use, with the region, the day they
 * were checked and where. Prices change; a sum is only as current as {@link #checkedOn}.
 *
 * <p>The three ways to pay for a stream:
 * <ul>
 *   <li><b>Provisioned</b>: per shard-hour, plus per million PUT payload units (each record counts
 *       one unit per started 25 KB). Reading through GetRecords is included.</li>
 *   <li><b>On-demand Standard</b>: per stream-hour, plus per GB written (each record rounded up to
 *       1 KB) and per GB read.</li>
 *   <li><b>On-demand Advantage</b>: an account-level setting for all on-demand streams: no
 *       stream-hour charge and lower prices per GB (AWS: "at least 60% lower"), in exchange for a
 *       commitment to a minimum throughput, billed whether used or not.</li>
 * </ul>
 * Extended retention and enhanced fan-out cost extra in every mode and are left out here.
 *
 * @param region                      the AWS region the prices are for
 * @param checkedOn                   the day they were read
 * @param source                      where they were read
 * @param shardHour                   provisioned: dollars per shard per hour
 * @param perMillionPutPayloadUnits   provisioned: dollars per million 25 KB PUT payload units
 * @param standardStreamHour          On-demand Standard: dollars per stream per hour
 * @param standardPerGbWritten        On-demand Standard: dollars per GB written
 * @param standardPerGbRead           On-demand Standard: dollars per GB read
 * @param advantagePerGbWritten       On-demand Advantage: dollars per GB written
 * @param advantagePerGbRead          On-demand Advantage: dollars per GB read
 * @param advantageMinimumMbPerSecond On-demand Advantage: the account's minimum billed throughput,
 *                                    written and read, in MB a second
 */
public record KinesisPrices(
        String region, String checkedOn, String source,
        double shardHour, double perMillionPutPayloadUnits,
        double standardStreamHour, double standardPerGbWritten, double standardPerGbRead,
        double advantagePerGbWritten, double advantagePerGbRead, double advantageMinimumMbPerSecond) {

    /**
     * US East (N. Virginia), from the AWS price list of September 2026 as the pricing page showed it on
     * 3 December 2026. On-demand Advantage's prices per GB are 40% of On-demand Standard's, which is
     * the Developer Guide's "at least 60% lower".
     */
    public static final KinesisPrices US_EAST_1 = new KinesisPrices(
            "us-east-1", "3 December 2026", "https://aws.amazon.com/kinesis/data-streams/pricing/",
            0.015, 0.014,
            0.04, 0.08, 0.04,
            0.032, 0.016, 25);

    /** Bytes in a KB, as Kinesis counts them for PUT payload units and the 1 KB rounding. */
    public static final double KB = 1024;
    /** KB in a GB. */
    public static final double KB_PER_GB = 1024 * 1024;
    /** Size of one PUT payload unit, in KB. */
    public static final double PUT_PAYLOAD_UNIT_KB = 25;

    /** The prices as a table to show: one row per charge, one column per way to pay. */
    public Table table() {
        StringColumn charge = StringColumn.create("charge", "capacity", "data written", "data read (shared throughput)", "minimum");
        StringColumn provisioned = StringColumn.create("provisioned",
                dollars(shardHour) + " per shard-hour",
                dollars(perMillionPutPayloadUnits) + " per million 25 KB PUT payload units",
                "included",
                "1 shard");
        StringColumn standard = StringColumn.create("On-demand Standard",
                dollars(standardStreamHour) + " per stream-hour",
                dollars(standardPerGbWritten) + " per GB (records rounded up to 1 KB)",
                dollars(standardPerGbRead) + " per GB",
                "none");
        StringColumn advantage = StringColumn.create("On-demand Advantage",
                "none",
                dollars(advantagePerGbWritten) + " per GB (records rounded up to 1 KB)",
                dollars(advantagePerGbRead) + " per GB",
                String.format(Locale.ROOT, "%.0f MB/s written and read, per account", advantageMinimumMbPerSecond));
        return Table.create("Kinesis Data Streams prices, " + region + ", checked " + checkedOn, charge, provisioned, standard, advantage);
    }

    private static String dollars(double amount) {
        return String.format(Locale.ROOT, "$%s", stripZeros(amount));
    }

    private static String stripZeros(double amount) {
        return new java.math.BigDecimal(Double.toString(amount)).stripTrailingZeros().toPlainString();
    }
}
