package org.smorekit.degrade;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.smorekit.volume.Volume;

/**
 * Self-supervised super-resolution training pairs cut from the in-plane slices of a thick-slice scan (SMORE; Zhao et
 * al., "SMORE: a self-supervised anti-aliasing and super-resolution algorithm for MRI using deep learning", IEEE TMI
 * 2021). An in-plane line has the fine resolution the network must restore along the slice axis, so degrading it the
 * way the acquisition degraded the slice axis yields a (low-resolution, high-resolution) pair.
 *
 * <p>Degradation: every in-plane line (along either in-plane axis, forwards and reversed) goes whole through
 * {@link LineDegrader} with the scan's relative profile and scale, the same code path as the thick-slice simulator.
 * A pair is a crop of that output: low-resolution columns {@code lrStart .. lrStart + lrWidth - 1}, whose samples sit
 * at line coordinates {@code j * scale}, and high-resolution targets at the integer voxels
 * {@code hrStart + i}, {@code hrStart = ceil(lrStart * scale)}. Crops keep at least {@code K/2 + 2} voxels (half the
 * profile plus the cubic interpolation's reach) between every sample's support and the line ends, so the mirror
 * padding of the line never leaks into a pair.
 *
 * <p>Noise: the acquisition adds its noise to each thick slice, white and unblurred, but the in-plane noise of a pair's
 * low-resolution columns went through the profile, which averages it away (to a fifth of its variance for a box
 * of 5 voxels). A network trained on such pairs meets noisier input than it learnt from, and passes the
 * surplus on as detail. With {@code inputNoiseSigma > 0} (the scan's in-plane noise, {@link
 * org.smorekit.volume.NoiseLevel}) each low-resolution sample gets white Gaussian noise of variance
 * {@code sigma^2 (1 - g_j)}, {@code g_j} its share of the noise the profile kept ({@link LineDegrader#noiseGains}),
 * so that its noise has the variance of a thick slice's; the noise it kept stays correlated between neighbouring
 * samples by {@code sum_t k_t k_(t+s)}, none for profiles no wider than the spacing. The targets keep their noise.
 *
 * <p>Augmentation: the 8 flips/transposes of a 2-D patch (which in-plane axis is degraded, reversal of the degraded
 * axis before degradation, reversal of the rows). Patch centres are drawn with probability ~ in-plane gradient
 * magnitude ({@link GradientWeightedSampler}). Deterministic for a seed.
 *
 * <p>Not thread-safe.
 */
public final class TrainingPairs {
    private static final double GRID_EPS = 1e-9;
    /** Weight floor of the centre sampler, as a fraction of the mean gradient magnitude. */
    private static final double SAMPLER_FLOOR = 0.05;

    private final Volume stack;
    private final double scale;
    private final int height;
    private final int lrWidth;
    private final int hrWidth;
    private final int margin;
    private final int[] n = new int[2];
    private final int[] m = new int[2];
    /** degraded[axis][flip]: LineDegrader output of every line along {@code axis}, (plane, otherIndex, j). */
    private final float[][][] degraded = new float[2][2][];
    /** lrNoise[axis][j]: the standard deviation of the noise added to low-resolution column j (null: none). */
    private final double[][] lrNoise;
    private final GradientWeightedSampler sampler;
    private final SplittableRandom random;
    private final SplittableRandom noiseRandom;

    /**
     * @param sliceLastScan the scan with its slice axis moved last ({@link Volume#permuted}); axes 0 and 1 are in-plane
     * @param profile       the relative slice profile on the in-plane grid
     * @param scale         slice spacing / in-plane spacing (>= 1, may be non-integer)
     * @param patchHeight   rows per patch (along the undegraded in-plane axis)
     * @param lrWidth       low-resolution columns per patch (>= 2)
     * @param seed          random seed
     */
    public TrainingPairs(Volume sliceLastScan, SliceProfile profile, double scale, int patchHeight, int lrWidth,
                         long seed) {
        this(sliceLastScan, profile, scale, patchHeight, lrWidth, 0, seed);
    }

    /**
     * @param sliceLastScan   the scan with its slice axis moved last ({@link Volume#permuted}); axes 0 and 1 are
     *                        in-plane
     * @param profile         the relative slice profile on the in-plane grid
     * @param scale           slice spacing / in-plane spacing (>= 1, may be non-integer)
     * @param patchHeight     rows per patch (along the undegraded in-plane axis)
     * @param lrWidth         low-resolution columns per patch (>= 2)
     * @param inputNoiseSigma the scan's noise standard deviation in its intensity units, restored in the
     *                        low-resolution columns (see the class comment); 0: none added
     * @param seed            random seed (of the pairs' positions and, separately, of the added noise: the same seed
     *                        gives the same crops with and without it)
     */
    public TrainingPairs(Volume sliceLastScan, SliceProfile profile, double scale, int patchHeight, int lrWidth,
                         double inputNoiseSigma, long seed) {
        if (!(inputNoiseSigma >= 0) || !Double.isFinite(inputNoiseSigma)) {
            throw new IllegalArgumentException("inputNoiseSigma must be a finite number >= 0, got " + inputNoiseSigma);
        }
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        if (patchHeight < 1) {
            throw new IllegalArgumentException("patchHeight must be >= 1, got " + patchHeight);
        }
        if (lrWidth < 2) {
            throw new IllegalArgumentException("lrWidth must be >= 2, got " + lrWidth);
        }
        this.stack = sliceLastScan;
        this.scale = scale;
        this.height = patchHeight;
        this.lrWidth = lrWidth;
        this.hrWidth = hrWidth(lrWidth, scale);
        this.margin = margin(profile.length());
        n[0] = stack.nx();
        n[1] = stack.ny();
        for (int axis = 0; axis < 2; axis++) {
            int other = n[1 - axis];
            if (other < patchHeight) {
                throw new IllegalArgumentException("in-plane axis " + (1 - axis) + " has " + other
                        + " voxels, fewer than the patch height " + patchHeight);
            }
            m[axis] = LineDegrader.outputLength(n[axis], scale);
            if (lrStartMin() > lrStartMax(axis)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "in-plane axis %d (%d voxels) is too short for %d low-resolution columns at scale %s with a"
                                + " %d-tap profile: need at least %d voxels", axis, n[axis], lrWidth,
                        number(scale), profile.length(), minimumLineLength(profile.length(), scale, lrWidth)));
            }
        }
        LineDegrader degrader = new LineDegrader(profile, scale);
        for (int axis = 0; axis < 2; axis++) {
            for (int flip = 0; flip < 2; flip++) {
                degraded[axis][flip] = degradeAll(degrader, axis, flip == 1);
            }
        }
        this.lrNoise = inputNoiseSigma == 0 ? null : new double[2][];
        for (int axis = 0; lrNoise != null && axis < 2; axis++) {
            double[] gains = degrader.noiseGains(n[axis]);
            lrNoise[axis] = new double[gains.length];
            for (int j = 0; j < gains.length; j++) {
                lrNoise[axis][j] = inputNoiseSigma * Math.sqrt(Math.max(0, 1 - gains[j]));
            }
        }
        this.sampler = new GradientWeightedSampler(stack, SAMPLER_FLOOR);
        this.random = new SplittableRandom(seed);
        this.noiseRandom = lrNoise == null ? null
                : new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    /**
     * Number of high-resolution target columns for {@code lrWidth} low-resolution columns: {@code (lrWidth-1)*s + 1}
     * for an integer scale, {@code floor((lrWidth-1)*s)} otherwise (the fewest integer voxels any crop offers).
     */
    public static int hrWidth(int lrWidth, double scale) {
        double span = (lrWidth - 1) * scale;
        if (isInteger(scale)) {
            return (int) Math.round(span) + 1;
        }
        return (int) Math.floor(span + GRID_EPS);
    }

    static boolean isInteger(double scale) {
        return Math.abs(scale - Math.rint(scale)) < GRID_EPS;
    }

    public int height() {
        return height;
    }

    public int lrWidth() {
        return lrWidth;
    }

    public int hrWidth() {
        return hrWidth;
    }

    public double scale() {
        return scale;
    }

    private int lrStartMin() {
        return lrStartMin(margin, scale);
    }

    /** The first low-resolution column a crop may start at: its sample's support, floor(j*s) - 1 - K/2, is >= 0. */
    private static int lrStartMin(int margin, double scale) {
        return (int) Math.ceil((margin - 1) / scale - GRID_EPS);
    }

    /** Voxels kept between a sample's position and a line end: half the profile plus the cubic reach, K/2 + 2. */
    private static int margin(int profileLength) {
        return profileLength / 2 + 2;
    }

    /**
     * The shortest in-plane line (voxels) that holds one crop of {@code lrWidth} low-resolution columns with the
     * margins: a crop starts at the first allowed column {@code j0 = ceil((M - 1) / s)}, its last sample sits at
     * {@code floor((j0 + lrWidth - 1) * s)} and needs {@code M} more voxels after it, so
     * {@code n_min = floor((j0 + lrWidth - 1) * s) + M + 1} with {@code M = K/2 + 2}. For example 62 voxels at scale 4
     * with a 15-tap profile and 12 columns (SMORE's default patch of 48 voxels), 69 with a 21-tap profile.
     * Exactly the bound the constructor enforces on each in-plane axis (the last crop's count of thick samples,
     * {@code floor((n - 1) / s) + 1}, then holds too, since {@code M >= 2}).
     *
     * @param profileLength K, the profile's odd number of taps
     * @param scale         slice spacing / in-plane spacing (>= 1)
     * @param lrWidth       low-resolution columns per patch (>= 2)
     */
    public static int minimumLineLength(int profileLength, double scale, int lrWidth) {
        if (profileLength < 1 || profileLength % 2 == 0) {
            throw new IllegalArgumentException("profileLength must be odd and >= 1, got " + profileLength);
        }
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        if (lrWidth < 2) {
            throw new IllegalArgumentException("lrWidth must be >= 2, got " + lrWidth);
        }
        int margin = margin(profileLength);
        int j0 = lrStartMin(margin, scale);
        return (int) Math.floor((j0 + lrWidth - 1) * scale + GRID_EPS) + margin + 1;
    }

    /**
     * Why a slice-last scan with in-plane sizes {@code nx x ny} is too small for these pairs, or empty: both in-plane
     * axes are degraded in turn, so each needs {@link #minimumLineLength} voxels (the patch height never is a problem:
     * callers cap it at the in-plane size). The constructor refuses such a scan; callers can ask first.
     */
    public static Optional<String> sizeProblem(int nx, int ny, int profileLength, double scale, int lrWidth) {
        int need = minimumLineLength(profileLength, scale, lrWidth);
        if (nx >= need && ny >= need) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "in-plane size %d x %d is too small for training pairs of %d"
                + " low-resolution columns at scale %s with a %d-tap profile: both in-plane sizes need at least %d"
                + " voxels", nx, ny, lrWidth, number(scale), profileLength, need));
    }

    /** 4, 2.5 or 3.333: a scale without trailing zeros. */
    private static String number(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    private int lrStartMax(int axis) {
        int j = m[axis] - lrWidth;
        while (j >= 0 && (int) Math.floor((j + lrWidth - 1) * scale + GRID_EPS) + margin > n[axis] - 1) {
            j--;
        }
        return j;
    }

    private float[] degradeAll(LineDegrader degrader, int axis, boolean reverse) {
        int len = n[axis];
        int other = n[1 - axis];
        int planes = stack.nz();
        int mm = m[axis];
        float[] out = new float[planes * other * mm];
        float[] line = new float[len];
        for (int z = 0; z < planes; z++) {
            for (int o = 0; o < other; o++) {
                int a = axis == 0 ? 0 : o;
                int b = axis == 0 ? o : 0;
                int start = stack.index(a, b, z);
                int step = axis == 0 ? 1 : n[0];
                for (int i = 0; i < len; i++) {
                    line[reverse ? len - 1 - i : i] = stack.get(start + i * step);
                }
                degrader.degrade(line, 0, 1, len, out, (z * other + o) * mm, 1);
            }
        }
        return out;
    }

    /** The next {@code count} pairs. */
    public PairBatch next(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        float[] lr = new float[count * height * lrWidth];
        float[] hr = new float[count * height * hrWidth];
        double[] phase = new double[count];
        List<PairOrigin> origins = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int centre = sampler.draw(random);
            int transform = random.nextInt(8);
            int axis = transform & 1;
            boolean flipDegraded = (transform & 2) != 0;
            boolean flipRows = (transform & 4) != 0;
            int ca = centre % n[0];
            int cb = (centre / n[0]) % n[1];
            int z = centre / (n[0] * n[1]);
            int len = n[axis];
            int cu = axis == 0 ? ca : cb;
            int co = axis == 0 ? cb : ca;
            if (flipDegraded) {
                cu = len - 1 - cu;
            }
            int j0 = (int) Math.round(cu / scale - (lrWidth - 1) / 2.0);
            j0 = Math.max(lrStartMin(), Math.min(lrStartMax(axis), j0));
            int o0 = Math.max(0, Math.min(n[1 - axis] - height, co - height / 2));
            int h0 = (int) Math.ceil(j0 * scale - GRID_EPS);
            phase[p] = Math.max(0, h0 - j0 * scale);
            origins.add(new PairOrigin(z, axis, flipDegraded, flipRows, o0, j0, h0));
            cut(p, z, axis, flipDegraded, flipRows, o0, j0, h0, lr, hr);
        }
        return new PairBatch(count, height, lrWidth, hrWidth, lr, hr, phase, List.copyOf(origins));
    }

    private void cut(int p, int z, int axis, boolean flipDegraded, boolean flipRows, int o0, int j0, int h0,
                     float[] lr, float[] hr) {
        int other = n[1 - axis];
        int len = n[axis];
        int mm = m[axis];
        float[] src = degraded[axis][flipDegraded ? 1 : 0];
        for (int h = 0; h < height; h++) {
            int o = o0 + (flipRows ? height - 1 - h : h);
            int lrBase = (z * other + o) * mm + j0;
            int lrDst = (p * height + h) * lrWidth;
            System.arraycopy(src, lrBase, lr, lrDst, lrWidth);
            if (lrNoise != null) {
                for (int c = 0; c < lrWidth; c++) {
                    lr[lrDst + c] += (float) (lrNoise[axis][j0 + c] * noiseRandom.nextGaussian());
                }
            }
            int hrDst = (p * height + h) * hrWidth;
            for (int i = 0; i < hrWidth; i++) {
                int u = h0 + i;
                int uOrig = flipDegraded ? len - 1 - u : u;
                int a = axis == 0 ? uOrig : o;
                int b = axis == 0 ? o : uOrig;
                hr[hrDst + i] = stack.get(a, b, z);
            }
        }
    }
}
