package org.smorekit.volume;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalInt;

/**
 * Which voxel axis of a thick-slice scan is the slice axis, and by how much it is coarser than the in-plane pixels.
 *
 * <p>{@code scale = sliceSpacingMm / inPlaneSpacingMm} (no unit), not rounded to an integer: a 1.2 mm in-plane, 4.5 mm
 * slice scan has scale 3.75, and nothing downstream rounds it. One exception, for headers that store the affine in
 * float32 (NIfTI-1): there a 5.5 mm / 1.1 mm scan comes out as 4.99999989 and a 1 x 1 x 4 mm scan tilted by 20
 * degrees as 3.9999999992, and the grid convention {@code N = floor((m - 1) * scale) + 1} would then drop the last
 * output slice. So a ratio within {@link #SNAP_RELATIVE_TOLERANCE} (relative) of a fraction {@code p / q} with
 * {@code q <= }{@link #SNAP_MAX_DENOMINATOR} is taken as that fraction (5, 4, 3.75 = 15/4, 64/15, ...); any other
 * ratio is kept as it is. The in-plane spacing is the mean of the two in-plane axes'
 * spacings, which must agree within {@link #TOLERANCE} (SR trains on in-plane patches as if they were isotropic).
 * Spacings are the affine's column norms ({@link Volume#spacingMm()}).
 *
 * @param axis              the slice axis, 0, 1 or 2
 * @param inPlaneSpacingMm  spacing of the in-plane pixels (mm)
 * @param sliceSpacingMm    spacing along the slice axis (mm)
 */
public record SliceGeometry(int axis, double inPlaneSpacingMm, double sliceSpacingMm) {
    /** Relative tolerance (1%) for "equal" spacings: |a - b| <= 0.01 * max(a, b). */
    public static final double TOLERANCE = 0.01;
    /**
     * A scale this close (relative) to a simple fraction is that fraction: float32 stores each spacing to about 6e-8
     * (relative), so their ratio, a column norm over another, is off by up to a few times 1e-7.
     */
    public static final double SNAP_RELATIVE_TOLERANCE = 1e-6;
    /**
     * Largest denominator of the fractions a scale snaps to. Two fractions with denominators up to 64 differ by at
     * least 1/4096, far more than {@link #SNAP_RELATIVE_TOLERANCE} for any scale below 100.
     */
    public static final int SNAP_MAX_DENOMINATOR = 64;

    public SliceGeometry {
        Affine.checkAxis(axis);
        if (!(inPlaneSpacingMm > 0) || !(sliceSpacingMm > 0) || Double.isInfinite(inPlaneSpacingMm)
                || Double.isInfinite(sliceSpacingMm)) {
            throw new IllegalArgumentException("spacings must be finite and > 0, got in-plane " + inPlaneSpacingMm
                    + " mm, slice " + sliceSpacingMm + " mm");
        }
    }

    /** slice spacing / in-plane spacing, snapped to a simple fraction when float32 storage put it just off one. */
    public double scale() {
        return snappedToFraction(sliceSpacingMm / inPlaneSpacingMm);
    }

    /**
     * {@code ratio} itself, or the fraction {@code p / q} ({@code q <= }{@link #SNAP_MAX_DENOMINATOR}, smallest
     * {@code q} first) within {@link #SNAP_RELATIVE_TOLERANCE} of it.
     */
    static double snappedToFraction(double ratio) {
        for (int q = 1; q <= SNAP_MAX_DENOMINATOR; q++) {
            double p = Math.rint(ratio * q);
            double fraction = p / q;
            if (Math.abs(fraction - ratio) <= SNAP_RELATIVE_TOLERANCE * ratio) {
                return fraction;
            }
        }
        return ratio;
    }

    /** The two in-plane axes in increasing order. */
    public int[] inPlaneAxes() {
        return inPlaneAxes(axis);
    }

    /** The "slice axis last" frame of this geometry. */
    public SliceAxisFrame frame() {
        return new SliceAxisFrame(axis);
    }

    /** Detects the slice axis of a volume; see {@link #detect(double[], OptionalInt)}. */
    public static SliceGeometry detect(Volume volume, OptionalInt axis) {
        return detect(volume.spacingMm(), axis);
    }

    /**
     * The slice geometry of a grid with these voxel spacings (mm).
     *
     * <p>Without an explicit axis, the slice axis is the one with the largest spacing; refused (with a
     * {@link ScanGeometryException} explaining why) when all three spacings agree within 1% (isotropic: nothing to
     * super-resolve), when the two largest agree within 1% while the third is smaller (two thick axes: not a
     * thick-slice scan), or when the two in-plane spacings differ by more than 1%. An explicit axis overrides the
     * detection (any scale, even 1, is then accepted) but the in-plane spacings must still agree. The message for
     * in-plane spacings that differ says how to resample the scan to square pixels with ANTs' {@code ResampleImage}
     * (see {@link #squarePixelSpacing}).
     */
    public static SliceGeometry detect(double[] spacingMm, OptionalInt axis) {
        if (spacingMm == null || spacingMm.length != 3) {
            throw new IllegalArgumentException("spacingMm needs 3 entries");
        }
        for (double s : spacingMm) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new ScanGeometryException("voxel spacings must be finite and > 0, got " + spacings(spacingMm));
            }
        }
        int slice;
        if (axis != null && axis.isPresent()) {
            slice = axis.getAsInt();
            Affine.checkAxis(slice);
        } else {
            slice = largest(spacingMm);
            double max = spacingMm[slice];
            double min = Math.min(spacingMm[0], Math.min(spacingMm[1], spacingMm[2]));
            if (agree(max, min)) {
                throw new ScanGeometryException("spacing " + spacings(spacingMm)
                        + " is isotropic (all within 1%): there is no thick slice axis to super-resolve");
            }
            for (int other = 0; other < 3; other++) {
                if (other != slice && agree(spacingMm[other], max)) {
                    int thin = 3 - slice - other;
                    throw new ScanGeometryException("spacing " + spacings(spacingMm) + " has two thick axes ("
                            + Math.min(slice, other) + " and " + Math.max(slice, other) + ", " + num(max)
                            + " mm) and one thin axis (" + thin + ", " + num(spacingMm[thin]) + " mm): not a"
                            + " thick-slice scan (SR needs one thick axis and square in-plane pixels)");
                }
            }
        }
        int[] inPlane = inPlaneAxes(slice);
        double a = spacingMm[inPlane[0]];
        double b = spacingMm[inPlane[1]];
        if (!agree(a, b)) {
            throw new ScanGeometryException("in-plane spacings differ: axis " + inPlane[0] + " is " + num(a)
                    + " mm, axis " + inPlane[1] + " is " + num(b) + " mm (slice axis " + slice + "); SR needs square"
                    + " in-plane pixels (within 1%): resample the scan in-plane to square pixels first, e.g. with"
                    + " ANTs: ResampleImage 3 in.nii.gz out.nii.gz " + squarePixelSpacing(spacingMm, slice)
                    + " 0 4 (spacing in mm per voxel axis, 4 = B-spline), then super-resolve out.nii.gz");
        }
        return new SliceGeometry(slice, (a + b) / 2, spacingMm[slice]);
    }

    /**
     * The voxel spacing a scan with non-square in-plane pixels should be resampled to, in the {@code MxNxO} form of
     * ANTs' {@code ResampleImage} and in the scan's own axis order: the smaller in-plane spacing on both in-plane axes
     * (no in-plane detail is lost), the slice spacing unchanged. E.g. 0.9x0.9x5 for a 0.9 x 1.1 mm, 5 mm slice scan.
     */
    static String squarePixelSpacing(double[] spacingMm, int sliceAxis) {
        int[] inPlane = inPlaneAxes(sliceAxis);
        double pixel = Math.min(spacingMm[inPlane[0]], spacingMm[inPlane[1]]);
        double[] target = {pixel, pixel, pixel};
        target[sliceAxis] = spacingMm[sliceAxis];
        return num(target[0]) + "x" + num(target[1]) + "x" + num(target[2]);
    }

    static boolean agree(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(a, b);
    }

    static int[] inPlaneAxes(int sliceAxis) {
        Affine.checkAxis(sliceAxis);
        return switch (sliceAxis) {
            case 0 -> new int[] {1, 2};
            case 1 -> new int[] {0, 2};
            default -> new int[] {0, 1};
        };
    }

    static String spacings(double[] s) {
        return num(s[0]) + "x" + num(s[1]) + "x" + num(s[2]) + " mm";
    }

    /** A number with at most 5 significant digits and no trailing zeros (1.0 prints as 1, 3.75 as 3.75). */
    static String num(double v) {
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    private static int largest(double[] s) {
        int best = 0;
        for (int i = 1; i < 3; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "slice axis " + axis + ": " + num(sliceSpacingMm) + " mm slices, " + num(inPlaneSpacingMm)
                + " mm in-plane pixels, scale " + num(scale());
    }
}
