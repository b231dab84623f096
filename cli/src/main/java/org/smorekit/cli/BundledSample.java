package org.smorekit.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample shipped in the repository ({@code sample/colin27-t1-1mm.nii.gz}), found from the {@code smorekit.home}
 * system property (set by the {@code ./smorekit} launcher), from the jar's location ({@code cli/target/}), or from
 * the working directory.
 */
final class BundledSample {

    static final String RELATIVE_PATH = "sample/colin27-t1-1mm.nii.gz";

    private BundledSample() {
    }

    static Path path() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("smorekit.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(RELATIVE_PATH));
        }
        try {
            Path jar = Path.of(BundledSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // cli/target/smorekit.jar or cli/target/classes -> the repository root is two folders up
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null && root.getParent() != null) {
                candidates.add(root.getParent().resolve(RELATIVE_PATH));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source: fall back to the working directory
        }
        candidates.add(Path.of(RELATIVE_PATH));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalArgumentException("the bundled sample " + RELATIVE_PATH + " was not found (looked in "
                + candidates + "); give an isotropic volume with --truth");
    }
}
