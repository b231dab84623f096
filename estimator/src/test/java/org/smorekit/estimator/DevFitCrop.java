package org.smorekit.estimator;

import java.util.Locale;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/** Spectral fit (and optionally a GAN run) on the whole simulated head vs in-plane crops. args: cells scale gan? */
public final class DevFitCrop {
    public static void main(String[] a) throws Exception {
        Volume iso = SimulatedColin27.isotropic();
        double scale = Double.parseDouble(a[1]);
        boolean gan = a.length > 2 && a[2].equals("gan");
        EstimatorOptions fit = EstimatorOptions.defaults().withMethod(EstimationMethod.SPECTRAL_FIT);
        EstimatorOptions g = EstimatorOptions.defaults().withMethod(EstimationMethod.GAN).withEnsembleSize(1).withSeed(1);
        for (String cell : a[0].split(",")) {
            SliceProfile tp = BenchmarkScan.profile(cell.split(":")[0], Double.parseDouble(cell.split(":")[1]));
            Volume lr = BenchmarkScan.simulate(iso, tp, scale, 2);
            int[][] crops = {{0, lr.nx(), 0, lr.ny()}, {42, 96, 60, 96}, {26, 128, 44, 128}, {10, 160, 20, 176}};
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s s%.3g true %.2f:", cell, scale,
                    tp.fwhmVoxels()));
            for (int[] c : crops) {
                Volume v = c[1] == lr.nx() ? lr : SimulatedColin27.crop(lr, c[0], c[1], c[2], c[3]);
                ProfileEstimate e = new ProfileEstimator(fit).estimate(v, 2, scale, ProgressListener.SILENT);
                sb.append(String.format(Locale.ROOT, "  %dx%d fit %.2f (D %.3f)", c[1], c[3], e.fwhmVoxels(),
                        e.spectralFitMismatch()));
                if (gan) {
                    ProfileEstimate r = new ProfileEstimator(g).estimate(v, 2, scale, ProgressListener.SILENT);
                    sb.append(String.format(Locale.ROOT, " gan %.2f", r.fwhmVoxels()));
                }
            }
            System.out.println(sb);
        }
    }
}
