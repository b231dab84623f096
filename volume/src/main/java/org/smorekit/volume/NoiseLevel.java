package org.smorekit.volume;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The standard deviation of a scan's noise, estimated in its slices' planes, and the signal-to-noise ratio it gives in
 * the head.
 *
 * <p>Immerkaer's estimator (J. Immerkaer, "Fast noise variance estimation", CVIU 64(2), 1996) with a median instead of
 * a mean: every in-plane voxel whose whole 3 x 3 neighbourhood lies above the scan's Otsu threshold (inside the head,
 * where Rician noise is nearly Gaussian; not at its border with the background) is filtered with the 3 x 3 mask {@code [1 -2 1; -2 4 -2; 1 -2 1]}, which annihilates every
 * plane of intensities and quadratic ramps along each axis and maps white noise of standard deviation sigma to
 * Gaussian noise of standard deviation {@code 6 sigma} (the mask's squared sum is 36). So
 * {@code sigma = median |response| / (6 * 0.6745)}; the median keeps edges between tissues, a minority of the head's
 * voxels, from inflating it much. Fine anatomical texture still adds a floor: on the nearly noise-free Colin27 average it reads 0.53
 * (tissue intensities around 90).
 *
 * <p>The signal the ratio compares the noise with is the head's mean intensity above the scan's minimum: a
 * magnitude image's minimum is about 0, so there it is the head's mean; an offset, such as a z-scored scan's negative
 * background or a constant added to every voxel, is not signal (the estimator, which scales intensities above the
 * minimum, has always measured it so).
 *
 * @param sigma    the noise's estimated standard deviation, in the scan's intensity units
 * @param headMean the mean intensity of the voxels above the Otsu threshold
 * @param minimum  the scan's smallest finite intensity (over the planes used), the level the signal is measured from
 */
public record NoiseLevel(double sigma, double headMean, double minimum) {

    /**
     * Below this signal-to-noise ratio in the head a scan counts as noisy: the estimator and SMORE's training pairs
     * then model its noise. Above it the measured sigma may be anatomical texture rather than noise (the nearly
     * noise-free Colin27 average reads an SNR of 130-217 once thick-sliced, along any axis), and nothing is changed.
     */
    public static final double NOISY_SNR = 50;

    /** The median of |N(0, 1)|: the factor between a median absolute response and a standard deviation. */
    private static final double MEDIAN_ABSOLUTE_NORMAL = 0.6744897501960817;
    /** Bounds the memory of the median (4 bytes per response). */
    private static final long MAX_RESPONSES = 8_000_000;

    public NoiseLevel {
        if (!(sigma >= 0) || !Double.isFinite(headMean) || !Double.isFinite(minimum)) {
            throw new IllegalArgumentException("sigma must be >= 0 and the head's mean and the minimum finite, got "
                    + sigma + ", " + headMean + ", " + minimum);
        }
    }

    /**
     * {@link #of}, or empty when the scan gives nothing to measure the noise on (slices smaller than 3 x 3, or no voxel
     * with a whole neighbourhood in the head): what callers that can do without the noise ask for.
     */
    public static Optional<NoiseLevel> measure(Volume scan, int sliceAxis) {
        Objects.requireNonNull(scan, "scan");
        Affine.checkAxis(sliceAxis);
        try {
            return Optional.of(of(scan, sliceAxis));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Estimates the noise of {@code scan} in the planes perpendicular to {@code sliceAxis} (for an isotropic volume,
     * any axis). NaN voxels are never above the threshold, so neither they nor their neighbours count. The head's mean
     * and the minimum are over the planes used (all of them unless the scan has more than {@value #MAX_RESPONSES}
     * in-plane voxels, then every n-th plane).
     *
     * @throws IllegalArgumentException when no plane is at least 3 x 3 or no voxel has a whole neighbourhood in the
     *                                  head
     */
    public static NoiseLevel of(Volume scan, int sliceAxis) {
        Objects.requireNonNull(scan, "scan");
        Affine.checkAxis(sliceAxis);
        int u = sliceAxis == 0 ? 1 : 0;
        int v = sliceAxis == 2 ? 1 : 2;
        int[] shape = scan.shape();
        int nu = shape[u];
        int nv = shape[v];
        int nw = shape[sliceAxis];
        if (nu < 3 || nv < 3) {
            throw new IllegalArgumentException("the slices are " + nu + " x " + nv + " voxels: too small to estimate"
                    + " the noise (at least 3 x 3)");
        }
        double threshold = OtsuThreshold.of(scan);
        int su = scan.stride(u);
        int sv = scan.stride(v);
        int sw = scan.stride(sliceAxis);
        // at most about MAX_RESPONSES responses: every planeStep-th plane (a 512 x 512 x 300 scan uses every 10th)
        int planeStep = (int) Math.max(1, (long) (nu - 2) * (nv - 2) * nw / MAX_RESPONSES);
        float[] responses = new float[(nu - 2) * (nv - 2) * ((nw + planeStep - 1) / planeStep)];
        int count = 0;
        double headSum = 0;
        long headCount = 0;
        float minimum = Float.POSITIVE_INFINITY;
        for (int w = 0; w < nw; w += planeStep) {
            for (int b = 0; b < nv; b++) {
                for (int a = 0; a < nu; a++) {
                    int centre = a * su + b * sv + w * sw;
                    float c = scan.get(centre);
                    if (Float.isFinite(c)) {
                        minimum = Math.min(minimum, c);
                    }
                    if (!(c > threshold)) {
                        continue;
                    }
                    headSum += c;
                    headCount++;
                    if (a == 0 || b == 0 || a == nu - 1 || b == nv - 1) {
                        continue;
                    }
                    double r = 0;
                    boolean inside = true;
                    for (int db = -1; db <= 1; db++) {
                        for (int da = -1; da <= 1; da++) {
                            float value = scan.get(centre + da * su + db * sv);
                            inside &= value > threshold;
                            r += (da == 0 ? -2 : 1) * (db == 0 ? -2 : 1) * value;
                        }
                    }
                    if (inside) {
                        responses[count++] = (float) Math.abs(r);
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no voxel has a whole 3 x 3 neighbourhood above the Otsu threshold in its"
                    + " slice: cannot estimate the noise");
        }
        float[] used = Arrays.copyOf(responses, count);
        Arrays.sort(used);
        double median = count % 2 == 1 ? used[count / 2] : 0.5 * ((double) used[count / 2 - 1] + used[count / 2]);
        return new NoiseLevel(median / (6 * MEDIAN_ABSOLUTE_NORMAL), headSum / headCount, minimum);
    }

    /** The head's mean intensity above the scan's minimum, over sigma; infinite for a noise-free scan. */
    public double snr() {
        return sigma == 0 ? Double.POSITIVE_INFINITY : (headMean - minimum) / sigma;
    }

    /** Whether the scan counts as noisy: an SNR in the head below {@value #NOISY_SNR}. */
    public boolean noisy() {
        return snr() < NOISY_SNR;
    }

    @Override
    public String toString() {
        String head = String.format(Locale.ROOT, "head mean %.4g", headMean) + (minimum == 0 ? ""
                : String.format(Locale.ROOT, " (%.4g above the scan's minimum)", headMean - minimum));
        return sigma == 0 ? "no noise in the slices' planes, " + head : String.format(Locale.ROOT,
                "noise sigma %.3g in the slices' planes, %s: SNR %.3g", sigma, head, snr());
    }
}
