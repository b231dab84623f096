package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.volume.InPlaneResampling;
import org.smorekit.volume.NoiseLevel;
import org.smorekit.volume.ScanGeometryException;
import org.smorekit.volume.SliceGeometry;
import org.smorekit.volume.SliceSpacings;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiImage;

/**
 * A scan read for super-resolution: the volume and its slice geometry (slice axis, in-plane and slice spacing, exact
 * scale). Refuses, as bad input, scans that are not thick-slice scans: isotropic, two thick axes, in-plane spacings
 * more than {@link SliceSpacings#MAX_IN_PLANE_RATIO} times apart, a slice axis no coarser than the in-plane pixels, a
 * single slice, or a scale so large that the super-resolved volume could not be held. In-plane pixels that are not
 * square (within 1%) are made square: the coarser in-plane axis is interpolated to the finer spacing with the cubic
 * B-spline ({@link InPlaneResampling}), with a warning; everything downstream sees the square-pixel volume. When the
 * header gives no voxel spacing along some axis (pixdim 0, no sform: 1 mm is assumed there), a refusal says so, and
 * an accepted scan gets a warning.
 *
 * @param path       the file read
 * @param image      what the reader returned (volume, header, ...), as in the file
 * @param geometry   the slice geometry of {@link #volume()}
 * @param resampling the in-plane resampling that made the pixels square, if one was needed
 * @param thickness  the nominal slice thickness ({@code --slice-thickness} or the BIDS sidecar), if known; always
 *                   empty when read without a {@link SliceThicknessOption}
 * @param warnings   what the user was warned of while reading (for the command's log and sidecar)
 * @param noise      the noise of {@link #volume()} in its slices' planes ({@link NoiseLevel}), unless the scan has no
 *                   voxel inside the head to measure it on
 * @param interleave what an interleaved acquisition left between the even and odd slices, whether it was corrected,
 *                   and the volume SR works on ({@link #volume()})
 */
record ThickSliceScan(Path path, NiftiImage image, SliceGeometry geometry,
                      Optional<InPlaneResampling> resampling, Optional<NominalSliceThickness> thickness,
                      List<String> warnings, Optional<NoiseLevel> noise, InterleaveArtifacts interleave) {

    /** The most voxels a super-resolved volume may have: the largest Java array. */
    private static final double MAX_VOXELS = Integer.MAX_VALUE - 8;

    /**
     * Reads the scan and, when {@code thicknessOption} is not null, its nominal slice thickness
     * ({@link SliceThicknessLookup}: the option, else the BIDS sidecar; its warnings join the scan's).
     *
     * @param axis              the slice axis given by the user, or null to detect it (the axis with the largest
     *                          spacing)
     * @param correctInterleave whether what an interleaved acquisition left between the even and odd slices is
     *                          corrected ({@link InterleaveArtifacts}); measured either way
     */
    static ThickSliceScan read(Path path, InputOptions options, Integer axis, SliceThicknessOption thicknessOption,
                               boolean correctInterleave, Terminal terminal) throws IOException {
        if (axis != null) {
            SliceAxisArguments.requireAxis(axis);
        }
        OptionalDouble givenThicknessMm = thicknessOption == null ? OptionalDouble.empty() : thicknessOption.givenMm();
        NiftiImage image = new ScanReader(options, terminal).read(path);
        Optional<String> assumed = image.header() == null ? Optional.empty() : AssumedSpacing.note(image.header());
        String caveat = assumed.map(note -> "; but " + note).orElse("");
        Optional<InPlaneResampling> resampling;
        SliceGeometry g;
        try {
            SliceSpacings spacings = SliceSpacings.detect(image.volume(),
                    axis == null ? OptionalInt.empty() : OptionalInt.of(axis));
            resampling = spacings.squarePixelResampling();
            g = spacings.squarePixelGeometry();
        } catch (ScanGeometryException e) {
            throw assumed.isPresent() ? new ScanGeometryException(e.getMessage() + caveat) : e;
        }
        if (g.scale() <= 1 + SliceGeometry.TOLERANCE) {
            throw new IllegalArgumentException(path + ": slice axis " + g.axis() + " (" + VolumeText.number(
                    g.sliceSpacingMm()) + " mm) is not coarser than the in-plane pixels (" + VolumeText.number(
                    g.inPlaneSpacingMm()) + " mm): nothing to super-resolve" + caveat);
        }
        long[] shape = Arrays.stream(image.volume().shape()).asLongStream().toArray();
        String gridProblem = gridProblem(resampling.map(r -> r.resampledShape(shape)).orElse(shape), g);
        if (gridProblem != null) {
            throw new IllegalArgumentException(path + ": " + gridProblem);
        }
        List<String> warnings = new ArrayList<>();
        resampling.ifPresent(r -> warnings.add(path + ": in-plane pixels are not square (" + VolumeText.number(
                r.fromMm()) + " mm along axis " + r.axis() + ", " + VolumeText.number(r.toMm()) + " mm along the other):"
                + " axis " + r.axis() + " resampled to " + VolumeText.number(r.toMm()) + " mm with the cubic B-spline,"
                + " so the output grid has square " + VolumeText.number(r.toMm()) + " mm pixels (interpolated along"
                + " axis " + r.axis() + ", so slightly blurred along it)"));
        assumed.ifPresent(note -> warnings.add(path + ": the scale " + VolumeText.number(g.scale())
                + " rests on an assumed spacing: " + note));
        if (image.header() != null) {
            LengthUnit.note(image.header()).ifPresent(note -> warnings.add(path + ": " + note));
            SpacingAgreement.note(image.header()).ifPresent(note -> warnings.add(path + ": " + note));
        }
        Optional<NominalSliceThickness> thickness = Optional.empty();
        if (thicknessOption != null) {
            SliceThicknessLookup lookup = SliceThicknessLookup.of(path, givenThicknessMm,
                    OptionalDouble.of(g.sliceSpacingMm()));
            warnings.addAll(lookup.warnings());
            thickness = lookup.thickness();
        }
        Volume resampled = resampling.map(r -> BsplineUpsampler.upsample(image.volume(), r.scale(), r.axis()))
                .orElse(image.volume());
        InterleaveArtifacts interleave = InterleaveArtifacts.of(resampled, g.axis(), correctInterleave);
        warnings.addAll(interleave.warnings(path));
        warnings.forEach(terminal::warn);
        return new ThickSliceScan(path, image, g, resampling, thickness, List.copyOf(warnings),
                NoiseLevel.measure(interleave.volume(), g.axis()), interleave);
    }

    /**
     * The volume SR works on: the image's, or its square-pixel resampling, with what an interleaved acquisition left
     * corrected when asked ({@link InterleaveArtifacts#volume()}).
     */
    Volume volume() {
        return interleave.volume();
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
                + VolumeText.number(scale()) + noise.map(n -> "; " + n).orElse("");
    }

    /**
     * "5 mm (from X.json), gap 1 mm" (the slice spacing minus the thickness, {@link NominalSliceThickness#gapText}),
     * or "unknown (no --slice-thickness, no SliceThickness in X.json)" (or "no sidecar X.json").
     */
    String describeThickness() {
        return NominalSliceThickness.describe(thickness, path, OptionalDouble.of(geometry.sliceSpacingMm()));
    }

    /**
     * The profile assumed when the estimate is flagged: a box as wide as the nominal thickness when known, else the
     * Gaussian as wide as the slice spacing.
     */
    AssumedProfile assumedProfile() {
        return AssumedProfile.of(scale(), thickness, geometry.inPlaneSpacingMm());
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.toAbsolutePath().normalize().toString());
        m.put("shape", image.volume().shape());
        m.put("spacing_mm", image.volume().spacingMm());
        m.put("slice_axis", axis());
        m.put("in_plane_spacing_mm", geometry.inPlaneSpacingMm());
        m.put("slice_spacing_mm", geometry.sliceSpacingMm());
        m.put("scale", scale());
        resampling.ifPresent(r -> m.put("in_plane_resampled", resamplingJson(r, volume().shape())));
        m.put("noise_sigma", noise.map(NoiseLevel::sigma).orElse(null));
        m.put("snr_head", noise.map(n -> Double.isFinite(n.snr()) ? n.snr() : null).orElse(null));
        interleave.addTo(m);
        return m;
    }

    /**
     * The sidecar entry {@code in_plane_resampled}: which axis, from and to what spacing (mm), by what method, and
     * the shape SR works on. Shared with {@code info}.
     */
    static Map<String, Object> resamplingJson(InPlaneResampling r, Object resampledShape) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", r.axis());
        m.put("from_mm", r.fromMm());
        m.put("to_mm", r.toMm());
        m.put("method", "cubic B-spline");
        m.put("shape", resampledShape);
        return m;
    }
}
