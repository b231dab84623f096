package org.smorekit.volume.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file(s) holding one NIfTI image: a single {@code .nii[.gz]} file, or a {@code .hdr[.gz]} header with its
 * {@code .img[.gz]} voxels (found from either name; the image with the header's compression is preferred).
 *
 * @param header         file holding the header
 * @param image          file holding the voxels (the same as {@code header} for a single file)
 * @param headerGzipped  whether the header file is gzip-compressed
 * @param imageGzipped   whether the image file is gzip-compressed
 * @param pair           true for a .hdr/.img pair
 */
record NiftiFileSet(Path header, Path image, boolean headerGzipped, boolean imageGzipped, boolean pair) {

    static NiftiFileSet of(Path path) throws NiftiFormatException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        requireFile(path, path.toString());
        boolean gz = lower.endsWith(".gz");
        String base = gz ? lower.substring(0, lower.length() - 3) : lower;
        String stem = name.substring(0, base.length() - Math.min(base.length(), 4));
        if (base.endsWith(".hdr")) {
            Path image = sibling(path, stem, ".img", gz);
            if (image == null) {
                throw new NiftiFormatException(path + ": header without its image: " + stem + ".img"
                        + (gz ? ".gz" : "") + " is missing (a .hdr/.img pair needs both files)");
            }
            return new NiftiFileSet(path, image, gz, image.toString().toLowerCase(Locale.ROOT).endsWith(".gz"),
                    true);
        }
        if (base.endsWith(".img")) {
            Path header = sibling(path, stem, ".hdr", gz);
            if (header == null) {
                throw new NiftiFormatException(path + ": image without its header: " + stem + ".hdr"
                        + (gz ? ".gz" : "") + " is missing (a .hdr/.img pair needs both files)");
            }
            return new NiftiFileSet(header, path, header.toString().toLowerCase(Locale.ROOT).endsWith(".gz"), gz,
                    true);
        }
        if (!gz && !base.endsWith(".nii")) {
            gz = startsWithGzipMagic(path);
        }
        return new NiftiFileSet(path, path, gz, gz, false);
    }

    /** The header file's name as given (for messages). */
    String headerName() {
        return header.toString();
    }

    /** The image file's name as given (for messages). */
    String imageName() {
        return image.toString();
    }

    private static Path sibling(Path path, String stem, String extension, boolean preferGz) throws
            NiftiFormatException {
        String first = stem + extension + (preferGz ? ".gz" : "");
        String second = stem + extension + (preferGz ? "" : ".gz");
        for (String candidate : new String[] {first, second}) {
            Path p = path.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static void requireFile(Path path, String name) throws NiftiFormatException {
        if (Files.isDirectory(path)) {
            throw new NiftiFormatException(name + ": is a directory, not a NIfTI file");
        }
        if (!Files.exists(path)) {
            throw new NiftiFormatException(name + ": no such file");
        }
    }

    private static boolean startsWithGzipMagic(Path path) throws NiftiFormatException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] m = in.readNBytes(2);
            return m.length == 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            throw new NiftiFormatException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
