package org.smorekit.estimator;

/**
 * Exponential moving average of profiles in quantile space: the running 1-D Wasserstein barycentre. Averaging the
 * profiles themselves (tap by tap) narrows the result whenever the profiles fluctuate in width: the mean of a narrow
 * and a wide profile has the narrow one's peak and a half maximum below the wide one's shoulders, so its FWHM is
 * smaller than the mean FWHM. Averaging quantile functions instead keeps widths: the barycentre of two Gaussians of
 * standard deviations a and b is the Gaussian of standard deviation (a + b) / 2, and a constant sequence of profiles
 * averages to itself.
 *
 * <p>Each profile of K taps is read as a density that is constant on [i - 1/2, i + 1/2) around tap i; its quantile
 * function is sampled at {@value #QUANTILES} probabilities (j + 1/2) / {@value #QUANTILES}. The average is turned back
 * into taps by the mass of the averaged distribution in each tap's interval.
 */
final class QuantileAverage {
    static final int QUANTILES = 4096;
    private final int length;
    private final double beta;
    private final double[] quantiles = new double[QUANTILES];
    private boolean empty = true;

    /**
     * @param length K, the number of taps
     * @param beta   weight of the past in each update, in [0, 1)
     */
    QuantileAverage(int length, double beta) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.length = length;
        this.beta = beta;
    }

    /** Adds a profile (nonnegative, summing to 1); the first one sets the average. */
    void add(double[] profile) {
        if (profile.length != length) {
            throw new IllegalArgumentException("profile has " + profile.length + " taps, expected " + length);
        }
        int tap = 0;
        double below = 0;
        for (int j = 0; j < QUANTILES; j++) {
            double p = (j + 0.5) / QUANTILES;
            while (tap < length - 1 && below + profile[tap] <= p) {
                below += profile[tap];
                tap++;
            }
            double mass = profile[tap];
            double q = tap - 0.5 + (mass > 0 ? Math.min(1, Math.max(0, (p - below) / mass)) : 0.5);
            quantiles[j] = empty ? q : beta * quantiles[j] + (1 - beta) * q;
        }
        empty = false;
    }

    /** The averaged profile, K taps summing to 1. */
    double[] profile() {
        if (empty) {
            throw new IllegalStateException("no profile added yet");
        }
        double[] out = new double[length];
        // the averaged CDF at each tap edge e = i - 1/2, by linear interpolation of p over the sorted quantiles
        double previous = 0;
        int j = 0;
        for (int i = 0; i < length; i++) {
            double edge = i + 0.5;
            while (j < QUANTILES && quantiles[j] < edge) {
                j++;
            }
            double cdf;
            if (j == 0) {
                cdf = 0;
            } else if (j == QUANTILES) {
                cdf = 1;
            } else {
                double q0 = quantiles[j - 1], q1 = quantiles[j];
                double p0 = (j - 0.5) / QUANTILES, p1 = (j + 0.5) / QUANTILES;
                cdf = q1 > q0 ? p0 + (p1 - p0) * (edge - q0) / (q1 - q0) : p1;
            }
            if (i == length - 1) {
                cdf = 1;
            }
            out[i] = Math.max(0, cdf - previous);
            previous = Math.max(previous, cdf);
        }
        return out;
    }
}
