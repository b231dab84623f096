package org.smorekit.estimator;

import java.util.SplittableRandom;

/**
 * Makes the scan's noise look alike in the discriminator's two branches.
 *
 * <p>Both branches carry the generator's blur along the in-plane axis, so white noise of variance sigma^2 in the scan
 * has variance {@code sigma^2 r_0} in either ({@code r_l = sum_t k_t k_{t + l s}}). But the real rows run across
 * slices, whose noise is independent, while the fake rows are the blurred in-plane line sampled every s voxels, whose
 * noise is correlated: covariance {@code sigma^2 r_l} at lag l. Real rows thus carry whiter noise than fake ones, which
 * reads as finer detail along the slices, and a GAN matching them narrows k. Here each real row gets added noise of
 * covariance {@code sigma^2 r_l} at lags l >= 1 and {@code lambda} at lag 0, each fake row white noise of variance
 * {@code lambda}, so that both end with the same covariance; lambda is the least variance that makes the real rows'
 * added covariance a valid one (its spectrum non-negative). The added noise is drawn by circulant embedding on 32
 * samples (lags up to 15; exact for the 16-sample rows). It depends on k, but is treated as a constant of the
 * iteration: no gradient flows through it.
 */
final class NoiseMatching {
    private static final int ROWS = PatchDegradation.OUT;
    private static final int CIRCLE = 2 * ROWS;

    private final double variance;
    private final double scale;
    private final double[][] cos = new double[CIRCLE / 2 + 1][ROWS];
    private final double[][] sin = new double[CIRCLE / 2 + 1][ROWS];

    /**
     * @param sigma the scan's noise standard deviation in the units the patches are in (0: nothing is added)
     * @param scale the slice spacing in in-plane voxels, the fake rows' sampling step
     */
    NoiseMatching(double sigma, double scale) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        this.variance = sigma * sigma;
        this.scale = scale;
        for (int j = 0; j <= CIRCLE / 2; j++) {
            for (int n = 0; n < ROWS; n++) {
                cos[j][n] = Math.cos(2 * Math.PI * j * n / CIRCLE);
                sin[j][n] = Math.sin(2 * Math.PI * j * n / CIRCLE);
            }
        }
    }

    /** {@code sum_t k_t k_{t + lag}} at a real-valued lag (linear interpolation between taps). */
    static double autocorrelation(double[] k, double lag) {
        int whole = (int) Math.floor(lag);
        double frac = lag - whole;
        double sum = 0;
        for (int t = 0; t < k.length; t++) {
            double a = t + whole < k.length ? k[t + whole] : 0;
            double b = t + whole + 1 < k.length ? k[t + whole + 1] : 0;
            sum += k[t] * ((1 - frac) * a + frac * b);
        }
        return sum;
    }

    /**
     * The noise each branch gets for {@code k}: on the real rows, noise of spectrum {@code S_j = lambda + 2 sum_l
     * sigma^2 r_l cos(2 pi j l / 32)} on the circle of {@value #CIRCLE} samples; on the fake rows, white noise of
     * variance lambda.
     */
    private AddedNoise added(double[] k) {
        int lags = Math.min(CIRCLE / 2 - 1, (int) Math.floor((k.length - 1) / scale));
        double[] c = new double[lags + 1];
        for (int l = 1; l <= lags; l++) {
            c[l] = variance * autocorrelation(k, l * scale);
        }
        double[] s = new double[CIRCLE / 2 + 1];
        double least = 0;
        for (int j = 0; j <= CIRCLE / 2; j++) {
            double sum = 0;
            for (int l = 1; l <= lags; l++) {
                sum += 2 * c[l] * Math.cos(2 * Math.PI * j * l / CIRCLE);
            }
            s[j] = sum;
            least = Math.min(least, sum);
        }
        double lambda = -least;
        for (int j = 0; j <= CIRCLE / 2; j++) {
            s[j] = Math.max(0, s[j] + lambda);
        }
        return new AddedNoise(s, lambda);
    }

    /** The real rows' added noise spectrum ({@code CIRCLE / 2 + 1} bins) and the fake rows' white variance. */
    private record AddedNoise(double[] realSpectrum, double fakeVariance) {
    }

    /**
     * Adds the matching noise to the discriminator's input: {@code rows} real rows of {@value #ROWS} samples, then
     * {@code rows} fake rows.
     */
    void addTo(float[] input, int rows, double[] k, SplittableRandom random) {
        if (variance == 0) {
            return;
        }
        AddedNoise added = added(k);
        double[] s = added.realSpectrum();
        double[] amplitude = new double[CIRCLE / 2 + 1];
        for (int j = 0; j <= CIRCLE / 2; j++) {
            double weight = j == 0 || j == CIRCLE / 2 ? 1 : 2;
            amplitude[j] = Math.sqrt(weight * s[j] / CIRCLE);
        }
        for (int r = 0; r < rows; r++) {
            int base = r * ROWS;
            for (int j = 0; j <= CIRCLE / 2; j++) {
                double a = amplitude[j] * random.nextGaussian();
                double b = j == 0 || j == CIRCLE / 2 ? 0 : amplitude[j] * random.nextGaussian();
                for (int n = 0; n < ROWS; n++) {
                    input[base + n] += (float) (a * cos[j][n] + b * sin[j][n]);
                }
            }
        }
        double white = Math.sqrt(added.fakeVariance());
        for (int i = rows * ROWS; i < 2 * rows * ROWS; i++) {
            input[i] += (float) (white * random.nextGaussian());
        }
    }
}
