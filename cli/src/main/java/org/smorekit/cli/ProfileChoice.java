package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.smorekit.degrade.ProfileSpec;
import org.smorekit.degrade.SliceProfile;

/**
 * The slice profile SR is trained with, as given by {@code --profile}: {@code estimate} (learn it from the scan),
 * a folder holding a {@code profile.json}, a {@code .json} file (a profile.json or a JSON array), or a profile
 * specification ({@code gaussian:FWHM}, {@code rect:FWHM}, {@code file:PATH}; FWHM in in-plane voxels or mm).
 */
record ProfileChoice(String text) {

    static final String ESTIMATE = "estimate";

    boolean estimate() {
        return text.trim().equalsIgnoreCase(ESTIMATE);
    }

    /** The given profile, on the scan's in-plane grid (only when not {@link #estimate()}). */
    SliceProfile resolve(double inPlaneSpacingMm) throws IOException {
        return spec().toProfile(inPlaneSpacingMm);
    }

    /** The specification the text stands for (folders and .json paths become {@code file:} specifications). */
    ProfileSpec spec() {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("gaussian:") && !lower.startsWith("rect:") && !lower.startsWith("file:")) {
            Path p = Path.of(t);
            if (Files.isDirectory(p)) {
                Path json = p.resolve(ProfileFiles.JSON);
                if (!Files.isRegularFile(json)) {
                    throw new IllegalArgumentException("--profile " + t + ": the folder has no " + ProfileFiles.JSON);
                }
                return ProfileSpec.parse("file:" + json);
            }
            if (lower.endsWith(".json") || lower.endsWith(".txt")) {
                return ProfileSpec.parse("file:" + t);
            }
        }
        return ProfileSpec.parse(t);
    }
}
