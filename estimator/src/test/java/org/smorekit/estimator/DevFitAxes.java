package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Development driver: the estimator's plain spectral fit (the reference its GAN runs are checked against) on the
 * benchmark's cells along each slice axis. args: cells scales axes [isotropic source, default the bundled Colin27]
 */
public final class DevFitAxes {
    public static void main(String[] a) throws Exception {
        Volume iso = a.length > 3 ? BenchmarkScan.readIsotropic(java.nio.file.Path.of(a[3]))
                : SimulatedColin27.isotropic();
        String cells = a.length > 0 ? a[0] : SimulatedColin27.GRID_CELLS;
        String scales = a.length > 1 ? a[1] : "2,4,8";
        String axes = a.length > 2 ? a[2] : "0,1,2";
        for (String ax : axes.split(",")) {
            int axis = Integer.parseInt(ax);
            for (String sc : scales.split(",")) {
                double scale = Double.parseDouble(sc);
                for (SimulatedColin27.Cell cell : SimulatedColin27.cells(cells)) {
                    String shape = cell.shape();
                    double truth = cell.fwhm();
                    SliceProfile tp = cell.profile();
                    SpectrumMismatch m = SimulatedColin27.spectrumMismatch(iso, tp, scale, axis, 21);
                    SpectrumMismatch.Fit f = m.bestSmoothedRect(21);
                    SpectrumMismatch.Fit fn = m.bestSmoothedRect(21, true);
                    System.out.println(String.format(Locale.ROOT, "axis %d %s %.0f s%.0f: fit %.2f (D %.3f) noise-aware %.2f (D %.3f, share %.2f)",
                            axis, shape, truth, scale, f.profile().fwhmVoxels(), f.mismatch(),
                            fn.profile().fwhmVoxels(), fn.mismatch(), fn.noiseShare()));
                }
            }
        }
    }
}
