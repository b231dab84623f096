package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSpecTest {

    @Test
    void parsesGaussianAndRectInVoxels() throws IOException {
        ProfileSpec g = ProfileSpec.parse("gaussian:4");
        assertEquals(ProfileSpec.Kind.GAUSSIAN, g.kind());
        assertEquals(4, g.width());
        assertFalse(g.inMm());
        assertEquals(Profiles.gaussian(4), g.toProfile(1.0));
        assertEquals(Profiles.gaussian(4), g.toProfile(0.7), "voxel widths ignore the spacing");
        assertEquals(Profiles.rect(2.5), ProfileSpec.parse("rect:2.5").toProfile(1.0));
        assertEquals(Profiles.rect(3), ProfileSpec.parse(" RECT : 3 ").toProfile(1.0));
    }

    @Test
    void convertsMillimetresWithTheSpacing() throws IOException {
        ProfileSpec g = ProfileSpec.parse("gaussian:4mm");
        assertTrue(g.inMm());
        assertEquals(5.0, g.widthVoxels(0.8), 1e-12);
        assertEquals(Profiles.gaussian(5.0), g.toProfile(0.8));
        assertEquals(Profiles.rect(2), ProfileSpec.parse("rect:1.0MM").toProfile(0.5));
        assertThrows(IllegalArgumentException.class, () -> g.toProfile(0));
    }

    @Test
    void readsFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("k.txt");
        Files.writeString(f, "1\n2\n1\n");
        ProfileSpec spec = ProfileSpec.parse("file:" + f);
        assertEquals(ProfileSpec.Kind.FILE, spec.kind());
        assertEquals(f, spec.file());
        assertEquals(new SliceProfile(new double[] {1, 2, 1}), spec.toProfile(Double.NaN));
        assertThrows(IOException.class, () -> ProfileSpec.parse("file:" + dir.resolve("missing")).toProfile(1));
        // a bare .json/.txt path (an estimator's DIR/profile.json) is a file spec
        Path json = dir.resolve("profile.json");
        Files.writeString(json, "{\"values\": [1, 2, 1], \"fwhm_voxels\": 2.0}");
        assertEquals(ProfileSpec.parse("file:" + json), ProfileSpec.parse(json.toString()));
        assertEquals(new SliceProfile(new double[] {1, 2, 1}), ProfileSpec.parse(json.toString()).toProfile(1));
        assertEquals(ProfileSpec.Kind.FILE, ProfileSpec.parse("k.TXT").kind());
    }

    @Test
    void printsItsCanonicalForm() {
        for (String s : new String[] {"gaussian:4", "gaussian:3.2mm", "rect:2.5", "rect:3mm", "file:/tmp/k.json"}) {
            assertEquals(s, ProfileSpec.parse(s).toString());
            assertEquals(ProfileSpec.parse(s), ProfileSpec.parse(ProfileSpec.parse(s).toString()));
        }
    }

    @Test
    void errorsNameTheAcceptedForms() {
        for (String bad : new String[] {"", "gaussian", "gauss:4", "gaussian:", "gaussian:abc", "gaussian:4cm",
                "rect:-1", "rect:0", "gaussian:NaN", "gaussian:4d", "file:", "sinc:3", "profile.nii"}) {
            ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> ProfileSpec.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("gaussian:FWHM") && e.getMessage().contains("file:PATH"),
                    e.getMessage());
        }
        assertTrue(assertThrows(ProfileFormatException.class, () -> ProfileSpec.parse("rect:-1")).getMessage()
                .contains("> 0"));
    }
}
