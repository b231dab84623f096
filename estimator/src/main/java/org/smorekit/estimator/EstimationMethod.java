package org.smorekit.estimator;

/**
 * How {@link ProfileEstimator#estimate} finds the profile: with the GAN ensemble, with the spectral fit alone (the box
 * with Gaussian edges whose degraded rows match the slice direction's power spectra best, {@link SpectrumMismatch}),
 * or, by default, with whichever of the two was the more accurate at the scan's scale.
 */
public enum EstimationMethod {
    /**
     * The spectral fit at scales up to {@value #SPECTRAL_FIT_MAX_SCALE}, the GAN above. At small scales little of the
     * profile's spectrum is hidden by aliasing, and the second-order match that the GAN's answer is drawn toward
     * anyway (docs/estimator.md, "Longer GAN runs") is itself the better estimate: on every grid measured at scale 2
     * (Colin27 along z and along y, a T2-like contrast along z, 5% Rician noise along z; 3 seeds each) the fit's mean
     * FWHM error was below the GAN ensemble's, for the Gaussian cells and for the rect cells, but for the Gaussians
     * along z (0.245 against 0.238 voxels); at scale 2.5 its mean error over each row's cells was below the GAN's on
     * every row measured (Colin27 along z and y, the T2-like head along z), though the GAN found the box of 3 voxels
     * along y and in the T2-like head, where the fit narrowed it; and it is the same for every seed
     * (docs/benchmarks.md, "The spectral fit at small scales"). At scale 3 the two trade (along y the fit is better
     * on bells, worse on boxes), and from scale 4 on the fit is biased (along z on Colin27 it narrows rect 9 to 6.3
     * voxels at scale 4, where the GAN gives 8.4).
     */
    AUTO,
    /** The GAN ensemble at every scale (the paper's method). */
    GAN,
    /** The spectral fit at every scale: seconds instead of minutes, biased where aliasing hides the profile. */
    SPECTRAL_FIT;

    /** The largest scale at which {@link #AUTO} takes the spectral fit. */
    public static final double SPECTRAL_FIT_MAX_SCALE = 2.5;

    /**
     * Whether this method may run the GAN on a scan of this scale (slice spacing / in-plane spacing): always for
     * {@link #GAN}, never for {@link #SPECTRAL_FIT}, for {@link #AUTO} above {@value #SPECTRAL_FIT_MAX_SCALE} and where
     * the fit turns out not to explain the scan ({@link #usesGan(double, double)}).
     */
    public boolean usesGan(double scale) {
        return switch (this) {
            case GAN -> true;
            case SPECTRAL_FIT -> false;
            case AUTO -> scale > SPECTRAL_FIT_MAX_SCALE;
        };
    }

    /**
     * Whether this method runs the GAN on a scan of this scale whose spectral fit has spectrum mismatch
     * {@code fitMismatch}: as {@link #usesGan(double)}, and for {@link #AUTO} also when the fit's D is above {@link
     * ProfileSanityCheck#MAX_FIT_MISMATCH}, where no blur of the in-plane rows explains the slice direction (the fit
     * then warns that its width is not a blur). On in-plane crops of the simulated Colin27 head (brain without the
     * background around the head) the fit's D at scale 2 was 1.9-3.9 and its FWHM 2.7-3.0 for boxes of 5 and 9, where
     * single GAN runs gave 3.1-3.6 and 3.0-7.8 (docs/estimator.md, "The spectral fit at small scales").
     */
    public boolean usesGan(double scale, double fitMismatch) {
        return usesGan(scale) || this == AUTO && !(fitMismatch <= ProfileSanityCheck.MAX_FIT_MISMATCH);
    }
}
