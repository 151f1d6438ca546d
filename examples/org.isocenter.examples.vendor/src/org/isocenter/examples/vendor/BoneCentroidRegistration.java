/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor;

import java.util.List;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.registration.AlgorithmParameter;
import org.isocenter.registration.RegistrationAlgorithm;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationResult;
import org.osgi.service.component.annotations.Component;

/**
 * An example registration algorithm a vendor contributes: translations only, from the centroid (LPS mm) of the bone
 * (voxels at or above the parameter {@code boneThresholdHu}, default {@value #BONE_HU} HU) inside the request's region in the planning CT to the centroid of the bone
 * inside the same region of the daily image. The region is taken in both images' coordinates as they were acquired
 * (the daily image reconstructed with the machine isocenter at the plan isocenter), so the set-up error has to be
 * small against the region and both images have to show the same bones. Being a Declarative Services component
 * with the property {@code algorithm.id}, it is offered wherever Isocenter offers registration algorithms: the
 * Registration / IGRT preference page, {@code ./isocenter register --algorithm example.bone-centroid}, and the
 * {@code example-centroid} command of this plug-in. Not for clinical use: it shows how to contribute, not how to
 * register.
 */
@Component(service = RegistrationAlgorithm.class,
        property = RegistrationAlgorithm.ID_PROPERTY + "=" + BoneCentroidRegistration.ID)
public final class BoneCentroidRegistration implements RegistrationAlgorithm {

    /** The algorithm's id. */
    public static final String ID = "example.bone-centroid";
    /** The default threshold of bone, HU. */
    public static final double BONE_HU = 200;
    /** Its one parameter: the bone threshold. */
    public static final AlgorithmParameter THRESHOLD = new AlgorithmParameter("boneThresholdHu", "Bone threshold", "HU",
            BONE_HU, 100, 1500, false, "voxels at or above this value count as bone in both images");

    @Override
    public List<AlgorithmParameter> parameters() {
        return List.of(THRESHOLD);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Bone centroid, translations only (example plug-in)";
    }

    @Override
    public RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor) {
        long start = System.nanoTime();
        double threshold = AlgorithmParameter.resolve(ID, parameters(), request.parameters()).get(THRESHOLD.key());
        monitor.begin("Bone centroids (" + ID + ")", 2);
        Vector3 planning = centroid(request.planning(), request, threshold, "planning CT");
        monitor.worked(1);
        Vector3 daily = centroid(request.daily(), request, threshold, "daily image");
        monitor.worked(1);
        RigidTransform t = RigidTransform.fromEulerDegrees(request.planning().frameOfReferenceUid(),
                request.daily().frameOfReferenceUid(), 0, 0, 0, planning, daily.minus(planning));
        return new RegistrationResult(t, request.metric(), 0, 1, 2, Math.round((System.nanoTime() - start) / 1e6));
    }

    /** The centroid (LPS mm) of the voxels at or above {@code thresholdHu} inside the request's region. */
    static Vector3 centroid(ImageVolume image, RegistrationRequest request, double thresholdHu, String which) {
        VolumeGeometry g = image.geometry();
        double sx = 0, sy = 0, sz = 0;
        long n = 0;
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    if (image.valueAt(i, j, k) < thresholdHu) {
                        continue;
                    }
                    Vector3 p = g.indexToPatient(i, j, k);
                    if (request.region().contains(p)) {
                        sx += p.x();
                        sy += p.y();
                        sz += p.z();
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the " + which + " has no voxel of " + thresholdHu + " HU or more in "
                    + request.region().description());
        }
        return new Vector3(sx / n, sy / n, sz / n);
    }
}
