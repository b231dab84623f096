package org.smorekit.estimator;

import java.util.SplittableRandom;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;

/**
 * How far apart the second-order statistics of the two branches the GAN compares are, for a candidate profile k: the
 * mean power spectrum of the degraded in-plane rows of G(I) (fake) against that of its slice-direction columns (real),
 * over a fixed set of {@value #PATCHES} patches.
 *
 * <p>{@code D(k) = sum_{f=1..8} (ln P_fake(f) - ln P_real(f))^2}, with P the mean Hann-windowed periodogram of the
 * mean-removed 16-sample lines (frequency bins 1..8 of 16). D is 0 when the two directions have the same power
 * spectrum, which is what the GAN's match of the full distributions implies for their second moments; it is unitless
 * (a D of 0.5 is a power mismatch of about 28% per bin). The patch set is drawn with a fixed seed, so D measures
 * profiles, not sampling luck, and runs with different seeds are compared on the same patches.
 *
 * <p>Used to tell a GAN run that went astray from one that matched the scan ({@link EnsembleChoice}): a run that blew
 * up to a wide, flat profile degrades the in-plane rows far below the slice direction's high-frequency power (measured
 * on the simulated Colin27, Gaussian FWHM 4 at scale 8: D = 16.4 for k of FWHM 13, 0.08 for FWHM 2 to 4). Its minimum
 * over boxes with Gaussian edges ({@link #bestSmoothedRect}) is the reference the runs are checked against. It is not
 * the estimator: on Colin27 that minimum is within 0.33 voxel of the truth in every cell at scale 2, but biased at
 * scale 4 (true Gaussian 4: 2.91) and flat at scale 8 for every FWHM up to about half the scale (docs/estimator.md,
 * "The spectral fit").
 */
final class SpectrumMismatch {
    static final int PATCHES = 1024;
    static final long PATCH_SEED = 0x5EC7A1L;
    /** Largest share of a fitted candidate's mass that may lie outside the taps. */
    static final double MAX_CUT = 0.01;
    private static final int N = PatchDegradation.OUT;
    private static final int BINS = N / 2;
    static final double[][] COS = new double[BINS + 1][N];
    static final double[][] SIN = new double[BINS + 1][N];

    static {
        for (int j = 0; j < N; j++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * (j + 0.5) / N);
            for (int f = 0; f <= BINS; f++) {
                COS[f][j] = hann * Math.cos(2 * Math.PI * f * j / N);
                SIN[f][j] = hann * Math.sin(2 * Math.PI * f * j / N);
            }
        }
    }

    private final PatchDegradation degradation;
    private final double noiseVariance;
    private final int patchCount;
    /** Lines summed into each branch's spectrum: {@code patchCount} patches of 16 lines. */
    private final double lines;
    private final float[] patches;
    /** G(I) of the last {@link #of} call, reused (one estimate evaluates D some 60 times). */
    private final float[] degraded;

    SpectrumMismatch(PatchSampler sampler, PatchDegradation degradation) {
        this(sampler, degradation, 0);
    }

    /**
     * @param noiseVariance the variance of the scan's white noise in the patches' units, known beforehand (e.g. from
     *                      {@code NoiseLevel}); {@link #of} then compares the branches as if both carried the real
     *                      branch's share of it, as {@link NoiseMatching} makes the GAN compare them. 0: plain D.
     */
    SpectrumMismatch(PatchSampler sampler, PatchDegradation degradation, double noiseVariance) {
        this(sampler, degradation, noiseVariance, PATCHES, PATCH_SEED);
    }

    /**
     * As {@link #SpectrumMismatch(PatchSampler, PatchDegradation, double)}, over {@code patchCount} patches drawn with
     * {@code patchSeed} instead of the fixed set: how much D and its fit depend on the patches drawn
     * ({@code DevFitPatchSets}; docs/estimator.md, "Tried: the spectral fit on 4096 patches").
     */
    SpectrumMismatch(PatchSampler sampler, PatchDegradation degradation, double noiseVariance, int patchCount,
            long patchSeed) {
        if (!(noiseVariance >= 0) || !Double.isFinite(noiseVariance)) {
            throw new IllegalArgumentException("noiseVariance must be finite and >= 0, got " + noiseVariance);
        }
        if (patchCount < 1) {
            throw new IllegalArgumentException("patchCount must be >= 1, got " + patchCount);
        }
        this.degradation = degradation;
        this.noiseVariance = noiseVariance;
        this.patchCount = patchCount;
        this.lines = (double) patchCount * N;
        this.patches = new float[patchCount * N * degradation.patchLength()];
        this.degraded = new float[patchCount * N * N];
        sampler.sample(new SplittableRandom(patchSeed), patchCount, patches);
    }

    /**
     * D(k) for a profile of the degradation's length K; with a known noise variance, the fake branch's expected noise
     * periodogram is replaced by the real branch's before the comparison.
     */
    double of(double[] k) {
        double[][] p = spectra(k);
        if (noiseVariance == 0) {
            return mismatch(p[0], p[1], null, 0);
        }
        WhiteNoisePeriodogram q = WhiteNoisePeriodogram.of(degradation, k, COS, SIN);
        return mismatch(p[0], p[1], q, Math.min(noiseVariance, noiseCap(p[0], q)));
    }

    /**
     * D(k) when both branches may carry white noise (independent between voxels, the same variance everywhere), with
     * the noise variance that makes D smallest. Noise is not blurred by the scanner's profile, so in a noisy volume the
     * slice direction keeps a flat floor of high-frequency power that a blurred in-plane row lacks, and a plain match
     * ({@link #of}) prefers no blur at all. Here the branches are compared after the noise's expected contribution to
     * each is accounted for ({@link WhiteNoisePeriodogram}):
     * {@code D(k) = min_{sigma^2 >= 0} sum_f (ln(P_fake(f) - sigma^2 n (q_fake(f) - q_real(f))) - ln P_real(f))^2},
     * n the number of lines, sigma^2 bounded so that the noise explains at most all of the slice direction's power in
     * any bin. With sigma^2 = 0 this is {@link #of}; an impulse k is unaffected by the noise term.
     *
     * @return D, and the share of the slice direction's power at the highest frequency bin that the fitted noise
     *         explains (0 to 1)
     */
    NoisyMismatch withNoise(double[] k) {
        double[][] p = spectra(k);
        double[] fake = p[0], real = p[1];
        WhiteNoisePeriodogram q = WhiteNoisePeriodogram.of(degradation, k, COS, SIN);
        double cap = Double.POSITIVE_INFINITY;
        for (int f = 1; f <= BINS; f++) {
            cap = Math.min(cap, real[f] / (lines * q.real(f)));
            double drop = q.fake(f) - q.real(f);
            if (drop > 0) {
                cap = Math.min(cap, fake[f] / (lines * drop));
            }
        }
        cap *= 1 - 1e-6;
        double bestVariance = 0;
        double best = mismatch(fake, real, q, 0);
        int steps = 64;
        for (int i = 1; i <= steps; i++) {
            double v = cap * i / steps;
            double d = mismatch(fake, real, q, v);
            if (d < best) {
                best = d;
                bestVariance = v;
            }
        }
        // golden-section refinement within one grid step on either side of the best grid point
        double lo = Math.max(0, bestVariance - cap / steps), hi = Math.min(cap, bestVariance + cap / steps);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 40; i++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (mismatch(fake, real, q, a) < mismatch(fake, real, q, b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double refined = (lo + hi) / 2;
        double d = mismatch(fake, real, q, refined);
        if (d < best) {
            best = d;
            bestVariance = refined;
        }
        return new NoisyMismatch(best, bestVariance * lines * q.real(BINS) / real[BINS]);
    }

    /**
     * The largest variance whose replacement keeps every bin of the fake spectrum positive (it can only lower a bin
     * where the fake branch carries more noise than the real one, which a blur never makes it do at integer scales).
     */
    private double noiseCap(double[] fake, WhiteNoisePeriodogram q) {
        double cap = Double.POSITIVE_INFINITY;
        for (int f = 1; f <= BINS; f++) {
            double drop = q.fake(f) - q.real(f);
            if (drop > 0) {
                cap = Math.min(cap, (1 - 1e-3) * fake[f] / (lines * drop));
            }
        }
        return cap;
    }

    /** D with noise of variance {@code variance} accounted for ({@code q} null: no noise). */
    private double mismatch(double[] fake, double[] real, WhiteNoisePeriodogram q, double variance) {
        double d = 0;
        for (int f = 1; f <= BINS; f++) {
            double modelled = q == null ? fake[f] : fake[f] - variance * lines * (q.fake(f) - q.real(f));
            double r = Math.log((modelled + Double.MIN_NORMAL) / (real[f] + Double.MIN_NORMAL));
            d += r * r;
        }
        return d;
    }

    /** The summed periodograms of the degraded rows (fake, [0]) and of the slice-direction columns (real, [1]). */
    private double[][] spectra(double[] k) {
        float[] out = degraded;
        degradation.forward(patches, patchCount * N, k, out);
        double[] fake = new double[BINS + 1];
        double[] real = new double[BINS + 1];
        double[] line = new double[N];
        for (int b = 0; b < patchCount; b++) {
            int base = b * N * N;
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    line[j] = out[base + i * N + j];
                }
                addPeriodogram(line, fake);
                for (int j = 0; j < N; j++) {
                    line[j] = out[base + j * N + i];
                }
                addPeriodogram(line, real);
            }
        }
        return new double[][] {fake, real};
    }

    /**
     * A noise-aware D ({@link #withNoise}).
     *
     * @param mismatch   D with the fitted noise accounted for
     * @param noiseShare share of the slice direction's power at the highest frequency bin explained by that noise
     */
    record NoisyMismatch(double mismatch, double noiseShare) {
    }

    /**
     * The box with Gaussian edges ({@link Profiles#smoothedRect}; Gaussians and boxes included) of {@code taps} taps
     * whose D is smallest, with that D: the profile a plain second-order match would pick, the reference a GAN run has to come
     * near. Searched on a grid of box widths 1 .. taps - 2 and edge FWHMs 0 .. taps - 2 voxels in steps of 1, then in
     * steps of 0.25 within 1 voxel of the best; candidates with more than {@value #MAX_CUT} of their mass outside the
     * taps are skipped. A few hundred evaluations of D: 1.5 s for K = 21 at scales 2 and 4 (quiet machine,
     * {@code DevNoiseFit}).
     */
    Fit bestSmoothedRect(int taps) {
        return bestSmoothedRect(taps, false);
    }

    /**
     * As {@link #bestSmoothedRect(int)}, with D from {@link #withNoise} when {@code noiseAware} (each candidate with
     * its own best noise variance).
     */
    Fit bestSmoothedRect(int taps, boolean noiseAware) {
        Candidate best = new Candidate(1, 0, Double.POSITIVE_INFINITY, 0);
        for (double w = 1; w <= taps - 2; w++) {
            for (double g = 0; g <= taps - 2; g++) {
                best = better(best, w, g, taps, noiseAware);
            }
        }
        Candidate coarse = best;
        for (double w = Math.max(1, coarse.width() - 1); w <= coarse.width() + 1 + 1e-9; w += 0.25) {
            for (double g = Math.max(0, coarse.edge() - 1); g <= coarse.edge() + 1 + 1e-9; g += 0.25) {
                best = better(best, w, g, taps, noiseAware);
            }
        }
        return new Fit(fitted(best.width(), best.edge(), taps), best.mismatch(), best.noiseShare());
    }

    /**
     * A profile and its D.
     *
     * @param noiseShare for a noise-aware fit, the share of the slice direction's power at the highest frequency
     *                   that the fitted white noise explains; 0 otherwise
     */
    record Fit(SliceProfile profile, double mismatch, double noiseShare) {
    }

    /** A point of the smoothed-rect search: box width and edge FWHM (voxels), D, and the fitted noise's share. */
    private record Candidate(double width, double edge, double mismatch, double noiseShare) {
    }

    /** {@code best}, or the candidate (width, edge) when its D is smaller (candidates cut by the taps are skipped). */
    private Candidate better(Candidate best, double width, double edge, int taps, boolean noiseAware) {
        SliceProfile k = fitted(width, edge, taps);
        if (k == null) {
            return best;
        }
        if (noiseAware) {
            NoisyMismatch m = withNoise(k.values());
            return m.mismatch() < best.mismatch() ? new Candidate(width, edge, m.mismatch(), m.noiseShare()) : best;
        }
        double d = of(k.values());
        return d < best.mismatch() ? new Candidate(width, edge, d, 0) : best;
    }

    /** The candidate on {@code taps} taps, or null when more than {@link #MAX_CUT} of it would be cut off. */
    static SliceProfile fitted(double width, double edge, int taps) {
        SliceProfile full = Profiles.smoothedRect(width, edge);
        double[] v = full.values();
        int cut = (v.length - taps) / 2;
        double outside = 0;
        for (int t = 0; t < cut; t++) {
            outside += v[t] + v[v.length - 1 - t];
        }
        return outside > MAX_CUT ? null : Profiles.withLength(full, taps);
    }

    static void addPeriodogram(double[] line, double[] power) {
        double mean = 0;
        for (double v : line) {
            mean += v;
        }
        mean /= N;
        for (int f = 1; f <= BINS; f++) {
            double re = 0, im = 0;
            for (int j = 0; j < N; j++) {
                double v = line[j] - mean;
                re += v * COS[f][j];
                im += v * SIN[f][j];
            }
            power[f] += re * re + im * im;
        }
    }
}
