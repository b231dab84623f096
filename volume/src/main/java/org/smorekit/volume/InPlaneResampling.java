package org.smorekit.volume;

/**
 * How a thick-slice scan with non-square in-plane pixels is made square: its coarser in-plane axis is interpolated to
 * the finer in-plane spacing, by the factor {@code scale = fromMm / toMm} (no unit, {@code > 1}, not rounded), on the
 * grid convention of the slice axis (sample {@code i} at old coordinate {@code i / scale}, the first voxel in place,
 * {@code floor((n - 1) * scale) + 1} samples; see {@link #resampledLength}). The interpolation itself (a cubic
 * B-spline) lives where volumes are processed, in the degrade module.
 *
 * @param axis    the in-plane voxel axis that is resampled (the coarser one), 0, 1 or 2
 * @param fromMm  its spacing in the scan (mm)
 * @param toMm    its spacing after resampling: the other in-plane axis' spacing (mm)
 */
public record InPlaneResampling(int axis, double fromMm, double toMm) {
    /** As in the slice axis' grid: a product {@code (n - 1) * scale} this close below an integer counts as it. */
    private static final double GRID_EPS = 1e-9;

    public InPlaneResampling {
        Affine.checkAxis(axis);
        if (!(toMm > 0) || !(fromMm > toMm) || Double.isInfinite(fromMm)) {
            throw new IllegalArgumentException("need finite spacings with fromMm > toMm > 0, got from " + fromMm
                    + " mm to " + toMm + " mm");
        }
    }

    /**
     * fromMm / toMm: how many times more samples the resampled axis gets; snapped to a simple fraction when float32
     * storage put it just off one, as {@link SliceGeometry#scale()} is (1.1 / 0.9 in float32 is 11/9 + 2e-8; snapped,
     * sample 11 lands exactly on old sample 9).
     */
    public double scale() {
        return SliceGeometry.snappedToFraction(fromMm / toMm);
    }

    /** Samples along the resampled axis from {@code n}: {@code floor((n - 1) * scale + 1e-9) + 1}. */
    public long resampledLength(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("an axis needs at least one sample, got " + n);
        }
        return (long) Math.floor((n - 1) * scale() + GRID_EPS) + 1;
    }

    /** The shape after resampling. */
    public long[] resampledShape(long[] shape) {
        if (shape == null || shape.length != 3) {
            throw new IllegalArgumentException("shape needs 3 entries");
        }
        long[] r = shape.clone();
        r[axis] = resampledLength(shape[axis]);
        return r;
    }

    /** E.g. "in-plane axis 1 resampled from 1.1 mm to 0.9 mm (cubic B-spline): square 0.9 mm pixels". */
    @Override
    public String toString() {
        return "in-plane axis " + axis + " resampled from " + SliceGeometry.num(fromMm) + " mm to "
                + SliceGeometry.num(toMm) + " mm (cubic B-spline): square " + SliceGeometry.num(toMm) + " mm pixels";
    }
}
