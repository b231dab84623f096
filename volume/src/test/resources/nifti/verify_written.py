#!/usr/bin/env python3
"""Checks with nibabel the files that smorekit's Java writer produced from the fixtures.

Usage (from the repository root, with Debian's python3-nibabel):

    mkdir -p /tmp/smorekit-written
    mvn -B -q -o -pl volume test -Dtest=NiftiWriterTest \
        "-Dsurefire.argLine=-Xmx1g -Dsmorekit.nifti.dumpDir=/tmp/smorekit-written"
    /usr/bin/python3 volume/src/test/resources/nifti/verify_written.py /tmp/smorekit-written

For each written X.f32.nii.gz (float32) and X.orig.nii (the fixture's own datatype) it loads the file with nibabel
and compares with the fixture's JSON (what nibabel read from the original): shape, affine, zooms (= the affine's
column norms), qform/sform codes (a fixture with neither code is written with sform_code 2, as nibabel's
Nifti1Image(data, affine) does), and every voxel (float32 exact; integer types rounded and clamped). Prints one line
per file and exits non-zero on any mismatch.
"""
import glob
import json
import os
import sys

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def reference(stem):
    for ext in ('.nii.gz', '.nii', '.hdr'):
        path = os.path.join(HERE, stem + ext + '.json')
        if os.path.exists(path):
            with open(path) as f:
                return json.load(f)
    raise SystemExit(f'no fixture JSON for {stem}')


def check(path):
    name = os.path.basename(path)
    stem, kind = name.split('.')[0], name.split('.')[1]
    ref = reference(stem)
    img = nib.load(path)
    hdr = img.header
    problems = []
    shape = (list(ref['shape']) + [1, 1, 1])[:3]  # one 3-D volume is written
    if list(img.shape) != shape:
        problems.append(f'shape {img.shape} != {shape}')
    if not np.allclose(img.affine, np.array(ref['affine']), atol=1e-4):
        problems.append(f'affine\n{img.affine}\n!= {np.array(ref["affine"])}')
    norms = np.sqrt(np.sum(np.array(ref['affine'])[:3, :3] ** 2, axis=0))
    if not np.allclose(hdr.get_zooms()[:3], norms, atol=1e-5):
        problems.append(f'zooms {hdr.get_zooms()} != column norms {norms}')
    had_codes = ref['sform_code'] != 0 or ref['qform_code'] != 0
    expected_s = ref['sform_code'] if had_codes else 2
    if int(hdr['sform_code']) != expected_s or int(hdr['qform_code']) != ref['qform_code']:
        problems.append(f'codes s={hdr["sform_code"]} q={hdr["qform_code"]}, expected s={expected_s}'
                        f' q={ref["qform_code"]}')
    if int(hdr['qform_code']) != 0 and not np.allclose(hdr.get_qform(), np.array(ref['affine']), atol=1e-4):
        problems.append('qform does not reproduce the affine')
    values = np.array([0.0 if v is None else v for v in ref['values']], dtype=np.float32).astype(np.float64)
    data = img.get_fdata().ravel(order='F')
    if kind == 'orig':
        dt = np.dtype(hdr.get_data_dtype())
        if dt.kind in 'iu':
            info = np.iinfo(dt)
            values = np.clip(np.rint(values), info.min, info.max)
    if not np.array_equal(data.astype(np.float32), values.astype(np.float32)):
        problems.append(f'values differ, max abs {np.max(np.abs(data - values))}')
    print(('OK   ' if not problems else 'FAIL ') + name + ('' if not problems else ': ' + '; '.join(problems)))
    return not problems


def main():
    folder = sys.argv[1]
    files = sorted(glob.glob(os.path.join(folder, '*.f32.nii.gz')) + glob.glob(os.path.join(folder, '*.orig.nii')))
    if not files:
        raise SystemExit(f'no written files in {folder}')
    ok = all([check(f) for f in files])
    print(f'{len(files)} files checked with nibabel {nib.__version__}: ' + ('all OK' if ok else 'MISMATCHES'))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
