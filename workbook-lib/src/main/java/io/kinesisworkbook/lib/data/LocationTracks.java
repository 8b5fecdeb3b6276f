package io.kinesisworkbook.lib.data;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Position reports from a fleet of vehicles ({@code truck-000}, {@code truck-001}, ...) driving
 * around a city.
 *
 * <p>Each vehicle keeps its own position, speed and heading between reports and moves
 * continuously: speed and heading drift a little at a time, it stops now and then (traffic
 * lights), and it turns back at the edge of the {@link CityBox}. Between two reports it never
 * covers more than {@link #MAX_SPEED_KMH} allows, so the tracks draw as roads, not as jumps.
 */
public final class LocationTracks extends EventGenerator<Location, LocationTracks> {

    /** A city speed limit; no vehicle is ever faster. */
    public static final double MAX_SPEED_KMH = 90;

    /** Long silences are simulated in steps this long, so a vehicle curves instead of driving straight. */
    private static final double STEP_SECONDS = 5;
    /** The speed traffic drifts back to after a stop or a burst. */
    private static final double CRUISE_KMH = 40;
    private static final double METERS_PER_DEGREE = 111_320;

    private final Map<String, Vehicle> vehicles = new HashMap<>();
    private CityBox city = CityBox.PARIS;
    private int devices = 50;

    private LocationTracks(long seed) {
        super(seed);
    }

    public static LocationTracks seeded(long seed) {
        return new LocationTracks(seed);
    }

    /** How many vehicles report (default 50). */
    public LocationTracks devices(int count) {
        requireNotStarted();
        if (count < 1) {
            throw new IllegalArgumentException("need at least one device");
        }
        this.devices = count;
        return this;
    }

    /** Where the vehicles drive (default {@link CityBox#PARIS}). */
    public LocationTracks within(CityBox city) {
        requireNotStarted();
        this.city = city;
        return this;
    }

    @Override
    protected Location nextEvent(Instant time) {
        String deviceId = hotKeyOr(() -> String.format("truck-%03d", random().nextInt(devices)));
        Vehicle vehicle = vehicles.computeIfAbsent(deviceId, id -> newVehicle(time));
        vehicle.driveUntil(time, random(), city);
        return new Location(deviceId, time, round(vehicle.lat, 6), round(vehicle.lon, 6),
                round(vehicle.speedKmh, 1), round(vehicle.heading, 1));
    }

    /** A vehicle somewhere in the city, already moving. */
    private Vehicle newVehicle(Instant time) {
        double lat = city.south() + random().nextDouble() * (city.north() - city.south());
        double lon = city.west() + random().nextDouble() * (city.east() - city.west());
        return new Vehicle(lat, lon, 20 + random().nextDouble() * 30, random().nextDouble() * 360, time);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** One vehicle's state between reports. */
    private static final class Vehicle {
        double lat;
        double lon;
        double speedKmh;
        double heading;
        Instant clock;

        Vehicle(double lat, double lon, double speedKmh, double heading, Instant clock) {
            this.lat = lat;
            this.lon = lon;
            this.speedKmh = speedKmh;
            this.heading = heading;
            this.clock = clock;
        }

        void driveUntil(Instant time, Random random, CityBox city) {
            double seconds = Duration.between(clock, time).toNanos() / 1e9;
            while (seconds > 0) {
                double step = Math.min(seconds, STEP_SECONDS);
                adjustCourse(random, step);
                move(speedKmh / 3.6 * step, city);
                seconds -= step;
            }
            clock = time;
        }

        /** Small changes, scaled by the step: vehicles accelerate, brake and turn gradually. */
        private void adjustCourse(Random random, double stepSeconds) {
            double fraction = stepSeconds / STEP_SECONDS;
            double noise = Math.sqrt(fraction);
            if (random.nextDouble() < 0.02 * fraction) {
                speedKmh = 0;
            } else {
                double drift = (CRUISE_KMH - speedKmh) * 0.2 * fraction;
                speedKmh = clamp(speedKmh + drift + random.nextGaussian() * 6 * noise, 0, MAX_SPEED_KMH);
            }
            heading = (heading + random.nextGaussian() * 20 * noise + 360) % 360;
        }

        /** Moves {@code meters} along the heading, turning back at the city's edges. */
        private void move(double meters, CityBox city) {
            double radians = Math.toRadians(heading);
            double newLat = lat + meters * Math.cos(radians) / METERS_PER_DEGREE;
            double newLon = lon + meters * Math.sin(radians)
                    / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            if (newLat < city.south() || newLat > city.north()) {
                heading = (540 - heading) % 360;
            }
            if (newLon < city.west() || newLon > city.east()) {
                heading = (360 - heading) % 360;
            }
            lat = clamp(newLat, city.south(), city.north());
            lon = clamp(newLon, city.west(), city.east());
        }

        private static double clamp(double value, double min, double max) {
            return Math.max(min, Math.min(max, value));
        }
    }
}
