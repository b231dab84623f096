package org.smorekit.degrade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A slice profile as written on the command line: {@code gaussian:FWHM}, {@code rect:FWHM} or {@code file:PATH}.
 * FWHM is a positive number of voxels of the grid the profile is sampled on (for the simulator: the input grid along
 * the degraded axis), or millimetres with an {@code mm} suffix ({@code gaussian:4mm}, {@code rect:2.5mm}), converted
 * to voxels with that grid's spacing when the profile is built. A file holds samples already on that grid, so it needs
 * no spacing; a bare path ending in {@code .json} or {@code .txt} (e.g. an estimator's {@code DIR/profile.json}) is
 * read as {@code file:PATH}. Kind names and the suffix are case-insensitive.
 *
 * @param kind     which profile family
 * @param width    FWHM (Gaussian) or box width (rect), in voxels or mm per {@code inMm}; NaN for a file
 * @param inMm     whether {@code width} is in mm
 * @param file     the profile file for {@link Kind#FILE}, otherwise null
 */
public record ProfileSpec(Kind kind, double width, boolean inMm, Path file) {

    /** The accepted forms, for error and help messages. */
    public static final String FORMS = "gaussian:FWHM, rect:FWHM (FWHM in voxels, or in mm with an mm suffix,"
            + " e.g. gaussian:4 or gaussian:4mm), file:PATH, or a path ending in .json or .txt";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    public enum Kind { GAUSSIAN, RECT, FILE }

    public ProfileSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FILE) {
            Objects.requireNonNull(file, "file");
        } else if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("profile width must be a finite number > 0, got " + width);
        }
    }

    /**
     * Parses {@code gaussian:FWHM[mm]}, {@code rect:FWHM[mm]}, {@code file:PATH} or a bare {@code PATH.json} /
     * {@code PATH.txt}.
     *
     * @throws ProfileFormatException naming the accepted forms if the text is not one of them
     */
    public static ProfileSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ProfileFormatException("empty profile; expected " + FORMS);
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("gaussian:") && !lower.startsWith("rect:") && !lower.startsWith("file:")
                && (lower.endsWith(".json") || lower.endsWith(".txt"))) {
            return new ProfileSpec(Kind.FILE, Double.NaN, false, Path.of(text.strip()));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ProfileFormatException("profile '" + text + "' has no ':'; expected " + FORMS);
        }
        String kindName = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String arg = text.substring(colon + 1).strip();
        switch (kindName) {
            case "file":
                if (arg.isEmpty()) {
                    throw new ProfileFormatException("profile '" + text + "' has no path; expected " + FORMS);
                }
                return new ProfileSpec(Kind.FILE, Double.NaN, false, Path.of(arg));
            case "gaussian":
            case "rect":
                Kind kind = kindName.equals("gaussian") ? Kind.GAUSSIAN : Kind.RECT;
                boolean mm = arg.toLowerCase(Locale.ROOT).endsWith("mm");
                String number = mm ? arg.substring(0, arg.length() - 2).strip() : arg;
                if (!NUMBER.matcher(number).matches()) {
                    throw new ProfileFormatException("profile '" + text + "': '" + arg
                            + "' is not a width; expected " + FORMS);
                }
                double w = Double.parseDouble(number);
                if (!(w > 0) || !Double.isFinite(w)) {
                    throw new ProfileFormatException("profile '" + text + "': width must be a finite number > 0, got "
                            + number + "; expected " + FORMS);
                }
                return new ProfileSpec(kind, w, mm, null);
            default:
                throw new ProfileFormatException("unknown profile kind '" + kindName + "' in '" + text
                        + "'; expected " + FORMS);
        }
    }

    /**
     * Builds the profile on a grid of the given spacing.
     *
     * @param spacingMm voxel spacing (mm) of the grid the profile is sampled on: for the simulator, the input spacing
     *                  along the degraded axis; used only for widths given in mm
     * @throws IOException            if a profile file cannot be read
     * @throws ProfileFormatException if a profile file's content is invalid
     */
    public SliceProfile toProfile(double spacingMm) throws IOException {
        if (kind == Kind.FILE) {
            return Profiles.fromFile(file);
        }
        double voxels = widthVoxels(spacingMm);
        return kind == Kind.GAUSSIAN ? Profiles.gaussian(voxels) : Profiles.rect(voxels);
    }

    /** The width in voxels on a grid of the given spacing (mm widths divided by it); not defined for a file. */
    public double widthVoxels(double spacingMm) {
        if (kind == Kind.FILE) {
            throw new IllegalStateException("a file profile has no nominal width");
        }
        if (!inMm) {
            return width;
        }
        if (!(spacingMm > 0) || !Double.isFinite(spacingMm)) {
            throw new IllegalArgumentException("spacing must be a finite number > 0 mm to convert " + this
                    + " to voxels, got " + spacingMm);
        }
        return width / spacingMm;
    }

    /** The canonical text form, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> "file:" + file;
            case GAUSSIAN -> "gaussian:" + number() + (inMm ? "mm" : "");
            case RECT -> "rect:" + number() + (inMm ? "mm" : "");
        };
    }

    private String number() {
        return width == Math.rint(width) && Math.abs(width) < 1e15 ? Long.toString((long) width)
                : Double.toString(width);
    }
}
