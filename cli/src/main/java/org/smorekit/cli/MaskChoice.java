package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smorekit.metrics.HeadMask;
import org.smorekit.metrics.Mask;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiImage;

/**
 * The region where quality is measured, as given by {@code --mask}: {@code auto} (the truth's head mask: Otsu
 * threshold, largest component, holes filled), {@code none} (every voxel), or a NIfTI file whose nonzero voxels are
 * inside (it must be on the truth's grid).
 */
record MaskChoice(String kind, Path file) {

    static MaskChoice parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("auto")) {
            return new MaskChoice("auto", null);
        }
        if (text.equalsIgnoreCase("none")) {
            return new MaskChoice("none", null);
        }
        return new MaskChoice("file", Path.of(text));
    }

    /** The mask on the truth's grid. */
    Mask resolve(Volume truth, ScanReader reader) throws IOException {
        switch (kind) {
            case "auto":
                return HeadMask.of(truth);
            case "none":
                return Mask.full(truth.shape());
            default:
                NiftiImage image = reader.read(file);
                Volume labels = image.volume();
                if (!Arrays.equals(labels.shape(), truth.shape())) {
                    throw new IllegalArgumentException("mask " + file + " is " + VolumeText.shape(labels.shape())
                            + " but the truth is " + VolumeText.shape(truth.shape()) + "; the mask must be on the "
                            + "truth's grid");
                }
                return Mask.nonZero(labels);
        }
    }

    /** How the mask is described in text. */
    String describe() {
        switch (kind) {
            case "auto":
                return "head mask of the truth (Otsu threshold, largest component, holes filled)";
            case "none":
                return "no mask (every voxel)";
            default:
                return "nonzero voxels of " + file;
        }
    }

    Map<String, Object> toJson(Mask mask) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        if (file != null) {
            m.put("file", file.toAbsolutePath().normalize().toString());
        }
        m.put("voxels", mask.count());
        m.put("fraction", mask.fraction());
        return m;
    }
}
