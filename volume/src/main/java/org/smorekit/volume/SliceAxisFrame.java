package org.smorekit.volume;

/**
 * The reorientation that shows a volume with its slice axis last (axis 2), the two in-plane axes keeping their
 * order, so that algorithms can always work along axis 2; {@link #restore} puts the result back in the input's
 * orientation. Built on {@link Volume#permuted}, which permutes the affine with the voxels: every voxel keeps its world
 * position, and {@code restore(toSliceLast(v))} is {@code v} exactly. Grids changed along the slice axis in between
 * (e.g. {@code affine.resampledAxis(2, 0, s)}) come back with the change on the original slice axis.
 *
 * @param sliceAxis  the slice axis of the original volume, 0, 1 or 2
 */
public record SliceAxisFrame(int sliceAxis) {

    public SliceAxisFrame {
        Affine.checkAxis(sliceAxis);
    }

    /** New axis a is original axis {@code order()[a]}: the in-plane axes in order, then the slice axis. */
    public int[] order() {
        int[] inPlane = SliceGeometry.inPlaneAxes(sliceAxis);
        return new int[] {inPlane[0], inPlane[1], sliceAxis};
    }

    /** The inverse of {@link #order()}: new axis a of the restored volume is slice-last axis {@code inverse()[a]}. */
    public int[] inverseOrder() {
        return Volume.inversePermutation(order());
    }

    /** The volume with the slice axis last. */
    public Volume toSliceLast(Volume volume) {
        return volume.permuted(order());
    }

    /** The inverse of {@link #toSliceLast}: a slice-last volume back in the original axis order. */
    public Volume restore(Volume sliceLast) {
        return sliceLast.permuted(inverseOrder());
    }
}
