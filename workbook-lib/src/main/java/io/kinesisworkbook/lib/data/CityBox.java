package io.kinesisworkbook.lib.data;

/**
 * A latitude/longitude rectangle that vehicles drive within.
 *
 * @param south the smallest latitude
 * @param west  the smallest longitude
 * @param north the largest latitude
 * @param east  the largest longitude
 */
public record CityBox(String name, double south, double west, double north, double east) {

    /** Paris inside the Périphérique ring road. */
    public static final CityBox PARIS = new CityBox("Paris", 48.816, 2.255, 48.902, 2.415);

    /** Manhattan and the nearest parts of Brooklyn and Queens. */
    public static final CityBox NEW_YORK = new CityBox("New York", 40.700, -74.020, 40.800, -73.930);

    public CityBox {
        if (!(south < north && west < east)) {
            throw new IllegalArgumentException("need south < north and west < east");
        }
    }

    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }
}
