package dev.unibar.localapi;

/**
 * A token bucket per client: {@code perSecond} commands a second, bursts of twice that. A client over its rate
 * gets {@code rate_limited} answers (HTTP 429) until the bucket refills; others are not slowed.
 */
final class RateLimiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimiter(int perSecond, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = 2.0 * perSecond;
        this.tokens = burst;
        this.last = now;
    }

    /** @param now {@link System#nanoTime()} */
    synchronized boolean take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
