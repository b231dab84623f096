package org.smorekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smorekit.estimator.EnsembleChoice;

/**
 * Development driver (not a test): which ensemble pick would have done best on a measured grid. Reads the JSON of
 * {@code ProfileAccuracyBenchmark} (each estimate's GAN runs, their FWHMs and spectrum mismatches, and the spectral
 * fit), keeps the runs {@link EnsembleChoice#consistent} keeps, picks one by each rule, replaces it by the fit when it
 * went {@link EnsembleChoice#astray} (as the estimator does), and prints the estimates and mean FWHM errors per cell
 * and family. Rules: median (the estimator's), widest, mean (of the kept runs' FWHMs). args: grid.json
 */
public final class DevEnsemblePick {
    private static final String[] RULES = {"median", "widest", "mean"};

    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) JsonSidecar.read(Path.of(args[0]))
                .get("results");
        Map<String, List<double[]>> cells = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            double[] fwhm = doubles(r.get("run_fwhm_voxels"));
            double[] mismatch = doubles(r.get("run_mismatch"));
            double fit = number(r.get("spectral_fit_fwhm_voxels"));
            double fitMismatch = number(r.get("spectral_fit_mismatch"));
            double truth = number(r.get("fwhm_true_voxels"));
            double[] row = new double[RULES.length + 1];
            row[0] = truth;
            for (int k = 0; k < RULES.length; k++) {
                row[k + 1] = pick(RULES[k], fwhm, mismatch, fit, fitMismatch);
            }
            String cell = String.format(Locale.ROOT, "%s %s scale %s", r.get("shape"), r.get("nominal_fwhm_voxels"),
                    r.get("scale"));
            cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(row);
        }
        Map<String, double[]> family = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : cells.entrySet()) {
            StringBuilder line = new StringBuilder(e.getKey() + ":");
            double[] sums = family.computeIfAbsent(e.getKey().split(" ")[0], f -> new double[RULES.length + 1]);
            sums[0]++;
            for (int k = 0; k < RULES.length; k++) {
                double err = 0;
                List<String> estimates = new ArrayList<>();
                for (double[] row : e.getValue()) {
                    err += Math.abs(row[k + 1] - row[0]) / e.getValue().size();
                    estimates.add(String.format(Locale.ROOT, "%.2f", row[k + 1]));
                }
                sums[k + 1] += err;
                line.append(String.format(Locale.ROOT, "  %s %s (error %.2f)", RULES[k], String.join("/", estimates),
                        err));
            }
            System.out.println(line);
        }
        family.forEach((f, s) -> {
            StringBuilder line = new StringBuilder("mean FWHM error, " + f + ":");
            for (int k = 0; k < RULES.length; k++) {
                line.append(String.format(Locale.ROOT, "  %s %.3f", RULES[k], s[k + 1] / s[0]));
            }
            System.out.println(line);
        });
    }

    private static double pick(String rule, double[] fwhm, double[] mismatch, double fit, double fitMismatch) {
        boolean[] ok = EnsembleChoice.consistent(mismatch);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingDouble(i -> fwhm[i]));
        int chosen = rule.equals("widest") ? kept.get(kept.size() - 1) : EnsembleChoice.choose(fwhm, mismatch);
        if (EnsembleChoice.astray(mismatch[chosen], fitMismatch)) {
            return fit;
        }
        return rule.equals("mean") ? kept.stream().mapToDouble(i -> fwhm[i]).average().orElseThrow() : fwhm[chosen];
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(DevEnsemblePick::number).toArray();
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
