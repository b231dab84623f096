package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;

/**
 * The files that record an estimated slice profile: {@code profile.json} (keys: values, fwhm_voxels, fwhm_mm, axis,
 * scale, nominal_slice_thickness_mm and _source (null when unknown), iterations, seed, seconds, warnings, and more)
 * and {@code profile.png} (the plot).
 */
final class ProfileFiles {

    static final String JSON = "profile.json";
    static final String PNG = "profile.png";

    private ProfileFiles() {
    }

    /** The JSON content of an estimate of {@code scan}'s profile. */
    static Map<String, Object> json(ProfileEstimate estimate, ThickSliceScan scan, EstimatorOptions options,
                                    boolean quick) {
        SliceProfile p = estimate.profile();
        double tapMm = scan.geometry().inPlaneSpacingMm();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", p.values());
        m.put("fwhm_voxels", p.fwhmVoxels());
        m.put("fwhm_mm", p.fwhmMm(tapMm));
        m.put("tap_spacing_mm", tapMm);
        m.put("length", p.length());
        m.put("axis", scan.axis());
        m.put("scale", scan.scale());
        m.putAll(NominalSliceThickness.json(scan.thickness()));
        m.put("profile_method", ProfileMethodOption.value(options.method()));
        m.put("profile_from", Arrays.equals(p.values(), estimate.spectralFit().values()) ? "spectral fit"
                : "gan");
        m.put("iterations", estimate.iterations());
        m.put("iterations_saved", estimate.iterationsSaved());
        m.put("runs", estimate.runFwhmVoxels().length);
        m.put("ensemble_size", options.ensembleSize());
        m.put("runs_fwhm_voxels", estimate.runFwhmVoxels());
        m.put("runs_spread_voxels", estimate.spreadVoxels());
        m.put("runs_spectrum_mismatch", estimate.runMismatch());
        m.put("spectral_fit_fwhm_voxels", estimate.spectralFit().fwhmVoxels());
        m.put("spectral_fit_mismatch", estimate.spectralFitMismatch());
        m.put("seed", options.seed());
        m.put("threads", options.threads());
        m.put("noise_matching", options.noiseMatching() ? "auto" : "off");
        m.put("seconds", estimate.seconds());
        m.put("warnings", estimate.warnings());
        m.put("notes", estimate.notes());
        m.put("preset", quick ? "quick" : "default");
        m.put("input", scan.toJson());
        m.put("fwhm_trace_every", ProfileEstimate.TRACE_EVERY);
        m.put("fwhm_trace", estimate.fwhmTrace());
        m.put("version", VersionProvider.version());
        return m;
    }

    /** Writes {@code dir/profile.json} and {@code dir/profile.png}; a plot that cannot be drawn is only a warning. */
    static void write(Path dir, ProfileEstimate estimate, ThickSliceScan scan, EstimatorOptions options, boolean quick,
                      RunLog log, Terminal terminal) throws IOException {
        JsonSidecar.write(dir.resolve(JSON), json(estimate, scan, options, quick));
        writePlot(dir.resolve(PNG), "Estimated slice profile: " + scan.path().getFileName() + " (axis " + scan.axis()
                + ", scale " + VolumeText.number(scan.scale()) + ")", estimate.profile(), null,
                scan.geometry().inPlaneSpacingMm(), log, terminal);
    }

    /** Draws a profile plot; failures (e.g. no fonts on a headless machine) become a warning, not an error. */
    static boolean writePlot(Path png, String title, SliceProfile profile, SliceProfile truth, double tapSpacingMm,
                             RunLog log, Terminal terminal) {
        try {
            ProfilePlot.writePng(png, title, profile, "estimated", truth, tapSpacingMm);
            return true;
        } catch (IOException | RuntimeException | Error e) {
            String message = "could not draw " + png + ": " + e;
            if (log != null) {
                log.warn(message);
            }
            terminal.warn(message);
            return false;
        }
    }
}
