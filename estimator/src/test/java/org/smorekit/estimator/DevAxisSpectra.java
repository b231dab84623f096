package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.volume.Volume;

/**
 * Is the isotropic source isotropic in its content? Mean power spectrum of 32-voxel Hann-windowed, mean-removed
 * segments along x, y and z of the 1 mm Colin27 (segments every 16 voxels whose centre is above the median of the
 * non-zero voxels), and ln(P_z / P_x), ln(P_z / P_y) per frequency bin (bin f = f/32 cycles per voxel).
 */
public final class DevAxisSpectra {
    static final int L = 32;

    public static void main(String[] a) throws Exception {
        Volume v = SimulatedColin27.isotropic();
        float[] d = v.toArray();
        float[] sorted = java.util.Arrays.copyOf(d, d.length);
        java.util.Arrays.sort(sorted);
        int firstNonZero = 0;
        while (firstNonZero < sorted.length && sorted[firstNonZero] <= 0) firstNonZero++;
        double threshold = sorted[(firstNonZero + sorted.length) / 2];
        double[][] p = new double[3][];
        for (int axis = 0; axis < 3; axis++) p[axis] = spectrum(v, axis, threshold);
        System.out.println("bin  P_x  P_y  P_z  ln(Pz/Px)  ln(Pz/Py)");
        for (int f = 1; f <= L / 2; f++) {
            System.out.printf(Locale.ROOT, "%2d %9.1f %9.1f %9.1f %7.3f %7.3f%n", f, p[0][f], p[1][f], p[2][f],
                    Math.log(p[2][f] / p[0][f]), Math.log(p[2][f] / p[1][f]));
        }
    }

    static double[] spectrum(Volume v, int axis, double threshold) {
        int[] n = {v.nx(), v.ny(), v.nz()};
        double[] power = new double[L / 2 + 1];
        double[] seg = new double[L];
        long count = 0;
        int[] pos = new int[3];
        int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
        for (int i = 0; i < n[a1]; i++) {
            for (int j = 0; j < n[a2]; j++) {
                for (int s = 0; s + L < n[axis]; s += 16) {
                    pos[a1] = i; pos[a2] = j; pos[axis] = s + L / 2;
                    if (v.get(pos[0], pos[1], pos[2]) <= threshold) continue;
                    double mean = 0;
                    for (int t = 0; t < L; t++) {
                        pos[axis] = s + t;
                        seg[t] = v.get(pos[0], pos[1], pos[2]);
                        mean += seg[t];
                    }
                    mean /= L;
                    for (int f = 0; f <= L / 2; f++) {
                        double re = 0, im = 0;
                        for (int t = 0; t < L; t++) {
                            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / (L - 1));
                            re += (seg[t] - mean) * w * Math.cos(2 * Math.PI * f * t / L);
                            im -= (seg[t] - mean) * w * Math.sin(2 * Math.PI * f * t / L);
                        }
                        power[f] += re * re + im * im;
                    }
                    count++;
                }
            }
        }
        for (int f = 0; f <= L / 2; f++) power[f] /= count;
        return power;
    }
}
