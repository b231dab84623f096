package org.smorekit.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.estimator.BenchmarkScan;
import org.smorekit.estimator.EnsembleChoice;
import org.smorekit.estimator.EstimationMethod;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/**
 * Accuracy benchmark of the slice-profile estimator on the paper's grid (Han et al., IPMI 2021, Table 1) with the
 * bundled Colin27 T1 as the isotropic source: for every cell (profile shape and FWHM, scale) and seed, simulate the
 * thick-slice scan with the true profile ({@link BenchmarkScan}), estimate ({@link ProfileEstimator}), and score the
 * estimate with {@link ProfileAccuracy}: the FWHM error |FWHM_est - FWHM_true| (voxels; FWHM_true measured on the
 * sampled truth by the same half-maximum rule), the profile error {@code sum_i |k_est(i) - k_true(i)|} with the centre
 * taps aligned, and PSNR (dB) / 3-D SSIM inside the head mask between the isotropic volume degraded by the true and by
 * the estimated profile. Per cell it reports the estimated FWHM of every seed, the means over seeds, the spread of the
 * estimated FWHM over seeds (max - min) and the wall time, as a Markdown table.
 *
 * <p>With an ensemble of E runs, seed s uses the GAN runs of seeds s .. s + E - 1 (and s + E, ... in place of runs set
 * aside, as {@link EnsembleChoice#needsAnotherRun} asks); each distinct GAN run of a cell is
 * computed once and the ensembles are put together by {@link ProfileEstimator#combine}, which gives what
 * {@code estimate} gives for that seed (3 seeds x 3 runs cost 5 runs, not 9). Seconds are per estimate: the sum of its
 * runs. Where the method makes no GAN runs ({@link EstimationMethod#usesGan}; by default at scales up to 2.5) each seed
 * is {@code estimate} itself, the spectral fit.
 *
 * <p>Usage: {@code ProfileAccuracyBenchmark [--cells gauss:2,gauss:4,...] [--scales 2,4,8] [--seeds 1,2,3] [--axis 2]
 * [--iterations N] [--threads N] [--ensemble N] [--spread-weight W] [--impulse-weight W] [--method auto|gan|spectral]
 * [--output table.md] [--json results.json] [--input iso.nii.gz] [--noise 5%] [--noise-matching true|false]
 * [--convergence-stop true|false]}.
 * {@code --noise} adds Rician noise to every simulated scan ({@link AcquisitionNoise}; seed {@value #NOISE_SEED}); the
 * accuracy is scored against the noise-free truth. Defaults: the full grid (Gaussian 2, 4, 8; rect 3, 5, 9; scales 2,
 * 4, 8; seeds 1, 2, 3; axis 2), estimator defaults, table on standard output, no JSON. {@code --json} writes every
 * per-seed result (rewritten after each seed, so an interrupted run keeps what it measured): the accuracy, the
 * estimator's warnings and notes, per GAN run its seed, FWHM and spectrum mismatch D, the spectral fit's FWHM, D and
 * taps, and the GAN iterations the estimate ran and the convergence stop saved; JSON has no infinity, so an infinite
 * PSNR is written as the string {@code "Infinity"}, as Jackson does in the CLI's sidecars.
 */
public final class ProfileAccuracyBenchmark {
    private ProfileAccuracyBenchmark() {
    }

    /**
     * One estimate of one grid cell.
     *
     * @param cell              the cell as given to {@code --cells}, e.g. "gauss:4"
     * @param shape             "gauss" or "rect"
     * @param nominalFwhmVoxels the FWHM the true profile was built with
     * @param scale             slice spacing over in-plane spacing
     * @param axis              slice axis
     * @param seed              estimator seed (its GAN runs have seeds {@code seed .. seed + E - 1})
     * @param estimate          the estimator's result: the profile, its warnings and notes, the FWHM and spectrum
     *                          mismatch D of every GAN run, the spectral fit and its D, the seconds
     * @param accuracy          its errors, PSNR and SSIM
     */
    record SeedResult(String cell, String shape, double nominalFwhmVoxels, double scale, int axis, long seed,
            ProfileEstimate estimate, ProfileAccuracy accuracy) {
    }

    /** The seed of the noise {@code --noise} adds: every estimator seed sees the same noisy scan. */
    static final long NOISE_SEED = 1;

    public static void main(String[] args) throws IOException {
        String cells = "gauss:2,gauss:4,gauss:8,rect:3,rect:5,rect:9";
        String scales = "2,4,8";
        String seeds = "1,2,3";
        int axis = 2;
        Path output = null;
        Path json = null;
        Path input = null;
        AcquisitionNoise noise = new AcquisitionNoise(0, false, AcquisitionNoise.Kind.RICIAN);
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
                case "--spread-weight" -> options = options.withSpreadWeight(Double.parseDouble(value));
                case "--impulse-weight" -> options = options.withImpulseWeight(Double.parseDouble(value));
                case "--method" -> options = options.withMethod(switch (value) {
                    case "auto" -> EstimationMethod.AUTO;
                    case "gan" -> EstimationMethod.GAN;
                    case "spectral" -> EstimationMethod.SPECTRAL_FIT;
                    default -> throw new IllegalArgumentException("--method must be auto, gan or spectral, got "
                            + value);
                });
                case "--noise-matching" -> options = options.withNoiseMatching(Boolean.parseBoolean(value));
                case "--convergence-stop" -> options = options.withConvergenceStop(Boolean.parseBoolean(value));
                case "--output" -> output = Path.of(value);
                case "--json" -> json = Path.of(value);
                case "--input" -> input = Path.of(value);
                case "--noise" -> noise = AcquisitionNoise.parse(value, AcquisitionNoise.Kind.RICIAN);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --cells --scales"
                        + " --seeds --axis --iterations --threads --ensemble --spread-weight --impulse-weight"
                        + " --method --noise-matching --convergence-stop --output --json --input --noise");
            }
        }
        Path isoFile = input != null ? input : BenchmarkScan.defaultIsotropicScan();
        Volume iso = BenchmarkScan.readIsotropic(isoFile);
        List<SeedResult> results = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("| profile | FWHM | scale | estimated FWHM per seed | mean FWHM error | spread | mean profile error"
                + " | mean PSNR (dB) | mean SSIM | mean s/estimate | warnings |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        double sumGauss = 0, sumRect = 0;
        int nGauss = 0, nRect = 0;
        for (String cell : cells.split(",")) {
            String[] parts = cell.split(":");
            String shape = parts[0];
            double fwhm = Double.parseDouble(parts[1]);
            SliceProfile truth = BenchmarkScan.profile(shape, fwhm);
            for (String sc : scales.split(",")) {
                double scale = Double.parseDouble(sc);
                Volume scan = noise.addTo(BenchmarkScan.simulate(iso, truth, scale, axis), NOISE_SEED);
                StringBuilder perSeed = new StringBuilder();
                double errSum = 0, profSum = 0, psnrSum = 0, ssimSum = 0, secSum = 0;
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                int warned = 0, n = 0;
                java.util.Map<Long, ProfileEstimate> singleRuns = new java.util.HashMap<>();
                EstimatorOptions single = options.withEnsembleSize(1);
                Volume cellScan = scan;
                int cellAxis = axis;
                double cellScale = scale;
                for (String sd : seeds.split(",")) {
                    long seed = Long.parseLong(sd);
                    ProfileEstimate e;
                    if (options.method().usesGan(scale)) {
                        List<ProfileEstimate> members = new ArrayList<>();
                        for (long m = seed; EnsembleChoice.needsAnotherRun(ProfileEstimator.mismatches(members),
                                options.ensembleSize()); m++) {
                            members.add(singleRuns.computeIfAbsent(m, runSeed -> new ProfileEstimator(
                                    single.withSeed(runSeed)).estimate(cellScan, cellAxis, cellScale,
                                    ProgressListener.SILENT)));
                        }
                        e = ProfileEstimator.combine(members, scale);
                    } else {
                        e = new ProfileEstimator(options.withSeed(seed)).estimate(scan, axis, scale,
                                ProgressListener.SILENT);
                    }
                    ProfileAccuracy a = ProfileAccuracy.of(iso, truth, e.profile(), scale, axis);
                    double f = e.fwhmVoxels();
                    perSeed.append(perSeed.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", f));
                    errSum += a.fwhmErrorVoxels();
                    profSum += a.profileError();
                    psnrSum += a.psnrDb();
                    ssimSum += a.ssim();
                    secSum += e.seconds();
                    lo = Math.min(lo, f);
                    hi = Math.max(hi, f);
                    warned += e.warnings().isEmpty() ? 0 : 1;
                    n++;
                    System.err.printf(Locale.ROOT, "%s %.1f scale %.3g seed %d: FWHM %.3f (true %.3f), runs %s,"
                            + " spectral fit FWHM %.3f D %.3g, PSNR %s dB, SSIM %.4f, %.0f s%n", shape, fwhm, scale,
                            seed, f, truth.fwhmVoxels(), Arrays.toString(e.runFwhmVoxels()) + " mismatch "
                            + Arrays.toString(e.runMismatch()), e.spectralFit().fwhmVoxels(),
                            e.spectralFitMismatch(), formatPsnr(a.psnrDb()), a.ssim(), e.seconds());
                    results.add(new SeedResult(cell, shape, fwhm, scale, axis, seed, e, a));
                    if (json != null) {
                        writeAtomically(json, json(isoFile, options, noise, results));
                    }
                }
                double meanErr = errSum / n;
                if (shape.startsWith("gauss")) {
                    sumGauss += meanErr;
                    nGauss++;
                } else {
                    sumRect += meanErr;
                    nRect++;
                }
                lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.3g | %s | %.2f | %.2f | %.3f | %s | %.4f | %.0f"
                        + " | %d/%d |", shape, fwhm, scale, perSeed, meanErr, hi - lo, profSum / n,
                        formatPsnr(psnrSum / n), ssimSum / n, secSum / n, warned, n));
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

    /**
     * The JSON document of {@code --json}: the run's settings and one object per seed result. Numbers are written
     * with {@link Double#toString} (locale independent, round-trips exactly); non-finite numbers as the strings
     * {@code "Infinity"}, {@code "-Infinity"}, {@code "NaN"}.
     */
    static String json(Path input, EstimatorOptions options, AcquisitionNoise noise, List<SeedResult> results) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        b.append('{').append(nl);
        b.append("  \"benchmark\": ").append(string(ProfileAccuracyBenchmark.class.getName())).append(',').append(nl);
        b.append("  \"input\": ").append(string(input.toAbsolutePath().normalize().toString())).append(',').append(nl);
        b.append("  \"iterations\": ").append(options.iterations()).append(',').append(nl);
        b.append("  \"method\": ").append(string(options.method().name().toLowerCase(Locale.ROOT))).append(',')
                .append(nl);
        b.append("  \"ensemble\": ").append(options.ensembleSize()).append(',').append(nl);
        b.append("  \"spread_weight\": ").append(number(options.spreadWeight())).append(',').append(nl);
        b.append("  \"impulse_weight\": ").append(number(options.impulseWeight())).append(',').append(nl);
        b.append("  \"threads\": ").append(options.threads()).append(',').append(nl);
        b.append("  \"noise_matching\": ").append(options.noiseMatching()).append(',').append(nl);
        b.append("  \"convergence_stop\": ").append(options.convergenceStop()).append(',').append(nl);
        b.append("  \"noise\": ").append(string(noise.level() == 0 ? "none" : noise + ", seed " + NOISE_SEED))
                .append(',').append(nl);
        b.append("  \"ssim_mode\": \"3d\",").append(nl);
        b.append("  \"mask\": \"head mask of the scan degraded by the true profile\",").append(nl);
        b.append("  \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            SeedResult r = results.get(i);
            ProfileAccuracy a = r.accuracy();
            b.append(i == 0 ? "" : ",").append(nl).append("    {");
            b.append("\"cell\": ").append(string(r.cell()));
            b.append(", \"shape\": ").append(string(r.shape()));
            b.append(", \"nominal_fwhm_voxels\": ").append(number(r.nominalFwhmVoxels()));
            b.append(", \"scale\": ").append(number(r.scale()));
            b.append(", \"axis\": ").append(r.axis());
            b.append(", \"seed\": ").append(r.seed());
            b.append(", \"fwhm_estimated_voxels\": ").append(number(a.profile().fwhmEstimatedVoxels()));
            b.append(", \"fwhm_true_voxels\": ").append(number(a.profile().fwhmTrueVoxels()));
            b.append(", \"fwhm_error_voxels\": ").append(number(a.fwhmErrorVoxels()));
            b.append(", \"profile_error\": ").append(number(a.profileError()));
            b.append(", \"psnr_db\": ").append(number(a.psnrDb()));
            b.append(", \"ssim\": ").append(number(a.ssim()));
            b.append(", \"mask_voxels\": ").append(a.scans().maskVoxels());
            ProfileEstimate e = r.estimate();
            b.append(", \"seconds\": ").append(number(e.seconds()));
            b.append(", \"iterations\": ").append(e.iterations());
            b.append(", \"iterations_saved\": ").append(e.iterationsSaved());
            b.append(", \"warnings\": ").append(strings(e.warnings()));
            b.append(", \"notes\": ").append(strings(e.notes()));
            long[] runSeeds = new long[e.runFwhmVoxels().length];
            for (int run = 0; run < runSeeds.length; run++) {
                runSeeds[run] = r.seed() + run;
            }
            b.append(", \"run_seeds\": ").append(integers(runSeeds));
            b.append(", \"run_fwhm_voxels\": ").append(numbers(e.runFwhmVoxels()));
            b.append(", \"run_mismatch\": ").append(numbers(e.runMismatch()));
            b.append(", \"spectral_fit_fwhm_voxels\": ").append(number(e.spectralFit().fwhmVoxels()));
            b.append(", \"spectral_fit_mismatch\": ").append(number(e.spectralFitMismatch()));
            b.append(", \"spectral_fit_profile\": ").append(numbers(e.spectralFit().values()));
            b.append(", \"profile\": ").append(numbers(e.profile().values()));
            b.append('}');
        }
        b.append(nl).append("  ]").append(nl).append('}').append(nl);
        return b.toString();
    }

    private static String strings(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return b.append(']').toString();
    }

    private static String integers(long[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.append(']').toString();
    }

    private static String numbers(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return b.append(']').toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "\"" + v + "\"";
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String formatPsnr(double psnrDb) {
        return Double.isInfinite(psnrDb) ? "inf" : String.format(Locale.ROOT, "%.2f", psnrDb);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
