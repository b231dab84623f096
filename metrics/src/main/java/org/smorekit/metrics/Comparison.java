package org.smorekit.metrics;

import org.smorekit.volume.Volume;

/**
 * The quality of a test volume against a truth volume: PSNR and SSIM inside a mask, after bringing the test onto the
 * truth grid through the affines ({@link GridAlignment}).
 *
 * <p>The record is meant to be serialised as is (Jackson 2.12+ writes records by their component names). Note that
 * {@code psnrDb} is {@link Double#POSITIVE_INFINITY} for identical volumes, which JSON cannot represent as a number
 * (Jackson writes the string {@code "Infinity"} by default).
 *
 * @param psnrDb        PSNR in dB ({@link Psnr})
 * @param ssim          mean SSIM ({@link Ssim})
 * @param ssimMode      3-D windows or 2-D per-slice windows
 * @param ssimSliceAxis axis perpendicular to the slices for {@link SsimMode#SLICES_2D}, null for 3-D
 * @param maskVoxels    voxels the PSNR averages over (mask and test field of view)
 * @param ssimVoxels    voxels the SSIM averages over (those of the mask at least the window radius from the borders)
 * @param dataRange     R = max - min of the whole truth volume ({@link DataRange}), in the truth's intensity unit
 * @param resampled     whether the test had to be interpolated onto the truth grid
 */
public record Comparison(double psnrDb, double ssim, SsimMode ssimMode, Integer ssimSliceAxis, long maskVoxels,
        long ssimVoxels, double dataRange, boolean resampled) {

    /** Compares over every voxel of the truth grid covered by the test, 3-D SSIM. */
    public static Comparison compare(Volume truth, Volume test) {
        return compare(truth, test, Mask.full(truth.shape()));
    }

    /** Compares inside {@code mask} (on the truth grid), 3-D SSIM. */
    public static Comparison compare(Volume truth, Volume test, Mask mask) {
        return compare(truth, test, mask, SsimMode.VOLUME_3D, 0);
    }

    /**
     * Compares inside {@code mask} (a mask on the truth grid, e.g. {@link HeadMask#of(Volume)}).
     *
     * @param sliceAxis axis perpendicular to the slices for {@link SsimMode#SLICES_2D}; ignored for 3-D
     * @throws IllegalArgumentException if the mask is not on the truth grid, or mask and test field of view do not
     *                                  overlap
     */
    public static Comparison compare(Volume truth, Volume test, Mask mask, SsimMode mode, int sliceAxis) {
        if (mode == null) {
            throw new IllegalArgumentException("SSIM mode must not be null");
        }
        mask.requireShape(truth.shape(), "truth");
        GridAlignment aligned = GridAlignment.onto(truth, test);
        Mask region = aligned.resampled() ? mask.and(aligned.valid()) : mask;
        if (region.count() == 0) {
            throw new IllegalArgumentException("no voxel lies both in the mask (" + mask.count()
                    + " voxels) and in the test volume's field of view");
        }
        double range = DataRange.of(truth);
        double psnr = Psnr.of(truth, aligned.test(), region, range);
        SsimResult ssim = mode == SsimMode.VOLUME_3D
                ? Ssim.volume3d(truth, aligned.test(), region, range)
                : Ssim.slices2d(truth, aligned.test(), region, range, sliceAxis);
        return new Comparison(psnr, ssim.value(), ssim.mode(), ssim.sliceAxis(), region.count(), ssim.voxels(), range,
                aligned.resampled());
    }
}
