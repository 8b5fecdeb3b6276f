package io.kinesisworkbook.lib.data;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Website clicks from a pool of users ({@code user-0}, {@code user-1}, ...).
 *
 * <p>Pages follow Zipf popularity (the home page first). A user's clicks form sessions: a session
 * ends after 30 minutes of silence, as in web analytics, and within one the referrer is the
 * previous page, so a consumer can reconstruct paths through the site.
 *
 * <pre>{@code Clickstream.seeded(42).ratePerSecond(200).events().limit(10_000)}</pre>
 */
public final class Clickstream extends EventGenerator<Click, Clickstream> {

    private static final String SITE = "https://shop.example.com";
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);

    /** In order of popularity. */
    private static final List<String> PAGES = List.of(
            "/", "/search", "/products/headphones", "/products/running-shoes", "/cart",
            "/products/coffee-grinder", "/deals", "/products/backpack", "/checkout", "/account",
            "/products/desk-lamp", "/products/water-bottle", "/help", "/products/yoga-mat",
            "/products/phone-case", "/about", "/blog/streaming-101", "/careers", "/privacy", "/terms");

    private static final List<String> OUTSIDE_REFERRERS = List.of(
            "https://www.google.com/", "https://www.bing.com/", "https://news.example.org/",
            "https://newsletter.example.com/", "https://social.example.net/");

    private final Zipf pagePopularity = new Zipf(PAGES.size(), 1.1);
    private final Map<String, Session> sessions = new HashMap<>();
    private int users = 1_000;

    private Clickstream(long seed) {
        super(seed);
    }

    public static Clickstream seeded(long seed) {
        return new Clickstream(seed);
    }

    /** How many distinct users click (default 1,000). */
    public Clickstream users(int count) {
        requireNotStarted();
        if (count < 1) {
            throw new IllegalArgumentException("need at least one user");
        }
        this.users = count;
        return this;
    }

    @Override
    protected Click nextEvent(Instant time) {
        String userId = hotKeyOr(() -> "user-" + random().nextInt(users));
        Session session = sessionAt(userId, time);
        String page = PAGES.get(pagePopularity.sample(random()));
        String referrer = session.lastPage == null ? session.entryReferrer : SITE + session.lastPage;
        session.lastPage = page;
        session.lastSeen = time;
        return new Click(uuid().toString(), time, userId, session.id, page, referrer, session.device, action());
    }

    /** The user's current session, or a new one if they were away too long. */
    private Session sessionAt(String userId, Instant time) {
        Session session = sessions.get(userId);
        if (session == null || session.lastSeen.plus(SESSION_TIMEOUT).isBefore(time)) {
            session = new Session(uuid().toString(), device(), entryReferrer());
            sessions.put(userId, session);
        }
        return session;
    }

    private String device() {
        double u = random().nextDouble();
        return u < 0.55 ? "mobile" : u < 0.93 ? "desktop" : "tablet";
    }

    /** A third of visits are direct (no referrer). */
    private String entryReferrer() {
        return chance(1 / 3.0) ? null : pick(OUTSIDE_REFERRERS);
    }

    /** Most events are views; few become purchases, as in any shop's funnel. */
    private Click.Action action() {
        double u = random().nextDouble();
        if (u < 0.70) {
            return Click.Action.PAGE_VIEW;
        }
        if (u < 0.92) {
            return Click.Action.CLICK;
        }
        return u < 0.98 ? Click.Action.ADD_TO_CART : Click.Action.PURCHASE;
    }

    private static final class Session {
        final String id;
        final String device;
        final String entryReferrer;
        String lastPage;
        Instant lastSeen;

        Session(String id, String device, String entryReferrer) {
            this.id = id;
            this.device = device;
            this.entryReferrer = entryReferrer;
        }
    }
}
