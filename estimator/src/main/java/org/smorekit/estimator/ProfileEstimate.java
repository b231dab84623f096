package org.smorekit.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smorekit.degrade.SliceProfile;

/**
 * The result of {@link ProfileEstimator#estimate}.
 *
 * @param profile         the estimated relative slice profile (the EMA of k, on the in-plane voxel grid)
 * @param iterations      GAN iterations run (after the warm-up), summed over the runs
 * @param iterationsSaved iterations the convergence stop saved relative to {@link EstimatorOptions#iterations()}
 * @param seconds         wall time of the whole estimate, seconds
 * @param warnings        reasons to distrust the profile (at the K limit, mass at the borders, K short)
 * @param notes           worth knowing, no reason to replace the profile (close to an impulse: a slice gap?)
 * @param fwhmTrace       FWHM of the chosen run's averaged profile (voxels) after every {@link #TRACE_EVERY}
 *                        GAN iterations
 * @param timing          where the time went, summed over the runs
 * @param runFwhmVoxels   FWHM of each GAN run of the ensemble (one entry without an ensemble); the profile is the
 *                        run chosen by {@link EnsembleChoice}
 * @param runMismatch     each run's {@link SpectrumMismatch} D (power-spectrum mismatch of its degraded rows against
 *                        the slice direction; unitless, 0 = same spectra), same order
 * @param spectralFit     the box with Gaussian edges (Gaussians and boxes included) whose D is smallest on this scan
 *                        (the plain second-order match the runs are checked against; the result when every run went
 *                        astray, see {@link EnsembleChoice})
 * @param spectralFitMismatch its D
 */
public record ProfileEstimate(SliceProfile profile, int iterations, int iterationsSaved, double seconds,
                              List<String> warnings, List<String> notes, double[] fwhmTrace, PhaseTimes timing,
                              double[] runFwhmVoxels, double[] runMismatch, SliceProfile spectralFit,
                              double spectralFitMismatch) {
    /** Iterations between entries of {@link #fwhmTrace}. */
    public static final int TRACE_EVERY = 25;

    public ProfileEstimate {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        fwhmTrace = fwhmTrace.clone();
        runFwhmVoxels = runFwhmVoxels.clone();
        runMismatch = runMismatch.clone();
        if (runMismatch.length != runFwhmVoxels.length) {
            throw new IllegalArgumentException("need one mismatch per run: " + runFwhmVoxels.length + " runs, "
                    + runMismatch.length + " mismatches");
        }
    }

    @Override
    public double[] runMismatch() {
        return runMismatch.clone();
    }

    @Override
    public double[] runFwhmVoxels() {
        return runFwhmVoxels.clone();
    }

    /** This estimate with one more note. */
    public ProfileEstimate withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ProfileEstimate(profile, iterations, iterationsSaved, seconds, warnings, more, fwhmTrace, timing,
                runFwhmVoxels, runMismatch, spectralFit, spectralFitMismatch);
    }

    /** max - min of the runs' FWHMs, voxels (0 for a single run). */
    public double spreadVoxels() {
        return Arrays.stream(runFwhmVoxels).max().orElse(0) - Arrays.stream(runFwhmVoxels).min().orElse(0);
    }

    @Override
    public double[] fwhmTrace() {
        return fwhmTrace.clone();
    }

    /** FWHM of the profile in in-plane voxels. */
    public double fwhmVoxels() {
        return profile.fwhmVoxels();
    }
}
