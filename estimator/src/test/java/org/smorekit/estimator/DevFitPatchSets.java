package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.volume.Volume;

/**
 * Development driver: how much the spectral fit depends on the patches it is computed on. For each cell, the fit
 * (box with Gaussian edges) over {@code sets} patch sets of each count. args: cells scales axis counts sets
 * [isotropic source, default the bundled Colin27], e.g. {@code gauss:2,rect:3 2,2.5 2 1024,8192 3}.
 */
public final class DevFitPatchSets {
    public static void main(String[] a) throws Exception {
        Volume iso = a.length > 5 ? BenchmarkScan.readIsotropic(java.nio.file.Path.of(a[5]))
                : SimulatedColin27.isotropic();
        int axis = Integer.parseInt(a[2]);
        int sets = Integer.parseInt(a[4]);
        for (String sc : a[1].split(",")) {
            double scale = Double.parseDouble(sc);
            for (SimulatedColin27.Cell cell : SimulatedColin27.cells(a[0])) {
                ProfileEstimator.Patches patches = new ProfileEstimator(EstimatorOptions.defaults())
                        .patches(BenchmarkScan.simulate(iso, cell.profile(), scale, axis), axis, scale);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "axis %d %s %.0f s%.2f:", axis,
                        cell.shape(), cell.fwhm(), scale));
                for (String c : a[3].split(",")) {
                    int count = Integer.parseInt(c);
                    line.append(String.format(Locale.ROOT, " | %d:", count));
                    for (int set = 0; set < sets; set++) {
                        long seed = set == 0 ? SpectrumMismatch.PATCH_SEED : 7919L * set;
                        SpectrumMismatch.Fit f = new SpectrumMismatch(patches.sampler(), patches.degradation(), 0,
                                count, seed).bestSmoothedRect(21);
                        line.append(String.format(Locale.ROOT, " %.2f (%.2f)", f.profile().fwhmVoxels(),
                                f.mismatch()));
                    }
                }
                System.out.println(line);
            }
        }
    }
}
