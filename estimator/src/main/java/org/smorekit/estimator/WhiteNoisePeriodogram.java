package org.smorekit.estimator;

/**
 * The expected periodograms, per unit noise variance, that white noise in a patch leaves in the two branches
 * {@link SpectrumMismatch} compares, for a given profile k.
 *
 * <p>Both branches are linear in the patch: an output row of G(I) is {@code A_k p} for a patch row p, with A_k the
 * 16 x L matrix of {@link PatchDegradation} (valid convolution with k, then resampling by the scale). A line's
 * periodogram at bin f is {@code |sum_j a_j x_j|^2}, with {@code a_j} the Hann window times the Fourier factor, minus
 * their mean (the line's mean is removed first). For white noise n of variance 1:
 * <ul>
 * <li>fake (a degraded row, x = A_k n): {@code E = sum_t |sum_j a_j A_k[j][t]|^2};</li>
 * <li>real (a column of G(I): sample j comes from patch row j alone, so its samples are independent with variance
 *     {@code v_i = sum_t A_k[i][t]^2}, averaged over the 16 columns i): {@code E = mean_i v_i * sum_j |a_j|^2}.</li>
 * </ul>
 * With k an impulse at scale 1 both are equal; a blur leaves less noise at high frequencies in the fake branch than
 * the real branch carries, which is why noise makes a noisy volume look unblurred to a plain spectral match.
 */
final class WhiteNoisePeriodogram {
    private final double[] fake;
    private final double[] real;

    private WhiteNoisePeriodogram(double[] fake, double[] real) {
        this.fake = fake;
        this.real = real;
    }

    /**
     * The expected periodograms for profile {@code k} under {@code degradation}, bins 0 .. bins, with the windowed
     * Fourier factors {@code cos[f][j]}, {@code sin[f][j]} of {@link SpectrumMismatch}.
     */
    static WhiteNoisePeriodogram of(PatchDegradation degradation, double[] k, double[][] cos, double[][] sin) {
        int n = PatchDegradation.OUT;
        int length = degradation.patchLength();
        float[] identity = new float[length * length];
        for (int t = 0; t < length; t++) {
            identity[t * length + t] = 1;
        }
        float[] columns = new float[length * n]; // columns[t * n + j] = A_k[j][t]
        degradation.forward(identity, length, k, columns);
        double meanRowEnergy = 0;
        for (float a : columns) {
            meanRowEnergy += (double) a * a;
        }
        meanRowEnergy /= n;
        int bins = cos.length - 1;
        double[] fake = new double[bins + 1];
        double[] real = new double[bins + 1];
        for (int f = 1; f <= bins; f++) {
            double[] c = centred(cos[f]);
            double[] s = centred(sin[f]);
            double windowEnergy = 0;
            for (int j = 0; j < n; j++) {
                windowEnergy += c[j] * c[j] + s[j] * s[j];
            }
            real[f] = meanRowEnergy * windowEnergy;
            double e = 0;
            for (int t = 0; t < length; t++) {
                double re = 0, im = 0;
                for (int j = 0; j < n; j++) {
                    double a = columns[t * n + j];
                    re += c[j] * a;
                    im += s[j] * a;
                }
                e += re * re + im * im;
            }
            fake[f] = e;
        }
        return new WhiteNoisePeriodogram(fake, real);
    }

    /** Expected periodogram of one degraded row at bin f, per unit noise variance. */
    double fake(int f) {
        return fake[f];
    }

    /** Expected periodogram of one slice-direction column at bin f, per unit noise variance. */
    double real(int f) {
        return real[f];
    }

    /** The coefficients minus their mean: the periodogram of a mean-removed line is linear in the raw line with these. */
    private static double[] centred(double[] a) {
        double mean = 0;
        for (double v : a) {
            mean += v;
        }
        mean /= a.length;
        double[] c = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j] - mean;
        }
        return c;
    }
}
