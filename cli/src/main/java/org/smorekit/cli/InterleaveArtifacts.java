package org.smorekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smorekit.volume.SliceIntensityAlternation;
import org.smorekit.volume.SliceParityShift;
import org.smorekit.volume.Volume;

/**
 * What the two passes of an interleaved acquisition left between a scan's even and odd slices, as measured, and the
 * volume with it corrected when asked: an intensity alternation ({@link SliceIntensityAlternation}) is corrected
 * first, then an in-plane displacement ({@link SliceParityShift}) is measured on the result and moved back.
 *
 * @param alternation how much even and odd slices differ in intensity, unless too few slices could be compared
 * @param shift       how far the even slices are displaced from the odd ones, unless too few slices could be compared
 * @param correct     whether what is present was corrected
 * @param volume      the volume with what is present corrected (the input when nothing was)
 */
record InterleaveArtifacts(Optional<SliceIntensityAlternation> alternation, Optional<SliceParityShift> shift,
                           boolean correct, Volume volume) {

    /** Measures both along {@code axis} of {@code scan} and, if {@code correct}, corrects what is present. */
    static InterleaveArtifacts of(Volume scan, int axis, boolean correct) {
        Optional<SliceIntensityAlternation> alternation = SliceIntensityAlternation.measure(scan, axis);
        Volume volume = scan;
        if (correct && alternation.filter(SliceIntensityAlternation::present).isPresent()) {
            volume = alternation.get().corrected(volume, axis);
        }
        Optional<SliceParityShift> shift = SliceParityShift.measure(volume, axis);
        if (correct && shift.filter(SliceParityShift::present).isPresent()) {
            volume = shift.get().corrected(volume, axis);
        }
        return new InterleaveArtifacts(alternation, shift, correct, volume);
    }

    boolean alternationCorrected() {
        return correct && alternation.filter(SliceIntensityAlternation::present).isPresent();
    }

    boolean shiftCorrected() {
        return correct && shift.filter(SliceParityShift::present).isPresent();
    }

    /** One warning for each artifact present: what it is, and what was done with it. */
    List<String> warnings(Path path) {
        List<String> warnings = new ArrayList<>();
        String done = correct ? "" : ", left as they are (--interleave-correction off): the profile estimate reads"
                + " them as detail along the slice axis";
        alternation.filter(SliceIntensityAlternation::present).ifPresent(a -> warnings.add(path
                + ": slice intensities alternate (" + a + "), as the cross-talk of an interleaved acquisition leaves"
                + " them" + (correct ? ": both scaled to their common level before anything else" : done)));
        shift.filter(SliceParityShift::present).ifPresent(s -> warnings.add(path + ": " + s + ", as a head that"
                + " moved between the passes of an interleaved acquisition leaves them"
                + (correct ? ": brought together before anything else (the odd slices moved by its whole voxels,"
                + " both by half the rest, cubic interpolation)" : done)));
        return warnings;
    }

    /** The sidecar entries {@code slice_intensity_alternation} and {@code slice_parity_shift} (null if unmeasured). */
    void addTo(Map<String, Object> json) {
        json.put("slice_intensity_alternation", alternation.map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("even_to_odd_ratio", a.ratio());
            m.put("log_ratio_standard_error", a.standardError());
            m.put("slices", a.slices());
            m.put("present", a.present());
            m.put("corrected", alternationCorrected());
            return m;
        }).orElse(null));
        json.put("slice_parity_shift", shift.map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("even_minus_odd_voxels", new double[] {s.dx(), s.dy()});
            m.put("standard_error_voxels", s.standardError());
            m.put("slices", s.slices());
            m.put("present", s.present());
            m.put("corrected", shiftCorrected());
            return m;
        }).orElse(null));
    }
}
