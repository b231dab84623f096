package org.smorekit.estimator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/**
 * Accuracy benchmark on the paper's grid (Han et al., IPMI 2021, Table 1) with the bundled Colin27 T1 as the isotropic
 * source: for every cell (profile shape and FWHM, scale) and seed, simulate the thick-slice scan with the true profile,
 * estimate, and report the FWHM error |FWHM_est - FWHM_true| (voxels; FWHM_true measured on the sampled truth by the
 * same half-maximum rule), the profile error {@code sum_i |k_est(i) - k_true(i)|} with the centre taps aligned, the
 * spread of the estimated FWHM over seeds (max - min), and the wall time. Writes a Markdown table.
 *
 * <p>PSNR/SSIM between the scans degraded by the true and the estimated profile belong to the metrics module, which
 * depends on this one; they are not computed here.
 *
 * <p>Usage: {@code EstimatorAccuracyBenchmark [--cells gauss:2,gauss:4,...] [--scales 2,4,8] [--seeds 1,2,3]
 * [--axis 2] [--iterations N] [--ensemble N] [--output table.md] [--input iso.nii.gz]}. Defaults: the full grid (Gaussian 2, 4, 8;
 * rect 3, 5, 9; scales 2, 4, 8; seeds 1, 2, 3; axis 2), estimator defaults, table on standard output.
 */
public final class EstimatorAccuracyBenchmark {
    private EstimatorAccuracyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String cells = "gauss:2,gauss:4,gauss:8,rect:3,rect:5,rect:9";
        String scales = "2,4,8";
        String seeds = "1,2,3";
        int axis = 2;
        Path output = null;
        Path input = null;
        EstimatorOptions options = EstimatorOptions.defaults();
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--cells" -> cells = value;
                case "--scales" -> scales = value;
                case "--seeds" -> seeds = value;
                case "--axis" -> axis = Integer.parseInt(value);
                case "--iterations" -> options = options.withIterations(Integer.parseInt(value));
                case "--threads" -> options = options.withThreads(Integer.parseInt(value));
                case "--ensemble" -> options = options.withEnsembleSize(Integer.parseInt(value));
                case "--output" -> output = Path.of(value);
                case "--input" -> input = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --cells --scales"
                        + " --seeds --axis --iterations --threads --ensemble --output --input");
            }
        }
        Volume iso = BenchmarkScan.readIsotropic(input != null ? input : BenchmarkScan.defaultIsotropicScan());
        List<String> lines = new ArrayList<>();
        lines.add("| profile | FWHM | scale | estimated FWHM per seed | mean FWHM error | spread | mean profile error"
                + " | mean s/run | warnings |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        double sumGauss = 0, sumRect = 0;
        int nGauss = 0, nRect = 0;
        for (String cell : cells.split(",")) {
            String[] parts = cell.split(":");
            String shape = parts[0];
            double fwhm = Double.parseDouble(parts[1]);
            SliceProfile truth = BenchmarkScan.profile(shape, fwhm);
            for (String sc : scales.split(",")) {
                double scale = Double.parseDouble(sc);
                Volume scan = BenchmarkScan.simulate(iso, truth, scale, axis);
                StringBuilder perSeed = new StringBuilder();
                double errSum = 0, profSum = 0, secSum = 0, lo = Double.POSITIVE_INFINITY,
                        hi = Double.NEGATIVE_INFINITY;
                int warned = 0, n = 0;
                for (String sd : seeds.split(",")) {
                    ProfileEstimate e = new ProfileEstimator(options.withSeed(Long.parseLong(sd)))
                            .estimate(scan, axis, scale, ProgressListener.SILENT);
                    double f = e.fwhmVoxels();
                    perSeed.append(perSeed.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", f));
                    errSum += Math.abs(f - truth.fwhmVoxels());
                    profSum += profileError(e.profile(), truth);
                    secSum += e.seconds();
                    lo = Math.min(lo, f);
                    hi = Math.max(hi, f);
                    warned += e.warnings().isEmpty() ? 0 : 1;
                    n++;
                    System.err.printf(Locale.ROOT, "%s %.1f scale %.3g seed %s: FWHM %.3f (true %.3f), runs %s, %.0f s%n",
                            shape, fwhm, scale, sd, f, truth.fwhmVoxels(), Arrays.toString(e.runFwhmVoxels()),
                            e.seconds());
                }
                double meanErr = errSum / n;
                if (shape.startsWith("gauss")) {
                    sumGauss += meanErr;
                    nGauss++;
                } else {
                    sumRect += meanErr;
                    nRect++;
                }
                lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.3g | %s | %.2f | %.2f | %.3f | %.0f | %d/%d |",
                        shape, fwhm, scale, perSeed, meanErr, hi - lo, profSum / n, secSum / n, warned, n));
            }
        }
        lines.add("");
        if (nGauss > 0) {
            lines.add(String.format(Locale.ROOT, "Mean FWHM error, Gaussian cells: %.2f px", sumGauss / nGauss));
        }
        if (nRect > 0) {
            lines.add(String.format(Locale.ROOT, "Mean FWHM error, rect cells: %.2f px", sumRect / nRect));
        }
        String table = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        if (output != null) {
            Files.writeString(output, table);
        }
        System.out.print(table);
    }

    /** sum_i |a(i) - b(i)| over the union of taps with both centre taps at offset 0 (missing taps count as 0). */
    static double profileError(SliceProfile a, SliceProfile b) {
        int half = Math.max(a.centre(), b.centre());
        double sum = 0;
        for (int x = -half; x <= half; x++) {
            int ia = a.centre() + x, ib = b.centre() + x;
            double va = ia >= 0 && ia < a.length() ? a.value(ia) : 0;
            double vb = ib >= 0 && ib < b.length() ? b.value(ib) : 0;
            sum += Math.abs(va - vb);
        }
        return sum;
    }
}
