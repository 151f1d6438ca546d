/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.tests;

import java.util.function.ToDoubleFunction;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;

/** Analytic test images: values given as a function of the patient point (LPS mm) of each voxel centre. */
final class Phantoms {

    static final PatientIdentity PATIENT = new PatientIdentity("RT-1", "Test^Phantom", "", "");

    private Phantoms() {
    }

    /** 64³ voxels of 1 mm centred on the origin, head-first supine (identity direction cosines). */
    static VolumeGeometry hfsGrid() {
        return VolumeGeometry.axial(64, 64, 64, 1, 1, 1, new Vector3(-31.5, -31.5, -31.5));
    }

    /**
     * The same patient region on a feet-first supine grid: rows run to the patient's right (-x), slices
     * towards the feet (-z), as FFS scanners write them.
     */
    static VolumeGeometry ffsGrid() {
        return new VolumeGeometry(64, 64, 64, 1, 1, 1, new Vector3(31.5, -31.5, 31.5), new Vector3(-1, 0, 0),
                new Vector3(0, 1, 0), new Vector3(0, 0, -1));
    }

    /** Head-first prone: rows to the patient's right, columns anterior. */
    static VolumeGeometry hfpGrid() {
        return new VolumeGeometry(64, 64, 64, 1, 1, 1, new Vector3(31.5, 31.5, -31.5), new Vector3(-1, 0, 0),
                new Vector3(0, -1, 0), new Vector3(0, 0, 1));
    }

    static ImageVolume image(VolumeGeometry g, String frameUid, PatientPosition position, ToDoubleFunction<Vector3> hu) {
        short[] v = new short[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    v[g.linearIndex(i, j, k)] = (short) Math.round(hu.applyAsDouble(g.indexToPatient(i, j, k)) + 1024);
                }
            }
        }
        return new ImageVolume(g, v, 1, -1024, "HU", new ImageVolumeInfo(PATIENT, "1.2.3", "1.2.3." + frameUid.hashCode(),
                frameUid, "CT", position, "20261121", "phantom"));
    }

    static DoseGrid dose(VolumeGeometry g, String frameUid, ToDoubleFunction<Vector3> gy) {
        float[] d = new float[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    d[g.linearIndex(i, j, k)] = (float) gy.applyAsDouble(g.indexToPatient(i, j, k));
                }
            }
        }
        return new DoseGrid(g, d, "GY", "PLAN", "PHYSICAL", PATIENT, frameUid, "");
    }

    /** 1000 HU inside a sphere of {@code radius} mm around {@code centre}, -1000 HU (air) outside. */
    static ToDoubleFunction<Vector3> sphere(Vector3 centre, double radius) {
        return p -> p.distanceTo(centre) <= radius ? 1000 : -1000;
    }
}
