/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.render.internal.GridSampler;
import org.isocenter.core.structure.RoiSlabs;

/**
 * What slice views show, checked for clinical consistency: a primary image (its patient LPS frame is the display
 * frame), optionally a structure set and a dose grid in the primary's Frame of Reference, a beam isocenter (mm),
 * and a secondary image (e.g. a daily CBCT) of the same patient with the rigid transform from the primary's
 * frame to the secondary's. Anything of another patient or Frame of Reference is refused with a message naming
 * both. Immutable; {@code with…} returns a new scene sharing the prepared data (so a live transform change is
 * cheap).
 */
public final class SliceScene {

    private final ImageVolume primary;
    private final GridSampler primarySampler;
    private final StructureSet structures;
    private final List<RoiSlabs> roiSlabs;
    private final DoseGrid dose;
    private final GridSampler doseSampler;
    private final Vector3 isocenterMm;
    private final ImageVolume secondary;
    private final GridSampler secondarySampler;
    private final RigidTransform primaryToSecondary;

    private SliceScene(ImageVolume primary, GridSampler primarySampler, StructureSet structures, List<RoiSlabs> roiSlabs,
            DoseGrid dose, GridSampler doseSampler, Vector3 isocenterMm, ImageVolume secondary,
            GridSampler secondarySampler, RigidTransform primaryToSecondary) {
        this.primary = primary;
        this.primarySampler = primarySampler;
        this.structures = structures;
        this.roiSlabs = roiSlabs;
        this.dose = dose;
        this.doseSampler = doseSampler;
        this.isocenterMm = isocenterMm;
        this.secondary = secondary;
        this.secondarySampler = secondarySampler;
        this.primaryToSecondary = primaryToSecondary;
    }

    /** A scene of one image. */
    public static SliceScene of(ImageVolume primary) {
        Objects.requireNonNull(primary, "primary image");
        return new SliceScene(primary, GridSampler.of(primary), null, List.of(), null, null, null, null, null, null);
    }

    /** Adds (or replaces) the structure set; it must belong to the primary's patient and Frame of Reference. */
    public SliceScene withStructures(StructureSet set) {
        if (set == null) {
            return new SliceScene(primary, primarySampler, null, List.of(), dose, doseSampler, isocenterMm, secondary,
                    secondarySampler, primaryToSecondary);
        }
        checkPatient("structure set '" + set.label() + "'", set.patient());
        checkFrame("structure set '" + set.label() + "'", set.frameOfReferenceUid());
        // contours drawn on the primary's slices show on those slices only (a gap stays a gap until interpolated)
        List<RoiSlabs> slabs = set.rois().stream().map(r -> RoiSlabs.onImage(r, primary.geometry())).toList();
        return new SliceScene(primary, primarySampler, set, slabs, dose, doseSampler, isocenterMm, secondary,
                secondarySampler, primaryToSecondary);
    }

    /** Adds (or removes, with null) the dose grid; same patient and Frame of Reference as the primary. */
    public SliceScene withDose(DoseGrid grid) {
        if (grid != null) {
            checkPatient("dose grid", grid.patient());
            checkFrame("dose grid", grid.frameOfReferenceUid());
        }
        return new SliceScene(primary, primarySampler, structures, roiSlabs, grid,
                grid == null ? null : GridSampler.of(grid), isocenterMm, secondary, secondarySampler, primaryToSecondary);
    }

    /** Sets (or removes) the beam isocenter marker, patient LPS mm of the primary's frame. */
    public SliceScene withIsocenter(Vector3 pointMm) {
        return new SliceScene(primary, primarySampler, structures, roiSlabs, dose, doseSampler, pointMm, secondary,
                secondarySampler, primaryToSecondary);
    }

    /**
     * Adds the secondary image with the transform from the primary's frame to the secondary's (e.g. planning to
     * daily from a registration). The transform's frames must be the two images' Frames of Reference.
     */
    public SliceScene withSecondary(ImageVolume image, RigidTransform primaryToSecondaryTransform) {
        if (image == null) {
            return new SliceScene(primary, primarySampler, structures, roiSlabs, dose, doseSampler, isocenterMm, null,
                    null, null);
        }
        checkPatient("secondary image " + image.info().modality() + " '" + image.info().seriesDescription() + "'",
                image.patient());
        SliceScene s = new SliceScene(primary, primarySampler, structures, roiSlabs, dose, doseSampler, isocenterMm,
                image, GridSampler.of(image), null);
        return s.withTransform(primaryToSecondaryTransform);
    }

    /** The same scene with another primary-to-secondary transform (live update while matching). */
    public SliceScene withTransform(RigidTransform primaryToSecondaryTransform) {
        if (secondary == null) {
            throw new IllegalStateException("no secondary image to transform");
        }
        Objects.requireNonNull(primaryToSecondaryTransform, "primary-to-secondary transform");
        if (!primaryToSecondaryTransform.fromFrameUid().equals(primary.frameOfReferenceUid())
                || !primaryToSecondaryTransform.toFrameUid().equals(secondary.frameOfReferenceUid())) {
            throw new IllegalArgumentException("the transform maps Frame of Reference "
                    + primaryToSecondaryTransform.fromFrameUid() + " to " + primaryToSecondaryTransform.toFrameUid()
                    + ", but the primary image is in " + primary.frameOfReferenceUid() + " and the secondary in "
                    + secondary.frameOfReferenceUid());
        }
        return new SliceScene(primary, primarySampler, structures, roiSlabs, dose, doseSampler, isocenterMm, secondary,
                secondarySampler, primaryToSecondaryTransform);
    }

    private void checkPatient(String what, org.isocenter.core.patient.PatientIdentity other) {
        if (!primary.patient().isSamePatient(other)) {
            throw new IllegalArgumentException(what + " belongs to " + other.displayLabel() + ", not to "
                    + primary.patient().displayLabel() + " of the primary image");
        }
    }

    private void checkFrame(String what, String frameUid) {
        if (!primary.frameOfReferenceUid().equals(frameUid)) {
            throw new IllegalArgumentException(what + " is in Frame of Reference " + frameUid
                    + ", the primary image in " + primary.frameOfReferenceUid() + ": it needs a registration first");
        }
    }

    public ImageVolume primary() { return primary; }
    public Optional<StructureSet> structures() { return Optional.ofNullable(structures); }
    public Optional<DoseGrid> dose() { return Optional.ofNullable(dose); }
    public Optional<Vector3> isocenterMm() { return Optional.ofNullable(isocenterMm); }
    public Optional<ImageVolume> secondary() { return Optional.ofNullable(secondary); }
    public Optional<RigidTransform> primaryToSecondary() { return Optional.ofNullable(primaryToSecondary); }

    List<RoiSlabs> roiSlabs() { return roiSlabs; }
    GridSampler primarySampler() { return primarySampler; }
    GridSampler secondarySampler() { return secondarySampler; }
    GridSampler doseSampler() { return doseSampler; }

    /** Contours left out of display because they are not closed axial polygons (count over all ROIs). */
    public int skippedContours() {
        return roiSlabs.stream().mapToInt(RoiSlabs::skippedContours).sum();
    }

    /** The centre of the primary image's voxel grid, patient LPS mm. */
    public Vector3 primaryCentreMm() {
        var g = primary.geometry();
        return g.indexToPatient((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, (g.sizeZ() - 1) / 2.0);
    }
}
