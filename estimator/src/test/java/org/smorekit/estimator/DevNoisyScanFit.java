package org.smorekit.estimator;

import java.nio.file.Path;
import java.util.Locale;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * Development driver: the plain and the noise-aware spectral fit of thick-slice scans (slice axis 2).
 * args: scale file...
 */
public final class DevNoisyScanFit {
    public static void main(String[] a) throws Exception {
        double scale = Double.parseDouble(a[0]);
        ProfileEstimator estimator = new ProfileEstimator(EstimatorOptions.defaults());
        for (int i = 1; i < a.length; i++) {
            Volume scan = NiftiReader.read(Path.of(a[i])).volume();
            ProfileEstimator.Patches patches = estimator.patches(scan, 2, scale);
            SpectrumMismatch m = new SpectrumMismatch(patches.sampler(), patches.degradation());
            SpectrumMismatch.Fit plain = m.bestSmoothedRect(21);
            SpectrumMismatch.Fit aware = m.bestSmoothedRect(21, true);
            System.out.printf(Locale.ROOT, "%s: plain fit %.2f (D %.3f); noise-aware fit %.2f (D %.3f, noise share %.2f)%n",
                    a[i], plain.profile().fwhmVoxels(), plain.mismatch(), aware.profile().fwhmVoxels(),
                    aware.mismatch(), aware.noiseShare());
        }
    }
}
