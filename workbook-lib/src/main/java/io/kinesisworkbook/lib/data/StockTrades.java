package io.kinesisworkbook.lib.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades in a dozen well-known symbols, the most popular ones traded most (Zipf).
 *
 * <p>Each symbol's price is a geometric random walk: every trade multiplies it by
 * {@code exp(volatility × a standard normal)}. Multiplying, rather than adding, moves a $10 stock
 * by cents and a $500 stock by dollars, and can never take a price below zero. Prices are quoted
 * in cents and never below one cent.
 */
public final class StockTrades extends EventGenerator<Trade, StockTrades> {

    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    /** In order of popularity. */
    private static final List<Listing> LISTINGS = List.of(
            new Listing("NVDA", "XNAS", 135), new Listing("TSLA", "XNAS", 250), new Listing("AAPL", "XNAS", 225),
            new Listing("AMZN", "XNAS", 190), new Listing("MSFT", "XNAS", 410), new Listing("META", "XNAS", 560),
            new Listing("GOOGL", "XNAS", 170), new Listing("AMD", "XNAS", 140), new Listing("JPM", "XNYS", 215),
            new Listing("V", "XNYS", 280), new Listing("KO", "XNYS", 63), new Listing("XOM", "XNYS", 118));

    private final Zipf popularity = new Zipf(LISTINGS.size(), 1.0);
    private final Map<String, Double> prices = new HashMap<>();
    private double volatility = 0.0008;

    private StockTrades(long seed) {
        super(seed);
    }

    public static StockTrades seeded(long seed) {
        return new StockTrades(seed);
    }

    /** The standard deviation of a price's log-change per trade (default 0.0008, i.e. 0.08%). */
    public StockTrades volatilityPerTrade(double sigma) {
        requireNotStarted();
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("volatility must be zero or more");
        }
        this.volatility = sigma;
        return this;
    }

    @Override
    protected Trade nextEvent(Instant time) {
        Listing listing = isHotKeyTurn() ? listingOf(hotKey()) : LISTINGS.get(popularity.sample(random()));
        BigDecimal price = stepPrice(listing);
        Trade.Side side = random().nextBoolean() ? Trade.Side.BUY : Trade.Side.SELL;
        return new Trade("trade-" + uuid(), listing.symbol(), price, quantity(), side, listing.exchange(), time);
    }

    /** Moves the symbol's price one step of the walk and returns it in cents. */
    private BigDecimal stepPrice(Listing listing) {
        double previous = prices.getOrDefault(listing.symbol(), listing.startPrice());
        double next = Math.max(0.01, previous * Math.exp(volatility * random().nextGaussian()));
        prices.put(listing.symbol(), next);
        return BigDecimal.valueOf(next).setScale(2, RoundingMode.HALF_UP).max(ONE_CENT);
    }

    /** Most trades are round lots (multiples of 100 shares); the rest are small odd lots. */
    private int quantity() {
        return chance(0.6) ? 100 * (1 + random().nextInt(5)) : 1 + random().nextInt(99);
    }

    /** A listed symbol, or a made-up $100 listing for a hot key that is not in the list. */
    private static Listing listingOf(String symbol) {
        return LISTINGS.stream()
                .filter(listing -> listing.symbol().equals(symbol))
                .findFirst()
                .orElse(new Listing(symbol, "XNYS", 100));
    }

    private record Listing(String symbol, String exchange, double startPrice) {
    }
}
