package org.smorekit.estimator;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.smorekit.degrade.HalfMaximum;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Development driver: a higher-order match. For consecutive triples (a, b, c) of 16-sample lines with a high contrast
 * |c - a| (top q of their branch), the distribution of u = (b - a) / (c - a): where the middle sample sits between its
 * neighbours. A narrow profile leaves u near 0 or 1 at an edge, a wide one spreads it. Compared between the degraded
 * rows and the slice-direction columns over Gaussian and box candidates. args: cells scales q axis
 */
public final class DevPartialVolume {
    static final int N = 16;

    public static void main(String[] a) throws Exception {
        Volume iso = SimulatedColin27.isotropic();
        String cells = a.length > 0 ? a[0] : SimulatedColin27.GRID_CELLS;
        String scales = a.length > 1 ? a[1] : "2,4,8";
        double q = a.length > 2 ? Double.parseDouble(a[2]) : 0.1;
        int axis = a.length > 3 ? Integer.parseInt(a[3]) : 2;
        int taps = 21;
        for (String sc : scales.split(",")) {
            double scale = Double.parseDouble(sc);
            for (SimulatedColin27.Cell cell : SimulatedColin27.cells(cells)) {
                ProfileEstimator.Patches patches = new ProfileEstimator(EstimatorOptions.defaults())
                        .patches(BenchmarkScan.simulate(iso, cell.profile(), scale, axis), axis, scale);
                PatchDegradation deg = patches.degradation();
                int P = 1024;
                float[] p = new float[P * N * deg.patchLength()];
                patches.sampler().sample(new SplittableRandom(0x5EC7A1L), P, p);
                float[] out = new float[P * N * N];
                StringBuilder sb = new StringBuilder();
                double bestG = 0, bestGD = 1e9, bestB = 0, bestBD = 1e9, bestGc = 0, bestGcD = 1e9, bestBc = 0, bestBcD = 1e9;
                for (int fam = 0; fam < 2; fam++) {
                    for (double fw = 1; fw <= 12.01; fw += 0.5) {
                        SliceProfile k = fam == 0 ? Profiles.gaussian(fw, taps) : SpectrumMismatch.fitted(fw, 0, taps);
                        if (k == null) continue;
                        deg.forward(p, P * N, k.values(), out);
                        double[][] u = positions(out, P, q);
                        double w = w1(u[0], u[1]);
                        double c = chi2(u[0], u[1]);
                        if (fam == 0) {
                            if (w < bestGD) { bestGD = w; bestG = fw; }
                            if (c < bestGcD) { bestGcD = c; bestGc = fw; }
                        } else {
                            if (w < bestBD) { bestBD = w; bestB = fw; }
                            if (c < bestBcD) { bestBcD = c; bestBc = fw; }
                        }
                        if (fam == 0 && Math.abs(fw - Math.round(fw)) < 1e-9) sb.append(String.format(Locale.ROOT, " %.0f:%.3f", fw, w));
                    }
                }
                System.out.println(String.format(Locale.ROOT, "%s %.0f s%.0f q%.2f: W1 gauss %.1f (%.4f) box %.1f (%.4f) | chi2 gauss %.1f (%.4f) box %.1f (%.4f) | gaussW1%s",
                        cell.shape(), cell.fwhm(), scale, q, bestG, bestGD, bestB, bestBD, bestGc, bestGcD, bestBc, bestBcD, sb));
            }
        }
    }

    /** u of the top-q-contrast triples, fake [0] (rows) and real [1] (columns). */
    static double[][] positions(float[] out, int patches, double q) {
        int per = patches * N * (N - 2);
        double[][] res = new double[2][];
        for (int br = 0; br < 2; br++) {
            double[] cval = new double[per];
            double[] uval = new double[per];
            int n = 0;
            for (int b = 0; b < patches; b++) {
                int base = b * N * N;
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j + 2 < N; j++) {
                        double x0, x1, x2;
                        if (br == 0) {
                            x0 = out[base + i * N + j]; x1 = out[base + i * N + j + 1]; x2 = out[base + i * N + j + 2];
                        } else {
                            x0 = out[base + j * N + i]; x1 = out[base + (j + 1) * N + i]; x2 = out[base + (j + 2) * N + i];
                        }
                        double c = Math.abs(x2 - x0);
                        cval[n] = c;
                        uval[n] = c > 0 ? (x1 - x0) / (x2 - x0) : 0.5;
                        n++;
                    }
                }
            }
            double[] sorted = cval.clone();
            Arrays.sort(sorted);
            double thr = sorted[(int) ((1 - q) * per)];
            int m = 0;
            double[] sel = new double[per];
            for (int i = 0; i < per; i++) if (cval[i] >= thr) sel[m++] = Math.max(-1, Math.min(2, uval[i]));
            res[br] = Arrays.copyOf(sel, m);
            Arrays.sort(res[br]);
        }
        return res;
    }

    static double w1(double[] x, double[] y) {
        int n = 200;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double p = (i + 0.5) / n;
            s += Math.abs(x[(int) (p * x.length)] - y[(int) (p * y.length)]);
        }
        return s / n;
    }

    static double chi2(double[] x, double[] y) {
        int bins = 24;
        double[] hx = hist(x, bins), hy = hist(y, bins);
        double s = 0;
        for (int i = 0; i < bins; i++) if (hx[i] + hy[i] > 0) s += (hx[i] - hy[i]) * (hx[i] - hy[i]) / (hx[i] + hy[i]);
        return s;
    }

    static double[] hist(double[] x, int bins) {
        double[] h = new double[bins];
        for (double v : x) {
            int b = (int) Math.floor((v + 0.5) / 2.0 * bins);
            b = Math.max(0, Math.min(bins - 1, b));
            h[b] += 1.0 / x.length;
        }
        return h;
    }
}
