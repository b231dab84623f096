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
     * The slice geometry of a grid with these voxel spacings (mm): {@link SliceSpacings#detect} (slice axis, refusing
     * isotropic spacings and two thick axes), then {@link SliceSpacings#geometry()}, which refuses in-plane spacings
     * that differ by more than 1% with a {@link ScanGeometryException} saying how to resample the scan to square
     * pixels with ANTs' {@code ResampleImage}. An explicit axis overrides the detection (any scale, even 1, is then
     * accepted) but the in-plane spacings must still agree. To make non-square pixels square instead of refusing
     * them, see {@link SliceSpacings#squarePixelResampling()}.
     */
    public static SliceGeometry detect(double[] spacingMm, OptionalInt axis) {
        return SliceSpacings.detect(spacingMm, axis).geometry();
    }

    /** Whether two spacings count as equal: within {@link #TOLERANCE} of the larger one. */
    public static boolean agree(double a, double b) {
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
    public static String num(double v) {
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "slice axis " + axis + ": " + num(sliceSpacingMm) + " mm slices, " + num(inPlaneSpacingMm)
                + " mm in-plane pixels, scale " + num(scale());
    }
}
