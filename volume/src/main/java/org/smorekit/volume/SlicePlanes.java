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
        int u = sliceAxis == 0 ? 1 : 0;
        int v = sliceAxis == 2 ? 1 : 2;
        int nu = shape[u];
        int nv = shape[v];
        float[][] planes = new float[shape[sliceAxis]][nu * nv];
        int[] at = new int[3];
        for (int j = 0; j < planes.length; j++) {
            at[sliceAxis] = j;
            for (int b = 0; b < nv; b++) {
                at[v] = b;
                for (int a = 0; a < nu; a++) {
                    at[u] = a;
                    planes[j][a + nu * b] = scan.get(at[0], at[1], at[2]);
                }
            }
        }
        return new SlicePlanes(planes, nu, nv);
    }

    /** A volume on {@code scan}'s grid holding these slices across {@code sliceAxis}. */
    Volume into(Volume scan, int sliceAxis) {
        int u = sliceAxis == 0 ? 1 : 0;
        int v = sliceAxis == 2 ? 1 : 2;
        float[] data = new float[scan.size()];
        int[] at = new int[3];
        for (int j = 0; j < planes.length; j++) {
            at[sliceAxis] = j;
            for (int b = 0; b < nv; b++) {
                at[v] = b;
                for (int a = 0; a < nu; a++) {
                    at[u] = a;
                    data[scan.index(at[0], at[1], at[2])] = planes[j][a + nu * b];
                }
            }
        }
        return scan.withData(data);
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
