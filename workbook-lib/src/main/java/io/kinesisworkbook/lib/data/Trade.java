package io.kinesisworkbook.lib.data;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One executed trade, as an exchange's market-data feed reports it.
 *
 * @param exchange  the venue's market identifier code, e.g. {@code XNAS} (Nasdaq) or {@code XNYS} (NYSE)
 * @param timestamp when the exchange executed the trade
 */
public record Trade(
        String tradeId,
        String symbol,
        BigDecimal price,
        int quantity,
        Side side,
        String exchange,
        Instant timestamp) implements StreamEvent {

    /** Whether the buyer or the seller crossed the spread (the aggressor). */
    public enum Side { BUY, SELL }

    /** By symbol: one symbol's trades stay in order, which price charts and VWAP need. */
    @Override
    public String partitionKey() {
        return symbol;
    }
}
