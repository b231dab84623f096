package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.SliceGeometry;
import org.smorekit.volume.Volume;

/**
 * The blur left along one axis of a volume, measured as the paper does: the slice-profile estimator run along that
 * axis at the volume's own scale (1 for an isotropic volume such as an SR output), so the result is the FWHM of the
 * relative blur between that axis and the in-plane axes, in in-plane voxels and in mm.
 *
 * @param estimate the estimator's result
 * @param geometry the axis, spacings and scale used
 */
record RemainingBlur(ProfileEstimate estimate, SliceGeometry geometry) {

    static RemainingBlur measure(Volume volume, int axis, EstimatorOptions options, ProgressListener progress) {
        SliceGeometry g = SliceGeometry.detect(volume, OptionalInt.of(axis));
        ProfileEstimate e = new ProfileEstimator(options).estimate(volume, axis, Math.max(1.0, g.scale()), progress);
        return new RemainingBlur(e, g);
    }

    double fwhmVoxels() {
        return estimate.fwhmVoxels();
    }

    double fwhmMm() {
        return estimate.fwhmVoxels() * geometry.inPlaneSpacingMm();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", geometry.axis());
        m.put("scale", Math.max(1.0, geometry.scale()));
        m.put("fwhm_voxels", fwhmVoxels());
        m.put("fwhm_mm", fwhmMm());
        m.put("values", estimate.profile().values());
        m.put("iterations", estimate.iterations());
        m.put("seconds", estimate.seconds());
        m.put("warnings", estimate.warnings());
        return m;
    }
}
