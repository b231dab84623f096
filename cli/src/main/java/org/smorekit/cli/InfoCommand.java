package org.smorekit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.smore.SmoreOptions;
import org.smorekit.volume.Affine;
import org.smorekit.volume.AxisCodes;
import org.smorekit.volume.ScanAssessment;
import org.smorekit.volume.SliceGeometry;
import org.smorekit.volume.nifti.NiftiFormatException;
import org.smorekit.volume.nifti.NiftiHeader;
import org.smorekit.volume.nifti.NiftiReader;
import org.smorekit.volume.nifti.NiftiTransforms;
import org.smorekit.volume.nifti.ReadOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smorekit info}: what a scan is, and whether slice-axis super-resolution applies to it. */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        header = "Describe a scan and say whether super-resolution applies to it.",
        description = {
            "Reads the header, and checks that the voxels are all there (the file's size, or a gzipped file's "
                    + "decompressed length) without decoding them: dimensions, voxel size, orientation (the anatomical "
                    + "direction each voxel axis points to, e.g. RAS), datatype, qform/sform codes, and the slice "
                    + "geometry: the slice axis is the one with the largest spacing, in-plane pixels that are not "
                    + "square (within 1%%) are made square as the commands make them (the coarser in-plane axis "
                    + "interpolated to the finer spacing; refused beyond a factor of 4), and the scale is slice "
                    + "spacing / in-plane spacing (not rounded).",
            "The nominal slice thickness comes from --slice-thickness, else from SliceThickness in the BIDS "
                    + "sidecar next to the scan (X.json for X.nii.gz); with it, the gap between slices (slice spacing "
                    + "- thickness) is shown: gap, overlap, or contiguous.",
        },
        footer = {"", "Examples:", "  smorekit info demo/lr.nii.gz", "  smorekit info --json scan.nii.gz > scan.json"})
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    VerbosityOptions verbosity;

    @Parameters(index = "0", paramLabel = "<scan.nii.gz>", description = "The scan (.nii, .nii.gz, .hdr/.img).")
    Path scan;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--axis", paramLabel = "<0|1|2>",
            description = "Take this voxel axis as the slice axis instead of detecting it.")
    Integer axis;

    @Mixin
    SliceThicknessOption thicknessOption;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        if (axis != null) {
            SliceAxisArguments.requireAxis(axis);
        }
        OptionalDouble givenThicknessMm = thicknessOption.givenMm();
        NiftiHeader h = NiftiReader.readHeader(scan);
        Affine affine = NiftiTransforms.bestAffine(h);
        double[] spacing = affine.voxelSizesMm();
        long[] shape = h.spatialShape();
        long volumes = h.volumeCount();
        ScanAssessment assessment = ScanAssessment.of(spacing, axis == null ? OptionalInt.empty() : OptionalInt.of(axis));
        OptionalDouble sliceSpacingMm = assessment.geometry().map(g -> OptionalDouble.of(g.sliceSpacingMm()))
                .orElse(OptionalDouble.empty());
        SliceThicknessLookup lookup = SliceThicknessLookup.of(scan, givenThicknessMm, sliceSpacingMm);
        lookup.warnings().forEach(terminal::warn);
        LengthUnit.note(h).ifPresent(note -> terminal.warn(scan + ": " + note));
        SpacingAgreement.note(h).ifPresent(note -> terminal.warn(scan + ": " + note));
        Optional<NominalSliceThickness> thickness = lookup.thickness();
        String voxelProblem = voxelProblem();
        long[] srShape = assessment.resampling().map(r -> r.resampledShape(shape)).orElse(shape);
        String gridProblem = assessment.geometry().map(g -> ThickSliceScan.gridProblem(srShape, g)).orElse(null);
        boolean applies = voxelProblem == null && assessment.applies() && volumes == 1 && gridProblem == null;
        String sizeProblem = applies ? srSizeProblem(srShape, assessment.geometry().orElseThrow(), thickness) : null;
        applies = applies && sizeProblem == null;
        String reason;
        if (sizeProblem != null) {
            reason = sizeProblem;
        } else if (voxelProblem != null) {
            reason = "the voxels cannot be read: " + voxelProblem;
        } else if (volumes > 1) {
            reason = h.ndim() + "-D image with " + volumes + " volumes: super-resolve one at a time with --volume"
                    + " <index>" + (assessment.applies() ? " (each: " + assessment.reason() + ")" : "; "
                    + assessment.reason());
        } else if (gridProblem != null) {
            reason = gridProblem;
        } else {
            reason = assessment.reason() + (applies ? estimatorSizeNote(srShape, assessment.geometry().orElseThrow(),
                    thickness) : "");
        }
        Optional<String> assumedSpacing = AssumedSpacing.note(h);
        if (assumedSpacing.isPresent()) {
            reason += "; but " + assumedSpacing.get();
        }
        String orientation = AxisCodes.of(affine);
        String affineSource = NiftiTransforms.effectiveSformCode(h) != 0 ? "sform"
                : NiftiTransforms.effectiveQformCode(h) != 0 ? "qform" : "pixdim only (no qform/sform)";

        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", scan.toAbsolutePath().normalize().toString());
            m.put("nifti_version", h.version());
            m.put("byte_order", h.byteOrder().toString());
            m.put("ndim", h.ndim());
            m.put("shape", shape);
            m.put("volumes", volumes);
            m.put("spacing_mm", spacing);
            m.put("spatial_unit", LengthUnit.of(h).label());
            m.put("spacing_assumed_axes", NiftiTransforms.axesWithoutSpacing(h));
            m.put("orientation", orientation);
            m.put("obliquity_degrees", affine.obliquityDegrees());
            m.put("datatype", h.dataTypeName());
            m.put("scl_slope", h.hasScaling() ? h.sclSlope() : null);
            m.put("scl_inter", h.hasScaling() ? h.sclInter() : null);
            m.put("qform_code", NiftiTransforms.effectiveQformCode(h));
            m.put("sform_code", NiftiTransforms.effectiveSformCode(h));
            m.put("affine_source", affineSource);
            m.put("affine", rows(affine));
            m.put("sr_applies", applies);
            m.put("reason", reason);
            assessment.geometry().ifPresent(g -> {
                m.put("slice_axis", g.axis());
                m.put("in_plane_spacing_mm", g.inPlaneSpacingMm());
                m.put("slice_spacing_mm", g.sliceSpacingMm());
                m.put("scale", g.scale());
            });
            assessment.resampling().ifPresent(r -> m.put("in_plane_resampled",
                    ThickSliceScan.resamplingJson(r, srShape)));
            m.putAll(NominalSliceThickness.json(thickness));
            boolean gapKnown = thickness.isPresent() && sliceSpacingMm.isPresent();
            m.put("slice_gap_mm", gapKnown ? thickness.get().gapMm(sliceSpacingMm.getAsDouble()) : null);
            m.put("slice_gap", gapKnown ? thickness.get().gapText(sliceSpacingMm.getAsDouble()) : null);
            terminal.result(JsonSidecar.toJson(m).stripTrailing());
            return exitCode(voxelProblem);
        }

        terminal.result("file:         " + scan);
        terminal.result(String.format(Locale.ROOT, "format:       NIfTI-%d, %s", h.version(),
                h.byteOrder().toString().equals("BIG_ENDIAN") ? "big-endian" : "little-endian"));
        terminal.result("dimensions:   " + VolumeText.shape(toInts(shape))
                + (volumes > 1 ? " x " + volumes + " volumes (" + h.ndim() + "-D)" : ""));
        LengthUnit unit = LengthUnit.of(h);
        terminal.result("voxel size:   " + VolumeText.spacing(spacing) + " mm"
                + (unit == LengthUnit.METRE || unit == LengthUnit.MICROMETRE ? " (the header says "
                        + unit.label() + "s: see the warning)" : "")
                + (assumedSpacing.isPresent() ? " (1 mm assumed where the header gives none, see below)" : ""));
        terminal.result(String.format(Locale.ROOT, "orientation:  %s (voxel axes i, j, k point %s, %s, %s)%s",
                orientation, AxisCodes.directionName(orientation.charAt(0)),
                AxisCodes.directionName(orientation.charAt(1)), AxisCodes.directionName(orientation.charAt(2)),
                oblique(affine)));
        boolean identityScaling = h.sclSlope() == 1 && h.sclInter() == 0;
        terminal.result("datatype:     " + h.dataTypeName()
                + (h.hasScaling() && !identityScaling ? String.format(Locale.ROOT, ", scaled: value = %s * raw + %s",
                        VolumeText.number(h.sclSlope()), VolumeText.number(h.sclInter())) : ""));
        terminal.result(String.format(Locale.ROOT, "transform:    qform code %d (%s), sform code %d (%s); affine from %s",
                NiftiTransforms.effectiveQformCode(h), codeName(NiftiTransforms.effectiveQformCode(h)),
                NiftiTransforms.effectiveSformCode(h), codeName(NiftiTransforms.effectiveSformCode(h)), affineSource));
        if (assessment.geometry().isPresent()) {
            SliceGeometry g = assessment.geometry().get();
            terminal.result(String.format(Locale.ROOT, "slice axis:   %d%s (%s mm slices, %s mm in-plane)", g.axis(),
                    axis == null ? " (largest spacing)" : " (given)", VolumeText.number(g.sliceSpacingMm()),
                    VolumeText.number(g.inPlaneSpacingMm())));
            assessment.resampling().ifPresent(r -> terminal.result("pixels:       " + r + " (as the commands do;"
                    + " " + VolumeText.shape(toInts(srShape)) + " voxels)"));
            terminal.result("scale:        " + VolumeText.number(g.scale()));
        }
        terminal.result("thickness:    " + NominalSliceThickness.describe(thickness, scan, sliceSpacingMm));
        terminal.result("super-resolution: " + (applies ? "applies: " : "does not apply: ") + reason);
        return exitCode(voxelProblem);
    }

    /**
     * 0 when the file can be read, whether or not SR applies to it; bad input (2) when its voxels cannot be, as every
     * other command would refuse it, so that a script can tell a broken file from the exit code alone.
     */
    private static int exitCode(String voxelProblem) {
        return voxelProblem == null ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /**
     * ", oblique: ..." for a grid tilted against the scanner's axes (the orientation codes then name only the nearest
     * directions; outputs keep the tilt), or "" for one within 0.01 degree of them.
     */
    private static String oblique(Affine affine) {
        double degrees = affine.obliquityDegrees();
        return degrees < 0.01 ? "" : String.format(Locale.ROOT, ", oblique: up to %.1f degrees off the nearest"
                + " scanner axes", degrees);
    }

    /** What {@link NiftiReader#read} would refuse about the voxels (datatype, size, a short file), or null. */
    private String voxelProblem() {
        try {
            NiftiReader.checkVoxels(scan, ReadOptions.defaults());
            return null;
        } catch (NiftiFormatException e) {
            return e.getMessage();
        }
    }

    private static List<double[]> rows(Affine a) {
        return List.of(
                new double[] {a.get(0, 0), a.get(0, 1), a.get(0, 2), a.get(0, 3)},
                new double[] {a.get(1, 0), a.get(1, 1), a.get(1, 2), a.get(1, 3)},
                new double[] {a.get(2, 0), a.get(2, 1), a.get(2, 2), a.get(2, 3)},
                new double[] {0, 0, 0, 1});
    }

    /**
     * Why SR could not train on a scan of this (square-pixel) shape, as {@code sr} and {@code run} would say right
     * after reading it ({@link TooSmallForSr}, with the longest profile an estimate may give), or null.
     */
    private static String srSizeProblem(long[] shape, SliceGeometry g, Optional<NominalSliceThickness> thickness) {
        return TooSmallForSr.problem(toInts(shape), g.axis(), g.scale(), SmoreOptions.defaults(), false,
                TooSmallForSr.estimatedProfileLength(estimatorOptions(g),
                        AssumedProfile.of(g.scale(), thickness, g.inPlaneSpacingMm()))).orElse(null);
    }

    /** "; but the estimator ..." when the scan is too small to estimate its profile from, else "". */
    private static String estimatorSizeNote(long[] shape, SliceGeometry g, Optional<NominalSliceThickness> thickness) {
        int[] s = toInts(shape);
        return new ProfileEstimator(estimatorOptions(g)).sizeProblem(s, g.axis(), g.scale())
                .map(p -> "; but " + p + ": " + TooSmallToEstimate.alternative(s, g, thickness)).orElse("");
    }

    /** The estimator's options the commands would use on a scan of this geometry (K grows with the scale). */
    private static EstimatorOptions estimatorOptions(SliceGeometry g) {
        return EstimatorOptions.defaults().withProfileLengthFor(g.scale());
    }

    private static int[] toInts(long[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.toIntExact(v[i]);
        }
        return r;
    }

    /** The NIfTI names of the xform codes. */
    private static String codeName(int code) {
        switch (code) {
            case 0: return "unknown";
            case 1: return "scanner";
            case 2: return "aligned";
            case 3: return "talairach";
            case 4: return "mni";
            case 5: return "template";
            default: return "invalid";
        }
    }
}
