package org.smorekit.cli;

import java.util.Optional;

import org.smorekit.volume.nifti.NiftiHeader;
import org.smorekit.volume.nifti.NiftiTransforms;

/**
 * Whether a header's two statements of its voxel size agree: the sform's column lengths, which smorekit uses as nibabel
 * and ANTs do, and pixdim, which FSL's tools report. A header whose sform was edited without its pixdim (or the other
 * way round) would otherwise be read without a word at a spacing another tool shows differently.
 */
final class SpacingAgreement {
    /** Relative difference below which the two count as the same (float32 headers round at about 1e-7). */
    static final double TOLERANCE = 1e-3;

    private SpacingAgreement() {
    }

    /**
     * E.g. "the sform gives voxels of 1x1x4 mm but pixdim says 1x1x5 mm; smorekit uses the sform (as nibabel and ANTs
     * do; FSL reports pixdim): check which is right", or empty when the header has no sform or the two agree.
     */
    static Optional<String> note(NiftiHeader h) {
        if (NiftiTransforms.effectiveSformCode(h) == 0) {
            return Optional.empty();
        }
        double[] sform = NiftiTransforms.sformAffine(h).voxelSizesMm();
        double[] pixdim = NiftiTransforms.fixedZooms(h);
        for (int i = 0; i < 3; i++) {
            if (Math.abs(sform[i] - pixdim[i]) > TOLERANCE * Math.max(sform[i], pixdim[i])) {
                return Optional.of("the sform gives voxels of " + VolumeText.spacing(sform) + " but pixdim says "
                        + VolumeText.spacing(pixdim) + " (in the header's units); smorekit uses the sform (as nibabel"
                        + " and ANTs do; FSL reports pixdim): check which is right");
            }
        }
        return Optional.empty();
    }
}
