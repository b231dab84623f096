package org.smorekit.smore;

import java.util.SplittableRandom;
import org.smorekit.degrade.LineDegrader;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/** Test volumes: random ellipsoids of different intensities (sharp edges in every direction), and their simulation. */
final class Phantom {
    private Phantom() {
    }

    static Volume ellipsoids(int nx, int ny, int nz, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[nx * ny * nz];
        for (int e = 0; e < count; e++) {
            double cx = r.nextDouble(nx), cy = r.nextDouble(ny), cz = r.nextDouble(nz);
            double ax = 2 + r.nextDouble(nx / 3.0), ay = 2 + r.nextDouble(ny / 3.0), az = 2 + r.nextDouble(nz / 3.0);
            float value = (float) (20 + r.nextDouble(80));
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        double q = sq((x - cx) / ax) + sq((y - cy) / ay) + sq((z - cz) / az);
                        if (q <= 1) {
                            d[x + nx * (y + ny * z)] += value;
                        }
                    }
                }
            }
        }
        return Volume.wrap(new int[] {nx, ny, nz}, d, Affine.identity());
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Gaussian profile of a given FWHM (voxels), 2*half+1 taps. */
    static SliceProfile gaussian(double fwhm, int half) {
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double[] v = new double[2 * half + 1];
        for (int i = 0; i < v.length; i++) {
            double t = i - half;
            v[i] = Math.exp(-t * t / (2 * sigma * sigma));
        }
        return new SliceProfile(v);
    }

    /** Thick-slice simulation along {@code axis} with {@link LineDegrader}; affine resampled as the convention says. */
    static Volume simulate(Volume iso, int axis, SliceProfile profile, double scale) {
        LineDegrader deg = new LineDegrader(profile, scale);
        int[] shape = iso.shape();
        int n = shape[axis];
        int m = deg.outputLength(n);
        int[] out = shape.clone();
        out[axis] = m;
        float[] src = iso.toArray();
        float[] dst = new float[out[0] * out[1] * out[2]];
        int[] others = axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
        int srcStride = iso.stride(axis);
        int dstStride = axis == 0 ? 1 : axis == 1 ? out[0] : out[0] * out[1];
        for (int v = 0; v < shape[others[1]]; v++) {
            for (int u = 0; u < shape[others[0]]; u++) {
                int[] c = new int[3];
                c[others[0]] = u;
                c[others[1]] = v;
                int s0 = c[0] + shape[0] * (c[1] + shape[1] * c[2]);
                int d0 = c[0] + out[0] * (c[1] + out[1] * c[2]);
                deg.degrade(src, s0, srcStride, n, dst, d0, dstStride);
            }
        }
        return Volume.wrap(out, dst, iso.affine().resampledAxis(axis, 0, scale));
    }
}
