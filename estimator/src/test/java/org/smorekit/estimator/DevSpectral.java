package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/** Second-order (power spectrum) match of real vs fake rows of G(I) against candidate Gaussian/rect k. args: cells scales */
public final class DevSpectral {
    static final int N = 16;

    public static void main(String[] a) throws Exception {
        Volume iso = SimulatedColin27.isotropic();
        String cells = a.length > 0 ? a[0] : "gauss:2,gauss:4,gauss:8,rect:3,rect:5,rect:9";
        String scales = a.length > 1 ? a[1] : "2,4,8";
        for (String cell : cells.split(",")) {
            String shape = cell.split(":")[0];
            double truth = Double.parseDouble(cell.split(":")[1]);
            SliceProfile tp = BenchmarkScan.profile(shape, truth);
            for (String sc : scales.split(",")) {
                double scale = Double.parseDouble(sc);
                Volume lr = BenchmarkScan.simulate(iso, tp, scale, 2);
                PatchDegradation deg = new PatchDegradation(21, scale);
                PatchSampler s = new PatchSampler(IntensityScaling.scaled(lr.toArray()), lr.shape(), deg.patchLength());
                int batch = 2048, rows = batch * N;
                float[] p = new float[rows * deg.patchLength()], g = new float[rows * N];
                s.sample(new java.util.SplittableRandom(1), batch, p);
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %.0f s%.0f:", shape, truth, scale));
                for (String fam : new String[] {"gauss", "rect"}) {
                    double best = Double.POSITIVE_INFINITY, bestW = 0;
                    for (double w = 1; w <= 17.001; w += 0.1) {
                        SliceProfile k = Profiles.withLength(BenchmarkScan.profile(fam, w), 21);
                        deg.forward(p, rows, k.values(), g);
                        double d = discrepancy(g, batch);
                        if (d < best) { best = d; bestW = k.fwhmVoxels(); }
                    }
                    sb.append(String.format(Locale.ROOT, "  %s %.2f (D %.4f)", fam, bestW, best));
                }
                System.setProperty("bins", "1");
                deg.forward(p, rows, Profiles.withLength(tp, 21).values(), g);
                sb.append(String.format(Locale.ROOT, "  truth D %.4f", discrepancy(g, batch)));
                System.out.println(sb);
                System.clearProperty("bins");
                StringBuilder c = new StringBuilder("   D(gauss w):");
                for (double w : new double[] {1, 1.5, 2, 3, 4, 5, 6, 8, 10, 13}) {
                    deg.forward(p, rows, Profiles.gaussian(w, 21).values(), g);
                    c.append(String.format(Locale.ROOT, " %.0f:%.3f", w, discrepancy(g, batch)));
                }
                System.out.println(c);
            }
        }
    }

    static double[] window = new double[N];
    static double[][] cos = new double[N / 2 + 1][N], sin = new double[N / 2 + 1][N];
    static {
        for (int i = 0; i < N; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / N);
        for (int f = 0; f <= N / 2; f++) for (int j = 0; j < N; j++) {
            cos[f][j] = Math.cos(2 * Math.PI * f * j / N) * window[j];
            sin[f][j] = Math.sin(2 * Math.PI * f * j / N) * window[j];
        }
    }

    /** sum over frequency bins 1..8 of (ln P_fake - ln P_real)^2, Hann-windowed periodograms of mean-removed lines. */
    static double discrepancy(float[] g, int batch) {
        double[] pf = new double[N / 2 + 1], pr = new double[N / 2 + 1];
        double[] line = new double[N];
        for (int b = 0; b < batch; b++) {
            int base = b * N * N;
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) line[j] = g[base + i * N + j];
                accumulate(line, pf);
                for (int j = 0; j < N; j++) line[j] = g[base + j * N + i];
                accumulate(line, pr);
            }
        }
        if (System.getProperty("bins") != null) {
            StringBuilder sb = new StringBuilder("   ln(Pf/Pr):");
            for (int f = 0; f <= N / 2; f++) sb.append(String.format(Locale.ROOT, " %.3f", Math.log(pf[f] / pr[f])));
            System.out.println(sb);
        }
        double d = 0;
        for (int f = 1; f <= N / 2; f++) {
            double r = Math.log(pf[f] / pr[f]);
            d += r * r;
        }
        return d;
    }

    static void accumulate(double[] line, double[] p) {
        double m = 0;
        for (double v : line) m += v;
        m /= N;
        for (int f = 0; f <= N / 2; f++) {
            double re = 0, im = 0;
            for (int j = 0; j < N; j++) {
                double v = line[j] - m;
                re += v * cos[f][j];
                im -= v * sin[f][j];
            }
            p[f] += re * re + im * im;
        }
    }
}
