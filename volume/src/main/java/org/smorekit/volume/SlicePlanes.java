package org.smorekit.volume;

/**
 * The slices of a volume as in-plane images, {@code planes[j][u + nu * v]} with u and v the two in-plane axes in voxel
 * order, and the interpolation of a slice from its neighbours: what {@link SliceIntensityAlternation} and
 * {@link SliceParityShift} compare each slice with.
 *
 * @param planes the slices, in order along the slice axis
 * @param nu     voxels along the first in-plane axis
 * @param nv     voxels along the second in-plane axis
 */
record SlicePlanes(float[][] planes, int nu, int nv) {

    /** The slices of {@code scan} across {@code sliceAxis}. */
    static SlicePlanes of(Volume scan, int sliceAxis) {
        int[] shape = scan.shape();
        int[] inPlane = inPlaneAxes(sliceAxis);
        SlicePlanes p = new SlicePlanes(new float[shape[sliceAxis]][shape[inPlane[0]] * shape[inPlane[1]]],
                shape[inPlane[0]], shape[inPlane[1]]);
        p.eachVoxel(scan, sliceAxis, (j, pixel, index) -> p.planes[j][pixel] = scan.get(index));
        return p;
    }

    /** A volume on {@code scan}'s grid holding these slices across {@code sliceAxis}. */
    Volume into(Volume scan, int sliceAxis) {
        float[] data = new float[scan.size()];
        eachVoxel(scan, sliceAxis, (j, pixel, index) -> data[index] = planes[j][pixel]);
        return scan.withData(data);
    }

    /** The in-plane axes u and v for a slice axis, in voxel order. */
    private static int[] inPlaneAxes(int sliceAxis) {
        return new int[] {sliceAxis == 0 ? 1 : 0, sliceAxis == 2 ? 1 : 2};
    }

    /** Where each voxel of each slice lies: slice j, pixel {@code u + nu * v} of the plane, linear index in scan. */
    private interface VoxelVisitor {
        void visit(int slice, int pixel, int index);
    }

    private void eachVoxel(Volume scan, int sliceAxis, VoxelVisitor visitor) {
        int[] inPlane = inPlaneAxes(sliceAxis);
        int[] at = new int[3];
        for (int j = 0; j < planes.length; j++) {
            at[sliceAxis] = j;
            for (int b = 0; b < nv; b++) {
                at[inPlane[1]] = b;
                for (int a = 0; a < nu; a++) {
                    at[inPlane[0]] = a;
                    visitor.visit(j, a + nu * b, scan.index(at[0], at[1], at[2]));
                }
            }
        }
    }

    /** How many slices. */
    int count() {
        return planes.length;
    }

    /**
     * Slice j's in-plane voxel i interpolated from its neighbours, which have the other parity: cubic,
     * {@code (9 (s[j-1] + s[j+1]) - s[j-3] - s[j+3]) / 16}, or linear, {@code (s[j-1] + s[j+1]) / 2}.
     */
    double neighbours(int j, int i, boolean cubic) {
        return cubic ? (9.0 * (planes[j - 1][i] + planes[j + 1][i]) - planes[j - 3][i] - planes[j + 3][i]) / 16
                : 0.5 * (planes[j - 1][i] + planes[j + 1][i]);
    }
}
