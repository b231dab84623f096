#!/usr/bin/env python3
"""Makes the small NIfTI fixtures of smorekit's volume tests, and records what nibabel reads from each.

Run from this folder with Debian's python3-nibabel (tested with nibabel 5.0.0, numpy 1.24.2):

    /usr/bin/python3 make_fixtures.py

Every good fixture X gets X.json with what nibabel.load(X) gives: shape, zooms, affine (get_best_affine),
qform/sform codes, axis codes (aff2axcodes), datatype, and all voxel values of img.get_fdata() in memory order (x fastest; for 4-D files the
volume named in "volume_index"). Files are built header-first with nibabel's header classes, so that scaling, byte
order and codes are exactly as set here. Bad fixtures (truncated, missing .img, ...) have no JSON; the Java tests
state the expected failure. Deterministic: numpy RandomState(20261125).
"""
import gzip
import json
import os

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.RandomState(20261125)
SHAPE = (5, 4, 3)


def rotation(ax, ay, az):
    cx, sx, cy, sy, cz, sz = np.cos(ax), np.sin(ax), np.cos(ay), np.sin(ay), np.cos(az), np.sin(az)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def affine(rot, zooms, offset, flip=False):
    a = np.eye(4)
    a[:3, :3] = rot @ np.diag(zooms)
    if flip:
        a[:3, 2] *= -1
    a[:3, 3] = offset
    return a


OBLIQUE = affine(rotation(0.1, -0.2, 0.3), (0.9, 0.9, 3.0), (-80.5, 20.25, 31.0))
OBLIQUE_FLIP = affine(rotation(-0.25, 0.15, 0.05), (1.2, 1.2, 4.5), (10.0, -110.0, 5.5), flip=True)
SHEARED = np.array([[1.0, 0.1, 0.0, -10.0], [0.0, 2.0, 0.2, 5.0], [0.05, 0.0, 2.5, 7.0], [0, 0, 0, 1]])


def header(klass, dtype, shape, endian='<'):
    h = klass(endianness=endian)
    h.set_data_dtype(dtype)
    h.set_data_shape(shape)
    return h


def gzip_writer(path, mode):
    """gzip with mtime 0, so that rerunning this script reproduces the files byte for byte."""
    return gzip.GzipFile(path, mode, mtime=0)


def save(name, h, raw, volume_index=0):
    """Writes header then raw voxels (Fortran order) at vox_offset; pairs get name.hdr + name.img."""
    dtype = h.get_data_dtype()
    data_bytes = np.asarray(raw).astype(dtype).tobytes(order='F')
    path = os.path.join(HERE, name)
    opener = gzip_writer if name.endswith('.gz') else open
    if name.endswith('.hdr'):
        h['vox_offset'] = 0
        with open(path, 'wb') as f:
            h.write_to(f)
        with open(path[:-4] + '.img', 'wb') as f:
            f.write(data_bytes)
    else:
        h['vox_offset'] = h.single_vox_offset
        with opener(path, 'wb') as f:
            h.write_to(f)
            f.write(data_bytes)
    record(name, volume_index)


def record(name, volume_index=0):
    img = nib.load(os.path.join(HERE, name))
    data = img.get_fdata()
    if data.ndim > 3:
        data = data.reshape(data.shape[:3] + (-1,), order='F')[..., volume_index]
    while data.ndim < 3:
        data = data[..., np.newaxis]
    hdr = img.header
    out = {
        'file': name,
        'nibabel_version': nib.__version__,
        'shape': [int(s) for s in img.shape],
        'zooms': [float(z) for z in hdr.get_zooms()],
        'affine': img.affine.tolist(),
        'axcodes': ''.join(nib.aff2axcodes(img.affine)),
        'qform_code': int(hdr['qform_code']),
        'sform_code': int(hdr['sform_code']),
        'datatype': int(hdr['datatype']),
        'volume_index': volume_index,
        'values': [None if not np.isfinite(v) else float(v) for v in data.ravel(order='F')],
        'non_finite': int(np.sum(~np.isfinite(data))),
    }
    with open(os.path.join(HERE, name + '.json'), 'w') as f:
        json.dump(out, f, indent=1)


def ints(lo, hi, shape=SHAPE):
    return rng.randint(lo, hi, size=shape)


def main():
    # float32, little-endian, sform and qform both set (scanner), gzipped
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_sform(OBLIQUE, code=1)
    h.set_qform(OBLIQUE, code=1)
    h['descrip'] = b'smorekit fixture float32'
    h.set_xyzt_units('mm', 'sec')
    save('float32_le.nii.gz', h, rng.normal(100, 30, SHAPE).astype(np.float32))

    # int16 with scl_slope/scl_inter
    h = header(nib.Nifti1Header, np.int16, SHAPE)
    h.set_sform(OBLIQUE_FLIP, code=2)
    h['scl_slope'] = 0.5
    h['scl_inter'] = 10.0
    save('int16_scaled.nii', h, ints(-3000, 3000))

    for name, dtype, lo, hi, code in [
        ('uint8.nii.gz', np.uint8, 0, 256, 1),
        ('int8.nii', np.int8, -128, 128, 2),
        ('uint16.nii', np.uint16, 0, 65536, 3),
        ('int32.nii', np.int32, -2**31, 2**31 - 1, 4),
        ('uint32.nii', np.uint32, 0, 2**32 - 1, 5),
        ('int64.nii', np.int64, -2**40, 2**40, 1),
    ]:
        h = header(nib.Nifti1Header, dtype, SHAPE)
        h.set_sform(OBLIQUE, code=code)
        save(name, h, ints(lo, hi).astype(dtype))

    h = header(nib.Nifti1Header, np.float64, SHAPE)
    h.set_sform(OBLIQUE_FLIP, code=1)
    save('float64.nii', h, rng.normal(0, 1e3, SHAPE))

    # big-endian int16 with scaling, qform and sform
    h = header(nib.Nifti1Header, np.int16, SHAPE, endian='>')
    h.set_sform(OBLIQUE, code=1)
    h.set_qform(OBLIQUE, code=1)
    h['scl_slope'] = 2.0
    h['scl_inter'] = -5.0
    save('int16_be.nii', h, ints(-1000, 1000))

    # big-endian float32 with sform only
    h = header(nib.Nifti1Header, np.float32, SHAPE, endian='>')
    h.set_sform(OBLIQUE_FLIP, code=2)
    save('float32_be.nii.gz', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # qform only, with qfac = -1 (left-handed voxel axes)
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_qform(OBLIQUE_FLIP, code=1)
    h.set_sform(None, code=0)
    save('qform_only.nii', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # sform only, with shears (the qform could not represent it)
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_sform(SHEARED, code=4)
    h.set_qform(None, code=0)
    save('sform_only.nii', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # neither: nibabel falls back on the centred, x-flipped pixdim affine
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_zooms((2.0, 3.0, 4.0))
    h.set_qform(None, code=0)
    h.set_sform(None, code=0)
    save('neither.nii', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # header problems nibabel fixes on load: qfac 0 -> 1, negative pixdim -> abs, invalid sform code 7 -> 0
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_qform(OBLIQUE, code=1)
    h['pixdim'][0] = 0
    h['pixdim'][2] = -h['pixdim'][2]
    h['sform_code'] = 7
    save('fixed_on_load.nii', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # neither code and a zero pixdim (nibabel reads it as 1)
    h = header(nib.Nifti1Header, np.int16, SHAPE)
    h['pixdim'][1:4] = [0.0, 2.5, 1.5]
    h.set_qform(None, code=0)
    h.set_sform(None, code=0)
    save('zero_pixdim.nii', h, ints(-100, 100))

    # qform whose b^2 + c^2 + d^2 rounds above 1 in float32 (a = 0: 180 degree rotation)
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_qform(OBLIQUE, code=1)
    b = np.float32(np.sqrt(1 / 3.0))
    h['quatern_b'], h['quatern_c'], h['quatern_d'] = b, b, np.float32(np.sqrt(1 / 3.0) + 2e-8)
    h.set_sform(None, code=0)
    save('qform_w0.nii', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # NIfTI-2 single file, float32, sform + qform
    h = header(nib.Nifti2Header, np.float32, SHAPE)
    h.set_sform(OBLIQUE, code=1)
    h.set_qform(OBLIQUE, code=1)
    save('nifti2.nii', h, rng.normal(0, 1, SHAPE).astype(np.float32))

    # NIfTI-2, big-endian, int16 qform only
    h = header(nib.Nifti2Header, np.uint16, SHAPE, endian='>')
    h.set_qform(OBLIQUE_FLIP, code=2)
    save('nifti2_be.nii', h, ints(0, 60000).astype(np.uint16))

    # .hdr/.img pair (magic ni1, vox_offset 0)
    h = header(nib.nifti1.Nifti1PairHeader, np.int16, SHAPE)
    h.set_sform(OBLIQUE, code=1)
    save('pair.hdr', h, ints(-500, 500))

    # 4-D: 2 volumes; nibabel JSON records volume 1
    h = header(nib.Nifti1Header, np.float32, SHAPE + (2,))
    h.set_sform(OBLIQUE, code=1)
    save('fourd.nii.gz', h, rng.normal(0, 1, SHAPE + (2,)).astype(np.float32), volume_index=1)

    # 4-D with a trailing size of 1: an ordinary 3-D volume
    h = header(nib.Nifti1Header, np.float32, SHAPE + (1,))
    h.set_sform(OBLIQUE, code=1)
    save('fourd_single.nii', h, rng.normal(0, 1, SHAPE + (1,)).astype(np.float32))

    # 2-D image: read as 5x4x1
    h = header(nib.Nifti1Header, np.float32, (5, 4))
    h.set_sform(OBLIQUE, code=1)
    save('twod.nii', h, rng.normal(0, 1, (5, 4)).astype(np.float32))

    # NaN and Inf voxels
    h = header(nib.Nifti1Header, np.float32, SHAPE)
    h.set_sform(OBLIQUE, code=1)
    v = rng.normal(0, 1, SHAPE).astype(np.float32)
    v[1, 2, 0] = np.nan
    v[4, 0, 2] = np.inf
    v[0, 3, 1] = -np.inf
    save('with_nan.nii', h, v)

    # ---- bad files (no JSON) ----
    good = open(os.path.join(HERE, 'int16_scaled.nii'), 'rb').read()
    open(os.path.join(HERE, 'truncated.nii'), 'wb').write(good[:len(good) - 17])
    gz = open(os.path.join(HERE, 'uint8.nii.gz'), 'rb').read()
    open(os.path.join(HERE, 'truncated.nii.gz'), 'wb').write(gz[:len(gz) // 2])
    open(os.path.join(HERE, 'not_gzip.nii.gz'), 'wb').write(good)
    bad = bytearray(good)
    bad[344:348] = b'xyz\0'
    open(os.path.join(HERE, 'bad_magic.nii'), 'wb').write(bytes(bad))
    open(os.path.join(HERE, 'not_nifti.nii'), 'wb').write(b'hello, this is not a NIfTI file at all' * 20)
    beyond = bytearray(good)
    beyond[108:112] = np.array([100000.0], dtype='<f4').tobytes()
    open(os.path.join(HERE, 'offset_beyond.nii'), 'wb').write(bytes(beyond))
    h = header(nib.nifti1.Nifti1PairHeader, np.int16, SHAPE)
    h['vox_offset'] = 0
    with open(os.path.join(HERE, 'header_only.hdr'), 'wb') as f:
        h.write_to(f)
    h = header(nib.Nifti1Header, np.complex64, SHAPE)
    save_raw = np.zeros(SHAPE, np.complex64)
    h['vox_offset'] = 352
    with open(os.path.join(HERE, 'complex64.nii'), 'wb') as f:
        h.write_to(f)
        f.write(save_raw.tobytes(order='F'))
    h = header(nib.Nifti1Header, np.float32, (1000, 1000, 1000))
    h['vox_offset'] = 352
    with open(os.path.join(HERE, 'huge_dims.nii'), 'wb') as f:
        h.write_to(f)


if __name__ == '__main__':
    main()
