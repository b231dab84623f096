package org.smorekit.volume;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The slice axis of a scan and its three spacings, before any check of the in-plane pixels: the first step of
 * {@link SliceGeometry#detect}, which then requires square pixels, and of {@link ScanAssessment}, which makes
 * non-square ones square ({@link #squarePixelResampling}). Spacings are the affine's column norms
 * ({@link Volume#spacingMm()}).
 *
 * @param axis            the slice axis, 0, 1 or 2
 * @param firstInPlaneMm  spacing along the lower in-plane axis, {@code inPlaneAxes()[0]} (mm)
 * @param secondInPlaneMm spacing along the higher in-plane axis, {@code inPlaneAxes()[1]} (mm)
 * @param sliceSpacingMm  spacing along the slice axis (mm)
 */
public record SliceSpacings(int axis, double firstInPlaneMm, double secondInPlaneMm, double sliceSpacingMm) {
    /**
     * The largest coarser / finer in-plane spacing that is made square (4). Clinical thick-slice scans with
     * non-square pixels differ by tens of percent (0.9 x 1.1 mm); a larger factor means a second coarse axis or a
     * wrong header, and interpolating it would make up most of the in-plane detail SR learns from.
     */
    public static final double MAX_IN_PLANE_RATIO = 4;

    public SliceSpacings {
        Affine.checkAxis(axis);
        for (double s : new double[] {firstInPlaneMm, secondInPlaneMm, sliceSpacingMm}) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("spacings must be finite and > 0, got in-plane " + firstInPlaneMm
                        + " and " + secondInPlaneMm + " mm, slice " + sliceSpacingMm + " mm");
            }
        }
    }

    /** Detects the slice axis of a volume; see {@link #detect(double[], OptionalInt)}. */
    public static SliceSpacings detect(Volume volume, OptionalInt axis) {
        return detect(volume.spacingMm(), axis);
    }

    /**
     * The slice axis of a grid with these voxel spacings (mm), and the spacings in its frame.
     *
     * <p>Without an explicit axis, the slice axis is the one with the largest spacing; refused (with a
     * {@link ScanGeometryException} explaining why) when all three spacings agree within 1% (isotropic: nothing to
     * super-resolve) or when the two largest agree within 1% while the third is smaller (two thick axes: not a
     * thick-slice scan). An explicit axis overrides the detection. The in-plane spacings are not checked here.
     */
    public static SliceSpacings detect(double[] spacingMm, OptionalInt axis) {
        if (spacingMm == null || spacingMm.length != 3) {
            throw new IllegalArgumentException("spacingMm needs 3 entries");
        }
        for (double s : spacingMm) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new ScanGeometryException("voxel spacings must be finite and > 0, got "
                        + SliceGeometry.spacings(spacingMm));
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
            if (SliceGeometry.agree(max, min)) {
                throw new ScanGeometryException("spacing " + SliceGeometry.spacings(spacingMm)
                        + " is isotropic (all within 1%): there is no thick slice axis to super-resolve");
            }
            for (int other = 0; other < 3; other++) {
                if (other != slice && SliceGeometry.agree(spacingMm[other], max)) {
                    int thin = 3 - slice - other;
                    throw new ScanGeometryException("spacing " + SliceGeometry.spacings(spacingMm)
                            + " has two thick axes (" + Math.min(slice, other) + " and " + Math.max(slice, other)
                            + ", " + SliceGeometry.num(max) + " mm) and one thin axis (" + thin + ", "
                            + SliceGeometry.num(spacingMm[thin]) + " mm): not a thick-slice scan (SR needs one thick"
                            + " axis and square in-plane pixels)");
                }
            }
        }
        int[] inPlane = SliceGeometry.inPlaneAxes(slice);
        return new SliceSpacings(slice, spacingMm[inPlane[0]], spacingMm[inPlane[1]], spacingMm[slice]);
    }

    /** The two in-plane axes in increasing order. */
    public int[] inPlaneAxes() {
        return SliceGeometry.inPlaneAxes(axis);
    }

    /** True when the two in-plane spacings agree within {@link SliceGeometry#TOLERANCE}. */
    public boolean squarePixels() {
        return SliceGeometry.agree(firstInPlaneMm, secondInPlaneMm);
    }

    /**
     * The square-pixel geometry: in-plane spacing the mean of the two; refused (with a {@link ScanGeometryException}
     * that says how to resample the scan with ANTs' {@code ResampleImage}) when the pixels are not square.
     */
    public SliceGeometry geometry() {
        if (!squarePixels()) {
            throw new ScanGeometryException(mismatch() + "; SR needs square in-plane pixels (within 1%): resample"
                    + " the scan in-plane to square pixels first, e.g. with ANTs: ResampleImage 3 in.nii.gz"
                    + " out.nii.gz " + squarePixelSpacing() + " 0 4 (spacing in mm per voxel axis, 4 = B-spline),"
                    + " then super-resolve out.nii.gz");
        }
        return new SliceGeometry(axis, (firstInPlaneMm + secondInPlaneMm) / 2, sliceSpacingMm);
    }

    /**
     * What makes the pixels square: empty when they are ({@link #squarePixels}), else the coarser in-plane axis
     * resampled to the finer spacing. Refused (with a {@link ScanGeometryException} that explains) when the coarser
     * in-plane spacing is more than {@link #MAX_IN_PLANE_RATIO} times the finer one, or not finer than the slice
     * spacing (possible only with an explicit slice axis): then the scan is not a thick-slice scan with non-square
     * pixels.
     */
    public Optional<InPlaneResampling> squarePixelResampling() {
        if (squarePixels()) {
            return Optional.empty();
        }
        int[] inPlane = inPlaneAxes();
        boolean firstCoarser = firstInPlaneMm > secondInPlaneMm;
        int coarseAxis = firstCoarser ? inPlane[0] : inPlane[1];
        double coarse = Math.max(firstInPlaneMm, secondInPlaneMm);
        double fine = Math.min(firstInPlaneMm, secondInPlaneMm);
        if (coarse > sliceSpacingMm || SliceGeometry.agree(coarse, sliceSpacingMm)) {
            throw new ScanGeometryException(mismatch() + ", and axis " + coarseAxis + " is not finer than the"
                    + " slice axis: not a thick-slice scan along axis " + axis);
        }
        if (coarse > MAX_IN_PLANE_RATIO * fine) {
            throw new ScanGeometryException(mismatch() + ", a factor of " + SliceGeometry.num(coarse / fine)
                    + ": more than " + SliceGeometry.num(MAX_IN_PLANE_RATIO) + ", so not a thick-slice scan with"
                    + " non-square pixels (those differ by tens of percent) but one with a second coarse axis or a"
                    + " wrong header; interpolating axis " + coarseAxis + " that much would make up most of the"
                    + " in-plane detail SR learns from; check the voxel sizes in the header (pixdim)");
        }
        return Optional.of(new InPlaneResampling(coarseAxis, coarse, fine));
    }

    /**
     * The geometry SR works on: {@link #geometry()} when the pixels are square, else the geometry after
     * {@link #squarePixelResampling()} (in-plane spacing the finer one), refused as that method refuses.
     */
    public SliceGeometry squarePixelGeometry() {
        return squarePixelResampling()
                .map(r -> new SliceGeometry(axis, r.toMm(), sliceSpacingMm))
                .orElseGet(this::geometry);
    }

    private String mismatch() {
        int[] inPlane = inPlaneAxes();
        return "in-plane spacings differ: axis " + inPlane[0] + " is " + SliceGeometry.num(firstInPlaneMm)
                + " mm, axis " + inPlane[1] + " is " + SliceGeometry.num(secondInPlaneMm) + " mm (slice axis " + axis
                + ")";
    }

    /**
     * The voxel spacing a scan with non-square in-plane pixels should be resampled to, in the {@code MxNxO} form of
     * ANTs' {@code ResampleImage} and in the scan's own axis order: the smaller in-plane spacing on both in-plane axes
     * (no in-plane detail is lost), the slice spacing unchanged. E.g. 0.9x0.9x5 for a 0.9 x 1.1 mm, 5 mm slice scan.
     */
    String squarePixelSpacing() {
        double pixel = Math.min(firstInPlaneMm, secondInPlaneMm);
        double[] target = {pixel, pixel, pixel};
        target[axis] = sliceSpacingMm;
        return SliceGeometry.num(target[0]) + "x" + SliceGeometry.num(target[1]) + "x"
                + SliceGeometry.num(target[2]);
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
}
