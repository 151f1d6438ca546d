#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
# mhd-to-dicom.py IMAGE.mhd OUT_FOLDER MODALITY_DESCRIPTION STUDY_UID: writes an axis-aligned MET_SHORT MetaImage (LPS,
# as RegistrationBenchmark writes them) as a DICOM CT image series, one file per slice (Explicit VR Little Endian,
# 16-bit signed stored values = the image's values, rescale 1/0), for one fixed patient; the study UID is shared by
# the calls of one data set, the series and frame-of-reference UIDs are new. Used by scripts/benchmark-startup.sh so
# that Isocenter reads DICOM while elastix reads the same voxels as MetaImages. Needs Debian python3-pydicom + numpy.
import os
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

mhd, out, description, study_uid = sys.argv[1:5]
header = {}
for line in open(mhd):
    if "=" in line:
        k, v = line.split("=", 1)
        header[k.strip()] = v.strip()
assert header["ElementType"] == "MET_SHORT" and header["TransformMatrix"].split() == "1 0 0 0 1 0 0 0 1".split()
nx, ny, nz = (int(v) for v in header["DimSize"].split())
sx, sy, sz = (float(v) for v in header["ElementSpacing"].split())
ox, oy, oz = (float(v) for v in header["Offset"].split())
raw = os.path.join(os.path.dirname(mhd), header["ElementDataFile"])
voxels = np.fromfile(raw, dtype="<i2").reshape(nz, ny, nx)

os.makedirs(out, exist_ok=True)
series_uid, frame_uid = generate_uid(), generate_uid()
for k in range(nz):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.PatientName, ds.PatientID, ds.PatientBirthDate, ds.PatientSex = "BENCH^STARTUP", "ISO-BENCH-22", "", "O"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study_uid, series_uid, frame_uid
    ds.StudyDate, ds.StudyTime, ds.StudyID, ds.AccessionNumber = "20261206", "120000", "1", ""
    ds.ReferringPhysicianName = ""
    ds.Modality, ds.SeriesDescription, ds.SeriesNumber, ds.InstanceNumber = "CT", description, 1, k + 1
    ds.PatientPosition, ds.PositionReferenceIndicator = "HFS", ""
    ds.ImagePositionPatient = [ox, oy, oz + k * sz]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [sy, sx]  # row spacing (between rows, along y), then column spacing
    ds.SliceThickness = sz
    ds.Rows, ds.Columns = ny, nx
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "HU"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.PixelData = voxels[k].astype("<i2").tobytes()
    ds.save_as(os.path.join(out, f"slice_{k:04d}.dcm"), write_like_original=False)
