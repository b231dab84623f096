package org.smorekit.degrade;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Factories for the slice profiles the toolkit simulates. All widths are in voxels of the grid the profile is
 * sampled on (for the simulator: the input grid along the degraded axis); tap {@code t} sits at offset
 * {@code x = t - K/2}.
 */
public final class Profiles {
    /** {@code FWHM = 2 sqrt(2 ln 2) sigma}. */
    public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    /**
     * Half-length of an automatic Gaussian, in sigmas: {@code r = max(1, ceil(4 sigma))}. The continuous Gaussian
     * has 99.9937% of its mass within +-4 sigma, so the taps hold more than 99.99% of it.
     */
    public static final double GAUSSIAN_HALF_LENGTH_SIGMAS = 4;

    private Profiles() {
    }

    /**
     * A Gaussian of the given FWHM, point-sampled at integer offsets {@code x}: {@code k[x] ~ exp(-x^2 / (2 sigma^2))},
     * {@code sigma = fwhm / (2 sqrt(2 ln 2))}, on {@code K = 2r + 1} taps with {@code r = max(1, ceil(4 sigma))}
     * (e.g. FWHM 4: sigma 1.699, K = 15), then normalised to sum 1.
     *
     * <p>The FWHM measured on the samples ({@link SliceProfile#fwhmVoxels()}, half-max with linear interpolation)
     * equals {@code fwhm} for even integers (the crossings fall on taps); otherwise the interpolation between taps
     * reads it a little off: at most 0.10 voxels for FWHM in [2, 3), 0.06 in [3, 6), 0.035 in [6, 12] (checked on a
     * 0.05 grid in ProfilesTest), more below 2 voxels where the Gaussian is barely sampled.
     *
     * @param fwhmVoxels full width at half maximum in voxels, finite and {@code > 0}
     */
    public static SliceProfile gaussian(double fwhmVoxels) {
        checkWidth("fwhm", fwhmVoxels);
        double sigma = fwhmVoxels / FWHM_PER_SIGMA;
        int r = Math.max(1, (int) Math.ceil(GAUSSIAN_HALF_LENGTH_SIGMAS * sigma));
        return gaussian(fwhmVoxels, 2 * r + 1);
    }

    /**
     * A Gaussian of the given FWHM point-sampled on exactly {@code taps} taps (odd), e.g. the 21 taps of ESPRESO.
     * Short lengths truncate the tails (the result is renormalised to sum 1).
     */
    public static SliceProfile gaussian(double fwhmVoxels, int taps) {
        checkWidth("fwhm", fwhmVoxels);
        checkOddLength(taps);
        double sigma = fwhmVoxels / FWHM_PER_SIGMA;
        double[] v = new double[taps];
        int c = taps / 2;
        for (int t = 0; t < taps; t++) {
            double x = t - c;
            v[t] = Math.exp(-x * x / (2 * sigma * sigma));
        }
        return new SliceProfile(v);
    }

    /**
     * A box of width {@code w} centred on 0, each tap the length of its unit cell {@code [x - 1/2, x + 1/2]} covered
     * by {@code [-w/2, w/2]} (so edge taps are fractional), on {@code K = 2 ceil(w/2 - 1/2) + 1} taps (the smallest
     * odd length holding every nonzero tap), normalised to sum 1.
     *
     * <p>Its half-max FWHM equals {@code w} for every integer {@code w >= 1}. For a fractional width write
     * {@code w/2 = n + 1/2 + f} with integer {@code n >= 0} and {@code f in [0, 1)}: the edge taps at {@code +-(n+1)}
     * hold {@code f} (inner taps 1), and the half-max FWHM is {@code 2n + 1/(1 - f)} for {@code f <= 1/2} and
     * {@code 4 + 2n - 1/f} for {@code f >= 1/2}. It is exact at integer {@code w} ({@code f = 0, 1/2}), below
     * {@code w} between an odd width and the next even one, above it between an even width and the next odd one, and
     * never more than {@code 3 - 2 sqrt 2 = 0.172} voxels off (e.g. w = 3.5 gives 3.333, w = 4.5 gives 4.667).
     * Widths {@code w <= 1} give the one-tap impulse (FWHM 1 by the half-max rule).
     *
     * @param widthVoxels box width (its FWHM for integer widths) in voxels, finite and {@code > 0}
     */
    public static SliceProfile rect(double widthVoxels) {
        checkWidth("width", widthVoxels);
        double h = widthVoxels / 2;
        int r = Math.max(0, (int) Math.ceil(h - 0.5));
        double[] v = new double[2 * r + 1];
        for (int t = 0; t < v.length; t++) {
            double x = t - r;
            double lo = Math.max(x - 0.5, -h);
            double hi = Math.min(x + 0.5, h);
            v[t] = Math.max(0, hi - lo);
        }
        return new SliceProfile(v);
    }

    /**
     * A box with Gaussian edges: {@link #rect rect(widthVoxels)} convolved with {@link #gaussian(double)
     * gaussian(edgeFwhmVoxels)} (discrete convolution of the two sampled profiles, on their full support). The usual
     * shape of a multi-slice MR slice profile lies between the two limits this family holds: the box of an ideal
     * selective pulse ({@code edgeFwhmVoxels = 0}) and the bell of a short one ({@code widthVoxels <= 1}, which gives
     * the Gaussian). Being a convolution, its variance is the sum of the two profiles' variances, and it sums to 1.
     *
     * @param widthVoxels    box width in voxels, finite and {@code > 0} ({@code <= 1}: no box)
     * @param edgeFwhmVoxels FWHM of the Gaussian edge in voxels, finite and {@code >= 0} (0: sharp edges)
     */
    public static SliceProfile smoothedRect(double widthVoxels, double edgeFwhmVoxels) {
        checkWidth("width", widthVoxels);
        if (!(edgeFwhmVoxels >= 0) || !Double.isFinite(edgeFwhmVoxels)) {
            throw new IllegalArgumentException("edge FWHM must be a finite number >= 0 voxels, got " + edgeFwhmVoxels);
        }
        double[] box = rect(widthVoxels).values();
        if (edgeFwhmVoxels == 0) {
            return new SliceProfile(box);
        }
        double[] edge = gaussian(edgeFwhmVoxels).values();
        double[] v = new double[box.length + edge.length - 1];
        for (int i = 0; i < box.length; i++) {
            for (int j = 0; j < edge.length; j++) {
                v[i + j] += box[i] * edge[j];
            }
        }
        return new SliceProfile(v);
    }

    /**
     * Reads a profile file: one number per line (blank lines and {@code #} comments allowed), a JSON array, or a JSON
     * object with a {@code "values"} array (the toolkit's own profile sidecars). Values must be finite and
     * nonnegative, not all zero, and of odd count (the middle value is offset 0; an even count has no middle and is
     * refused rather than shifted by half a voxel). The result is normalised to sum 1.
     *
     * @throws IOException              if the file cannot be read (message names the file); a
     *                                  {@link java.nio.file.NoSuchFileException} if it does not exist
     * @throws ProfileFormatException if the content is not a valid profile, or the path is a folder (message names
     *                                the file and the problem)
     */
    public static SliceProfile fromFile(Path file) throws IOException {
        return ProfileFileParser.read(file);
    }

    /**
     * The same profile on {@code taps} taps (odd), centre kept: zero-padded symmetrically when longer, cropped
     * symmetrically (and renormalised to sum 1) when shorter.
     */
    public static SliceProfile withLength(SliceProfile profile, int taps) {
        checkOddLength(taps);
        double[] src = profile.values();
        double[] v = new double[taps];
        int shift = taps / 2 - profile.centre();
        for (int t = 0; t < src.length; t++) {
            int d = t + shift;
            if (d >= 0 && d < taps) {
                v[d] = src[t];
            }
        }
        return new SliceProfile(v);
    }

    private static void checkWidth(String name, double w) {
        if (!(w > 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0 voxels, got " + w);
        }
    }

    private static void checkOddLength(int taps) {
        if (taps < 1 || taps % 2 == 0) {
            throw new IllegalArgumentException("number of taps must be odd and >= 1, got " + taps);
        }
    }
}
