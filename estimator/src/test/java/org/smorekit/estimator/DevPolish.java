package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.degrade.HalfMaximum;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Development driver: the spectrum mismatch D (exactly as {@link SpectrumMismatch}, 1024 fixed patches) over a
 * two-parameter family of profiles, a box of width w blurred by a Gaussian of FWHM g (g = 0: the box; w = 0: the
 * Gaussian), for each benchmark cell. Prints the family's minimum and how flat D is around it. args: cells scales
 */
public final class DevPolish {
    public static void main(String[] a) throws Exception {
        Volume iso = SimulatedColin27.isotropic();
        String cells = a.length > 0 ? a[0] : SimulatedColin27.GRID_CELLS;
        String scales = a.length > 1 ? a[1] : "2,4,8";
        int taps = 21;
        for (String sc : scales.split(",")) {
            double scale = Double.parseDouble(sc);
            for (SimulatedColin27.Cell cell : SimulatedColin27.cells(cells)) {
                String shape = cell.shape();
                double truth = cell.fwhm();
                SliceProfile tp = cell.profile();
                SpectrumMismatch m = SimulatedColin27.spectrumMismatch(iso, tp, scale, 2, taps);
                double dTruth = m.of(Profiles.withLength(tp, taps).values());
                double bestD = Double.POSITIVE_INFINITY, bestW = 0, bestG = 0, bestF = 0;
                double bestGaussD = Double.POSITIVE_INFINITY, bestGaussF = 0, bestRectD = Double.POSITIVE_INFINITY, bestRectF = 0;
                StringBuilder near = new StringBuilder();
                double[][] table = new double[40][40];
                double[][] fw = new double[40][40];
                for (int wi = 0; wi < 30; wi++) {
                    double w = wi * 0.5;
                    for (int gi = 0; gi < 25; gi++) {
                        double g = gi * 0.5;
                        double[] k = smoothedBox(w, g, taps);
                        if (k == null) {
                            table[wi][gi] = Double.NaN;
                            continue;
                        }
                        double d = m.of(k);
                        double f = HalfMaximum.of(k).width();
                        table[wi][gi] = d;
                        fw[wi][gi] = f;
                        if (d < bestD) { bestD = d; bestW = w; bestG = g; bestF = f; }
                        if (wi == 0 && d < bestGaussD) { bestGaussD = d; bestGaussF = f; }
                        if (gi == 0 && d < bestRectD) { bestRectD = d; bestRectF = f; }
                    }
                }
                double lo = Double.POSITIVE_INFINITY, hi = 0;
                for (int wi = 0; wi < 30; wi++) for (int gi = 0; gi < 25; gi++) {
                    double d = table[wi][gi];
                    if (!Double.isNaN(d) && d <= 1.5 * bestD + 0.02) { lo = Math.min(lo, fw[wi][gi]); hi = Math.max(hi, fw[wi][gi]); }
                }
                System.out.println(String.format(Locale.ROOT,
                        "%s %.0f s%.0f: truth D %.3f | gauss %.2f (D %.3f) | box %.2f (D %.3f) | joint w %.1f g %.1f FWHM %.2f (D %.3f) | FWHM range within 1.5xmin+0.02: %.2f-%.2f",
                        shape, truth, scale, dTruth, bestGaussF, bestGaussD, bestRectF, bestRectD, bestW, bestG, bestF, bestD, lo, hi));
            }
        }
    }

    /** box(w) convolved with gaussian(g), cut to taps (null if more than 1% would be cut). */
    static double[] smoothedBox(double w, double g, int taps) {
        double[] box = w <= 1 ? new double[] {1} : Profiles.rect(w).values();
        double[] gauss = g <= 0 ? new double[] {1} : Profiles.gaussian(g).values();
        double[] c = new double[box.length + gauss.length - 1];
        for (int i = 0; i < box.length; i++) for (int j = 0; j < gauss.length; j++) c[i + j] += box[i] * gauss[j];
        double[] k = new double[taps];
        int off = (c.length - taps) / 2;
        double kept = 0;
        for (int t = 0; t < taps; t++) {
            int i = t + off;
            if (i >= 0 && i < c.length) { k[t] = c[i]; kept += c[i]; }
        }
        if (kept < 0.99) return null;
        for (int t = 0; t < taps; t++) k[t] /= kept;
        return k;
    }
}
