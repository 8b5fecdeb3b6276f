package io.kinesisworkbook.lib.data;

import java.time.Instant;

/**
 * A position report from a vehicle's GPS tracker.
 *
 * @param lat      latitude in degrees (WGS 84), six decimals (about 10 cm)
 * @param lon      longitude in degrees
 * @param heading  direction of travel in degrees clockwise from north, 0 to 360
 */
public record Location(
        String deviceId,
        Instant timestamp,
        double lat,
        double lon,
        double speedKmh,
        double heading) implements StreamEvent {

    /** By device: one vehicle's positions stay in order, so its track can be drawn. */
    @Override
    public String partitionKey() {
        return deviceId;
    }
}
