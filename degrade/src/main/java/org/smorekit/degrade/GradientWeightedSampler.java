package org.smorekit.degrade;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.smorekit.volume.Volume;

/**
 * Draws voxel positions of a volume with probability proportional to the in-plane gradient magnitude
 * {@code |grad f| = sqrt((df/da)^2 + (df/db)^2)} (central differences inside each plane of constant axis 2, one-sided
 * at the plane's border), plus a floor of {@code floorFraction} times the mean magnitude so that flat regions keep
 * some chance. Informative (edge) regions are sampled often, the empty background rarely.
 *
 * <p>Sampling is inverse-CDF on a cumulative array (binary search), so a draw costs {@code O(log n)}.
 */
public final class GradientWeightedSampler {
    private final int na;
    private final int nb;
    private final double[] cumulative;

    /**
     * @param volume        any volume; planes are those of constant axis 2 (the in-plane slices when the slice axis
     *                      is last)
     * @param floorFraction weight added to every voxel, as a fraction of the mean gradient magnitude (>= 0)
     */
    public GradientWeightedSampler(Volume volume, double floorFraction) {
        if (!(floorFraction >= 0) || !Double.isFinite(floorFraction)) {
            throw new IllegalArgumentException("floorFraction must be finite and >= 0, got " + floorFraction);
        }
        na = volume.nx();
        nb = volume.ny();
        int nz = volume.nz();
        int n = volume.size();
        double[] weight = new double[n];
        double total = 0;
        for (int z = 0; z < nz; z++) {
            for (int b = 0; b < nb; b++) {
                for (int a = 0; a < na; a++) {
                    double ga = derivative(volume, a, b, z, true);
                    double gb = derivative(volume, a, b, z, false);
                    double g = Math.sqrt(ga * ga + gb * gb);
                    weight[volume.index(a, b, z)] = g;
                    total += g;
                }
            }
        }
        double floor = total > 0 ? floorFraction * total / n : 1;
        cumulative = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += weight[i] + floor;
            cumulative[i] = running;
        }
    }

    private double derivative(Volume v, int a, int b, int z, boolean alongA) {
        int len = alongA ? na : nb;
        int p = alongA ? a : b;
        if (len == 1) {
            return 0;
        }
        int lo = Math.max(p - 1, 0);
        int hi = Math.min(p + 1, len - 1);
        float fLo = alongA ? v.get(lo, b, z) : v.get(a, lo, z);
        float fHi = alongA ? v.get(hi, b, z) : v.get(a, hi, z);
        return (fHi - fLo) / (double) (hi - lo);
    }

    /** A linear voxel index ({@code a + na * (b + nb * z)}) drawn with probability ~ weight. */
    public int draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        int idx = i >= 0 ? i + 1 : -i - 1;
        return Math.min(idx, cumulative.length - 1);
    }

    /** The probability of drawing voxel {@code index}. */
    public double probability(int index) {
        double prev = index == 0 ? 0 : cumulative[index - 1];
        return (cumulative[index] - prev) / cumulative[cumulative.length - 1];
    }

    public int planeWidth() {
        return na;
    }

    public int planeHeight() {
        return nb;
    }
}
