package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Development driver: the box with Gaussian edges of smallest spectrum mismatch D among those whose standard deviation
 * is within a tolerance of a given one (a GAN estimate's), for benchmark cells. args: axis tolerance
 * shape:fwhm:scale:sd[,...]
 */
public final class DevMomentShape {
    public static void main(String[] a) throws Exception {
        Volume iso = SimulatedColin27.isotropic();
        int axis = Integer.parseInt(a[0]);
        double tol = Double.parseDouble(a[1]);
        int taps = 21;
        for (String item : a[2].split(",")) {
            String[] p = item.split(":");
            String shape = p[0];
            double truth = Double.parseDouble(p[1]);
            double scale = Double.parseDouble(p[2]);
            double sdGan = Double.parseDouble(p[3]);
            SliceProfile tp = BenchmarkScan.profile(shape, truth);
            SpectrumMismatch m = SimulatedColin27.spectrumMismatch(iso, tp, scale, axis, taps);
            double bestD = Double.POSITIVE_INFINITY, bestF = 0, bestW = 0, bestG = 0;
            for (double w = 1; w <= taps - 2; w += 0.5) {
                for (double g = 0; g <= taps - 2; g += 0.5) {
                    SliceProfile candidate = SpectrumMismatch.fitted(w, g, taps);
                    if (candidate == null) {
                        continue;
                    }
                    double[] k = candidate.values();
                    double sd = sd(k);
                    if (Math.abs(sd - sdGan) > tol * sdGan) {
                        continue;
                    }
                    double d = m.of(k);
                    if (d < bestD) {
                        bestD = d;
                        bestF = new SliceProfile(k).fwhmVoxels();
                        bestW = w;
                        bestG = g;
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT, "axis %d %s %.0f s%.0f sd %.2f: constrained FWHM %.2f (w %.1f g %.1f, D %.3f) error %.2f",
                    axis, shape, truth, scale, sdGan, bestF, bestW, bestG, bestD, Math.abs(bestF - truth)));
        }
    }

    static double sd(double[] k) {
        double c = 0;
        for (int i = 0; i < k.length; i++) {
            c += i * k[i];
        }
        double v = 0;
        for (int i = 0; i < k.length; i++) {
            v += (i - c) * (i - c) * k[i];
        }
        return Math.sqrt(v);
    }
}
