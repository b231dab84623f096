package org.smorekit.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.smorekit.volume.nifti.NiftiHeader;
import org.smorekit.volume.nifti.NiftiTransforms;

/**
 * What to tell the user when the header gives no voxel spacing along some axes (pixdim 0 and no sform; see
 * {@link NiftiTransforms#axesWithoutSpacing}): the 1 mm read there, as nibabel reads it, is an assumption, and a
 * verdict such as "isotropic: nothing to super-resolve" rests on it.
 */
final class AssumedSpacing {
    private AssumedSpacing() {
    }

    /**
     * E.g. "the header gives no voxel spacing (pixdim 0, no qform/sform), so the 1 mm is an assumption; if the real
     * voxel size is known, write it into the header's pixdim", or empty when the header gives every spacing.
     */
    static Optional<String> note(NiftiHeader h) {
        int[] axes = NiftiTransforms.axesWithoutSpacing(h);
        if (axes.length == 0) {
            return Optional.empty();
        }
        String transforms = NiftiTransforms.effectiveQformCode(h) == 0 ? "no qform/sform"
                : "no sform, and the qform takes its voxel size from pixdim";
        String where;
        if (axes.length == 3) {
            where = "no voxel spacing (pixdim 0, " + transforms + "), so the 1 mm is";
        } else {
            String pixdims = Arrays.stream(axes).mapToObj(a -> "pixdim[" + (a + 1) + "]")
                    .collect(Collectors.joining(" = "));
            String axisList = Arrays.stream(axes).mapToObj(Integer::toString).collect(Collectors.joining(" and "));
            where = "no voxel spacing along " + (axes.length > 1 ? "axes " : "axis ") + axisList + " (" + pixdims
                    + " = 0, " + transforms + "), so the 1 mm there is";
        }
        return Optional.of("the header gives " + where + " an assumption; if the real voxel size is known, write it"
                + " into the header's pixdim");
    }
}
