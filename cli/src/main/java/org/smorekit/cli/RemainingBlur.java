package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.metrics.ResolutionMeasurement;
import org.smorekit.metrics.ResolutionMeter;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/**
 * The blur left along one axis of a volume, measured with the metrics module's {@link ResolutionMeter}: the relative
 * slice profile of that axis at scale 1 (by default the spectral fit; the paper's GAN on request), so the FWHM is
 * that of the relative blur between the axis and the in-plane axes, in in-plane voxels and in mm.
 *
 * @param measurement the meter's result
 */
record RemainingBlur(ResolutionMeasurement measurement) {

    /** With the meter's default method, the spectral fit. */
    static RemainingBlur measure(Volume volume, int axis, EstimatorOptions options, ProgressListener progress) {
        return measure(volume, axis, options, ResolutionMeter.Method.SPECTRAL_FIT, progress);
    }

    static RemainingBlur measure(Volume volume, int axis, EstimatorOptions options, ResolutionMeter.Method method,
                                 ProgressListener progress) {
        return new RemainingBlur(new ResolutionMeter(options, method).measure(volume, axis, progress));
    }

    ProfileEstimate estimate() {
        return measurement.estimate();
    }

    double fwhmVoxels() {
        return measurement.fwhmVoxels();
    }

    double fwhmMm() {
        return measurement.fwhmMm();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", measurement.axis());
        m.put("scale", 1.0);
        m.put("fwhm_voxels", fwhmVoxels());
        m.put("fwhm_mm", fwhmMm());
        m.put("in_plane_spacing_mm", measurement.inPlaneSpacingMm());
        m.put("values", estimate().profile().values());
        m.put("iterations", estimate().iterations());
        m.put("seconds", estimate().seconds());
        m.put("warnings", estimate().warnings());
        m.put("notes", estimate().notes());
        return m;
    }
}
