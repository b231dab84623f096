package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.smorekit.degrade.SliceProfile;

/** The JSON description of a slice profile used in every sidecar: samples, FWHM in voxels and mm, length, origin. */
final class ProfileJson {

    private ProfileJson() {
    }

    /**
     * @param profile      the profile
     * @param tapSpacingMm the spacing of its taps in mm (the fine grid's voxel size along the slice axis)
     * @param source       where it came from ("gaussian:4", "estimated", a file path)
     */
    static Map<String, Object> describe(SliceProfile profile, double tapSpacingMm, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("values", profile.values());
        m.put("length", profile.length());
        m.put("fwhm_voxels", profile.fwhmVoxels());
        m.put("fwhm_mm", profile.fwhmMm(tapSpacingMm));
        m.put("tap_spacing_mm", tapSpacingMm);
        return m;
    }
}
