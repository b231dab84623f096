package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.smorekit.volume.ScanGeometryException;
import org.smorekit.volume.SliceGeometry;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiImage;

/**
 * A scan read for super-resolution: the volume and its slice geometry (slice axis, in-plane and slice spacing, exact
 * scale). Refuses, as bad input, scans that are not thick-slice scans: isotropic, two thick axes, in-plane spacings
 * that differ, a slice axis no coarser than the in-plane pixels, a single slice, or a scale so large that the
 * super-resolved volume could not be held. When the header gives no voxel spacing along some axis (pixdim 0, no
 * sform: 1 mm is assumed there), a refusal says so, and an accepted scan gets a warning.
 *
 * @param path     the file read
 * @param image    what the reader returned (volume, header, ...)
 * @param geometry the slice geometry
 */
record ThickSliceScan(Path path, NiftiImage image, SliceGeometry geometry) {

    /** The most voxels a super-resolved volume may have: the largest Java array. */
    private static final double MAX_VOXELS = Integer.MAX_VALUE - 8;

    /**
     * @param axis the slice axis given by the user, or null to detect it (the axis with the largest spacing)
     */
    static ThickSliceScan read(Path path, InputOptions options, Integer axis, Terminal terminal) throws IOException {
        if (axis != null) {
            SliceAxisArguments.requireAxis(axis);
        }
        NiftiImage image = new ScanReader(options, terminal).read(path);
        Optional<String> assumed = image.header() == null ? Optional.empty() : AssumedSpacing.note(image.header());
        String caveat = assumed.map(note -> "; but " + note).orElse("");
        SliceGeometry g;
        try {
            g = SliceGeometry.detect(image.volume(), axis == null ? OptionalInt.empty() : OptionalInt.of(axis));
        } catch (ScanGeometryException e) {
            throw assumed.isPresent() ? new ScanGeometryException(e.getMessage() + caveat) : e;
        }
        if (g.scale() <= 1 + SliceGeometry.TOLERANCE) {
            throw new IllegalArgumentException(path + ": slice axis " + g.axis() + " (" + VolumeText.number(
                    g.sliceSpacingMm()) + " mm) is not coarser than the in-plane pixels (" + VolumeText.number(
                    g.inPlaneSpacingMm()) + " mm): nothing to super-resolve" + caveat);
        }
        String gridProblem = gridProblem(image.volume().shape(), g);
        if (gridProblem != null) {
            throw new IllegalArgumentException(path + ": " + gridProblem);
        }
        assumed.ifPresent(note -> terminal.warn(path + ": the scale " + VolumeText.number(g.scale())
                + " rests on an assumed spacing: " + note));
        return new ThickSliceScan(path, image, g);
    }

    /**
     * Why a scan of this shape and geometry cannot be super-resolved even though its spacings fit, or null: a single
     * slice (nothing to interpolate between), or a super-resolved grid of more voxels than one volume can hold (a
     * header with an absurd slice spacing). Shared with {@code info}, so that both give the same verdict.
     */
    static String gridProblem(long[] shape, SliceGeometry g) {
        long slices = shape[g.axis()];
        if (slices < 2) {
            return "only " + slices + " slice along the slice axis " + g.axis()
                    + ": at least 2 are needed to interpolate between";
        }
        // the grid convention of BsplineUpsampler.outputLength, in double: its int would overflow for an absurd scale
        double fineSlices = Math.floor((slices - 1) * g.scale()) + 1;
        double fineVoxels = fineSlices * shape[(g.axis() + 1) % 3] * shape[(g.axis() + 2) % 3];
        if (fineVoxels > MAX_VOXELS) {
            return String.format(Locale.ROOT, "at scale %s the %d slices would become %.0f fine ones, %.3g voxels,"
                    + " more than one volume can hold (2^31 - 9); is the slice spacing in the header right (%s mm)?",
                    VolumeText.number(g.scale()), slices, fineSlices, fineVoxels,
                    VolumeText.number(g.sliceSpacingMm()));
        }
        return null;
    }

    static String gridProblem(int[] shape, SliceGeometry g) {
        return gridProblem(new long[] {shape[0], shape[1], shape[2]}, g);
    }

    Volume volume() {
        return image.volume();
    }

    int axis() {
        return geometry.axis();
    }

    double scale() {
        return geometry.scale();
    }

    /** One line for a person: "lr.nii.gz: 181x217x46, slice axis 2, 4 mm slices, 1 mm in-plane, scale 4". */
    String describe() {
        return path.getFileName() + ": " + VolumeText.shape(volume().shape()) + " voxels, slice axis " + axis() + ", "
                + VolumeText.number(geometry.sliceSpacingMm()) + " mm slices, "
                + VolumeText.number(geometry.inPlaneSpacingMm()) + " mm in-plane, scale "
                + VolumeText.number(scale());
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.toAbsolutePath().normalize().toString());
        m.put("shape", volume().shape());
        m.put("spacing_mm", volume().spacingMm());
        m.put("slice_axis", axis());
        m.put("in_plane_spacing_mm", geometry.inPlaneSpacingMm());
        m.put("slice_spacing_mm", geometry.sliceSpacingMm());
        m.put("scale", scale());
        return m;
    }
}
