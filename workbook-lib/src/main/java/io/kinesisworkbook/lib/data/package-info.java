/**
 * Seeded generators for the events the talk's producers send: clicks, orders, application logs,
 * stock trades, vehicle locations and S3 object events.
 *
 * <p>Every generator is reproducible: the same seed gives the same events, ids and timestamps
 * included, so a notebook prints the same output on every run and on every learner's machine.
 * Events arrive like real traffic (Poisson arrivals at a chosen rate from a fixed start time),
 * and their values follow realistic shapes: a few popular pages and symbols, skewed order amounts,
 * prices that wander, vehicles that drive rather than teleport, logs that are calm until an incident.
 *
 * <pre>{@code
 * List<Click> clicks = Clickstream.seeded(42).ratePerSecond(200).take(10_000);
 * Stream<Trade> trades = StockTrades.seeded(7).withHotKey("NVDA", 0.5).events().limit(1_000);
 * }</pre>
 */
package io.kinesisworkbook.lib.data;
