package org.smorekit.volume.nifti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.smorekit.volume.Affine;

/**
 * What nibabel 5.0 reads from a fixture file, as recorded by {@code src/test/resources/nifti/make_fixtures.py} in
 * {@code <fixture>.json}.
 */
record NibabelReference(String file, int[] shape, Affine affine, String axcodes, int qformCode, int sformCode,
                        int datatype, int volumeIndex, double[] values, int nonFinite) {

    /** The good fixtures, each with a JSON file. */
    static final List<String> FIXTURES = List.of("float32_le.nii.gz", "int16_scaled.nii", "uint8.nii.gz", "int8.nii",
            "uint16.nii", "int32.nii", "uint32.nii", "int64.nii", "float64.nii", "int16_be.nii", "float32_be.nii.gz",
            "qform_only.nii", "sform_only.nii", "neither.nii", "qform_w0.nii", "nifti2.nii", "nifti2_be.nii",
            "pair.hdr", "fourd.nii.gz", "fourd_single.nii", "twod.nii", "with_nan.nii", "fixed_on_load.nii",
            "zero_pixdim.nii");

    static Path fixture(String name) {
        try {
            return Path.of(NibabelReference.class.getResource("/nifti/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static NibabelReference load(String name) {
        try {
            JsonNode j = new ObjectMapper().readTree(fixture(name + ".json").toFile());
            int[] shape = new int[3];
            JsonNode s = j.get("shape");
            for (int i = 0; i < 3; i++) {
                shape[i] = i < s.size() ? s.get(i).asInt() : 1;
            }
            double[] m = new double[16];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    m[r * 4 + c] = j.get("affine").get(r).get(c).asDouble();
                }
            }
            JsonNode v = j.get("values");
            double[] values = new double[v.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = v.get(i).isNull() ? Double.NaN : v.get(i).asDouble();
            }
            return new NibabelReference(name, shape, Affine.of(m), j.get("axcodes").asText(),
                    j.get("qform_code").asInt(), j.get("sform_code").asInt(), j.get("datatype").asInt(),
                    j.get("volume_index").asInt(), values, j.get("non_finite").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read options that give the volume nibabel's JSON describes (its volume index; non-finite voxels set to 0). */
    ReadOptions readOptions() {
        return ReadOptions.defaults().withVolumeIndex(volumeIndex).withNonFinitePolicy(NonFinitePolicy.ZERO);
    }

    /** The value nibabel read at a voxel, with NaN/Inf replaced by 0 as {@link NonFinitePolicy#ZERO} does. */
    double valueOrZero(int i) {
        return Double.isFinite(values[i]) ? values[i] : 0;
    }
}
