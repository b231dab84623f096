package org.smorekit.metrics;

import java.util.Objects;
import org.smorekit.estimator.EstimationMethod;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/**
 * Measures how much blurrier a volume is along one axis than in-plane: the relative profile of that axis at scale 1
 * (ESPRESO's question, Han et al., IPMI 2021, asked of a volume that has one voxel per in-plane spacing along every
 * axis). Its FWHM is the remaining through-plane blur in in-plane voxels; times the in-plane spacing it is in mm. A
 * volume as sharp through-plane as in-plane gives an impulse-like profile (FWHM about 1 voxel); the paper reports
 * 1.93 mm (truth 2 mm, scale 2) and 2.90 mm (truth 4 mm, scale 4) after SMORE.
 *
 * <p>Two methods ({@link Method}): the spectral fit (the default; {@link ProfileEstimator#spectralFit}), which at
 * scale 1 sees the profile's whole power spectrum and recovers known blurs of Colin27 within 0.3 voxel in about 5
 * seconds (within 0.7 voxel up to 4 voxels with white noise added after the blur, which it models), or the
 * paper's GAN ({@link ProfileEstimator#estimate}), whose runs at scale 1 were measured to scatter
 * (4.6 to 9.3 mm on one SR output) and take minutes. See docs/metrics.md, "Remaining through-plane blur".
 *
 * <p>The in-plane spacings (the two axes other than {@code axis}) must agree within 1 %; their mean converts voxels to
 * mm. The spacing along {@code axis} itself is reported but not used: at scale 1 the estimator compares the axis's
 * voxel grid with the in-plane grid one to one, so a volume that is not isotropic is measured on its own grid.
 */
public final class ResolutionMeter {
    /** Largest relative difference between the two in-plane spacings. */
    public static final double IN_PLANE_TOLERANCE = 0.01;

    /** How the meter estimates the relative profile at scale 1. */
    public enum Method {
        /**
         * {@link ProfileEstimator#spectralFit}: the best box with Gaussian edges by power spectra, white noise allowed
         * for; seconds.
         */
        SPECTRAL_FIT,
        /** {@link ProfileEstimator#estimate}: the GAN ensemble, as the paper measures; minutes. */
        GAN
    }

    private final ProfileEstimator estimator;
    private final Method method;

    /** A meter with the spectral fit (the default method); {@code options} give K and the threads. */
    public ResolutionMeter(EstimatorOptions options) {
        this(options, Method.SPECTRAL_FIT);
    }

    public ResolutionMeter(EstimatorOptions options, Method method) {
        // the GAN at scale 1 too, where the estimator's own choice would be the fit
        this.estimator = new ProfileEstimator(Objects.requireNonNull(options, "options")
                .withMethod(EstimationMethod.GAN));
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Estimates the relative through-plane profile of {@code volume} along {@code axis} at scale 1 with this meter's
     * method ({@code progress} receives the GAN's progress; the spectral fit reports none).
     *
     * @throws IllegalArgumentException for an axis outside 0..2, in-plane spacings that differ by more than 1 %, or
     *                                  anything the estimator refuses (too few slices, constant volume, ...)
     */
    public ResolutionMeasurement measure(Volume volume, int axis, ProgressListener progress) {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(progress, "progress");
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
        double[] spacing = volume.spacingMm();
        double a = spacing[(axis + 1) % 3];
        double b = spacing[(axis + 2) % 3];
        if (Math.abs(a - b) > IN_PLANE_TOLERANCE * Math.max(a, b)) {
            throw new IllegalArgumentException(String.format(
                    "in-plane spacings %.4g and %.4g mm (axes other than %d) differ by more than 1%%:"
                            + " the FWHM in mm would be ambiguous", a, b, axis));
        }
        double inPlaneMm = (a + b) / 2;
        ProfileEstimate estimate = method == Method.GAN ? estimator.estimate(volume, axis, 1.0, progress)
                : estimator.spectralFit(volume, axis, 1.0);
        double fwhmVoxels = estimate.fwhmVoxels();
        return new ResolutionMeasurement(axis, fwhmVoxels, fwhmVoxels * inPlaneMm, inPlaneMm, spacing[axis],
                estimate);
    }
}
