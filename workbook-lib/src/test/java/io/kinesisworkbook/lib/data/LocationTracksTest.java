package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationTracksTest {

    private static final double EARTH_RADIUS_METERS = 6_371_000;

    @Test
    void vehiclesStayInTheCity() {
        List<Location> reports = LocationTracks.seeded(42).within(CityBox.NEW_YORK).take(20_000);
        assertThat(reports).allSatisfy(report ->
                assertThat(CityBox.NEW_YORK.contains(report.lat(), report.lon())).isTrue());
    }

    @Test
    void noVehicleMovesFasterThanTheSpeedLimitBetweenReports() {
        // Few reports per vehicle, so the gaps are long and the vehicles reach the city's edges.
        assertStepsBounded(LocationTracks.seeded(42).devices(20).ratePerSecond(0.5).take(5_000));
        assertStepsBounded(LocationTracks.seeded(43).ratePerSecond(100).take(20_000));
    }

    @Test
    void vehiclesActuallyDrive() {
        Map<String, Double> travelled = new HashMap<>();
        Map<String, Location> last = new HashMap<>();
        for (Location report : LocationTracks.seeded(42).devices(10).ratePerSecond(1).take(5_000)) {
            Location previous = last.put(report.deviceId(), report);
            if (previous != null) {
                travelled.merge(report.deviceId(), meters(previous, report), Double::sum);
            }
        }
        // About 500 s per vehicle at around 40 km/h: kilometres, not metres.
        assertThat(travelled.values()).allSatisfy(meters -> assertThat(meters).isGreaterThan(1_000));
    }

    private static void assertStepsBounded(List<Location> reports) {
        Map<String, Location> last = new HashMap<>();
        for (Location report : reports) {
            Location previous = last.put(report.deviceId(), report);
            if (previous != null) {
                double seconds = Duration.between(previous.timestamp(), report.timestamp()).toMillis() / 1000.0;
                // One metre of slack: positions are rounded to six decimals and times to milliseconds.
                double limit = LocationTracks.MAX_SPEED_KMH / 3.6 * (seconds + 0.001) + 1;
                assertThat(meters(previous, report)).isLessThanOrEqualTo(limit);
            }
            assertThat(report.speedKmh()).isBetween(0.0, LocationTracks.MAX_SPEED_KMH);
            assertThat(report.heading()).isBetween(0.0, 360.0);
        }
    }

    /** Great-circle distance (haversine). */
    private static double meters(Location a, Location b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
    }
}
