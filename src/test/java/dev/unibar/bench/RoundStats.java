package dev.unibar.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a paired start-up run: each round starts the floor and the bar back to back, so the
 * two figures of one round share the machine's load, and the ratio of a round is a fairer figure on a
 * shared machine than the ratio of two medians.
 */
final class RoundStats {

    private RoundStats() {
    }

    /** The median (the mean of the two middle values for an even count); NaN for none. */
    static double median(List<? extends Number> values) {
        List<Double> v = new ArrayList<>();
        for (Number n : values) v.add(n.doubleValue());
        if (v.isEmpty()) return Double.NaN;
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** bar / floor per round; a round where either figure is missing (null) or the floor is not positive is left out. */
    static List<Double> ratios(List<Long> floor, List<Long> bar) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(floor.size(), bar.size()); i++) {
            Long f = floor.get(i);
            Long b = bar.get(i);
            if (f != null && b != null && f > 0) r.add(b / (double) f);
        }
        return r;
    }

    /**
     * Exact one-sided Wilcoxon signed-rank test on the log of the per-round ratios: the probability,
     * if bar and floor started equally fast, of a rank sum of "bar later" rounds at least as large as the one
     * seen. Small: the bar is reliably later; near 1: reliably sooner. Ratios of exactly 1 are dropped, tied
     * magnitudes share their mean rank, and all 2^n sign patterns are counted (n ≤ 24).
     */
    static double pBarLater(List<Double> ratios) {
        List<Double> d = new ArrayList<>();
        for (double r : ratios) if (r != 1.0) d.add(Math.log(r));
        int n = d.size();
        if (n == 0) return 1.0;
        if (n > 24) throw new IllegalArgumentException("exact test counts 2^n patterns; n = " + n);
        double[] ranks = ranksOfMagnitude(d);
        double observed = 0;
        for (int i = 0; i < n; i++) if (d.get(i) > 0) observed += ranks[i];
        long atLeast = 0;
        for (long mask = 0; mask < (1L << n); mask++) {
            double w = 0;
            for (int i = 0; i < n; i++) if ((mask & (1L << i)) != 0) w += ranks[i];
            if (w >= observed - 1e-9) atLeast++;
        }
        return atLeast / (double) (1L << n);
    }

    private static double[] ranksOfMagnitude(List<Double> d) {
        int n = d.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d.get(a)), Math.abs(d.get(b))));
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Math.abs(d.get(order[j + 1])) == Math.abs(d.get(order[i]))) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = mean;
            i = j + 1;
        }
        return ranks;
    }
}
