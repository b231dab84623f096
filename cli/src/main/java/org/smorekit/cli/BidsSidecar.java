package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.smorekit.degrade.JsonErrorMessage;

/**
 * The slice geometry a BIDS JSON sidecar gives for the image next to it ({@code sub-01_T2w.nii.gz} ->
 * {@code sub-01_T2w.json}, as dcm2niix writes it): {@code SliceThickness} and {@code SpacingBetweenSlices}, both in mm
 * (BIDS keys, copied from the DICOM tags (0018,0050) and (0018,0088)). Only these top-level keys are read: smorekit's
 * own sidecars ({@code lr.json} of {@code degrade}, {@code sr.json}, ...) have neither, so they give nothing.
 *
 * <p>The sidecar is auxiliary: a missing one gives nothing, silently; one that cannot be read, is not JSON, is not a
 * JSON object, or holds a value that is not a positive finite number gives a warning saying what is ignored and why,
 * never an exception.
 *
 * @param file                  the sidecar looked for
 * @param sliceThickness        its {@code SliceThickness}, when present and valid
 * @param spacingBetweenSlicesMm its {@code SpacingBetweenSlices} in mm, when present and valid
 * @param warnings              what was ignored, and why
 */
record BidsSidecar(Path file, Optional<NominalSliceThickness> sliceThickness, OptionalDouble spacingBetweenSlicesMm,
                   List<String> warnings) {

    static final String SLICE_THICKNESS = "SliceThickness";
    static final String SPACING_BETWEEN_SLICES = "SpacingBetweenSlices";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    BidsSidecar {
        warnings = List.copyOf(warnings);
    }

    /** The sidecar's path: the image's name with {@code .json} for {@code .nii.gz}, {@code .nii}, {@code .hdr}, ... */
    static Path of(Path image) {
        return OutputFiles.sibling(image, ".json");
    }

    /** Reads the sidecar next to {@code image}; never throws for what is in (or missing from) the sidecar. */
    static BidsSidecar read(Path image) {
        Path file = of(image);
        if (!Files.exists(file)) {
            return new BidsSidecar(file, Optional.empty(), OptionalDouble.empty(), List.of());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return unusable(file, "it is not valid JSON (" + JsonErrorMessage.of(e) + ")");
        } catch (IOException e) {
            return unusable(file, "it cannot be read (" + FailureReporter.describe(e) + ")");
        }
        if (root == null || !root.isObject()) {
            return unusable(file, "it is not a JSON object");
        }
        List<String> warnings = new ArrayList<>();
        OptionalDouble thickness = positive(file, root, SLICE_THICKNESS, warnings);
        OptionalDouble spacing = positive(file, root, SPACING_BETWEEN_SLICES, warnings);
        Optional<NominalSliceThickness> nominal = thickness.isPresent()
                ? Optional.of(new NominalSliceThickness(thickness.getAsDouble(), file.toString())) : Optional.empty();
        return new BidsSidecar(file, nominal, spacing, warnings);
    }

    private static BidsSidecar unusable(Path file, String why) {
        return new BidsSidecar(file, Optional.empty(), OptionalDouble.empty(),
                List.of(file + ": ignored, " + why + "; the slice thickness is taken as unknown"));
    }

    /** The value of {@code key} when it is a positive finite number; a warning when it is present but not one. */
    private static OptionalDouble positive(Path file, JsonNode root, String key, List<String> warnings) {
        JsonNode value = root.get(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value.isNumber() && value.doubleValue() > 0 && Double.isFinite(value.doubleValue())) {
            return OptionalDouble.of(value.doubleValue());
        }
        warnings.add(file + ": " + key + " " + value + " ignored: not a positive finite number of mm");
        return OptionalDouble.empty();
    }
}
