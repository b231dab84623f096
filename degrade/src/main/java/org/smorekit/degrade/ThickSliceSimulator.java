package org.smorekit.degrade;

import java.util.Objects;
import java.util.stream.IntStream;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Simulates a thick-slice acquisition from an isotropic (or any) volume: every line of voxels along {@code axis} goes
 * through the one forward model, {@link LineDegrader} (blur with the slice profile, whole-sample mirror boundary, then
 * sample at input coordinates {@code j * scale}).
 *
 * <p>Output grid: {@code m = floor((n - 1) / scale) + 1} samples along {@code axis} ({@code n} the input length), the
 * other two dimensions unchanged; output voxel {@code j} along the axis sits at input voxel {@code j * scale}, so the
 * affine is {@code iso.affine().resampledAxis(axis, 0, scale)}: the axis column is multiplied by the scale (spacing
 * along the axis times the scale) and the origin is unchanged (sample 0 stays in place). The input's NIfTI header is
 * kept for the fields the grid does not determine. Example: Colin27 181x217x181 at 1 mm, scale 4 along axis 2, gives
 * 181x217x46 at 1x1x4 mm.
 *
 * <p>The profile is sampled on the input grid along {@code axis}: its FWHM is in input voxels along that axis (convert
 * mm with the input spacing along the axis, e.g. via {@link ProfileSpec#toProfile(double)}).
 *
 * <p>Lines run in parallel on the common fork-join pool, one {@link LineDegrader} per task; every output voxel depends
 * only on its own input line, so the result is identical for any number of threads.
 */
public final class ThickSliceSimulator {
    private ThickSliceSimulator() {
    }

    /**
     * Degrades {@code iso} along {@code axis}.
     *
     * @param iso     the input volume
     * @param profile slice profile sampled on the input grid along {@code axis} (FWHM in input voxels)
     * @param scale   slice spacing of the output in input voxels, finite and {@code >= 1}; need not be an integer
     * @param axis    0, 1 or 2
     * @return the thick-slice volume on the grid described above
     */
    public static Volume simulate(Volume iso, SliceProfile profile, double scale, int axis) {
        Objects.requireNonNull(iso, "iso");
        Objects.requireNonNull(profile, "profile");
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
        new LineDegrader(profile, scale); // validates the scale before any work

        int[] shape = iso.shape();
        int n = shape[axis];
        int m = LineDegrader.outputLength(n, scale);
        int[] outShape = shape.clone();
        outShape[axis] = m;

        // The two other axes, in increasing order: u runs fastest in memory, v slowest.
        int uAxis = axis == 0 ? 1 : 0;
        int vAxis = axis == 2 ? 1 : 2;
        int nu = shape[uAxis];
        int nv = shape[vAxis];
        int inStride = iso.stride(axis);
        int[] outStrides = {1, outShape[0], outShape[0] * outShape[1]};
        int outStride = outStrides[axis];

        float[] src = iso.toArray();
        float[] dst = new float[outShape[0] * outShape[1] * outShape[2]];
        IntStream.range(0, nv).parallel().forEach(v -> {
            LineDegrader degrader = new LineDegrader(profile, scale);
            for (int u = 0; u < nu; u++) {
                int inStart = iso.lineStart(axis, u, v);
                int outStart = u * outStrides[uAxis] + v * outStrides[vAxis];
                degrader.degrade(src, inStart, inStride, n, dst, outStart, outStride);
            }
        });
        Affine affine = iso.affine().resampledAxis(axis, 0, scale);
        return iso.withGrid(outShape, dst, affine);
    }
}
