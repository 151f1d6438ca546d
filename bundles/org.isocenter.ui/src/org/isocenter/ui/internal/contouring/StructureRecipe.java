/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.isocenter.contour.BooleanOperation;
import org.isocenter.contour.MarginResult;
import org.isocenter.contour.Margins;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureBooleans;
import org.isocenter.contour.StructureMargins;
import org.isocenter.contour.ThresholdContouring;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;

/**
 * A structure to compute from the session's structures or image by the contour bundle (margin, boolean, ring,
 * crop, threshold), captured on the UI thread as immutable inputs so that it can run in a job: what it is
 * ({@link #description()}, also the undo label), how to compute its contours on the image's slices, and what the
 * last computation noted for the user ({@link #notes()}, e.g. a margin cut where the image ends).
 */
public record StructureRecipe(String description, Function<ProgressMonitor, List<Contour>> computation,
        List<String> notes) {

    /** A recipe whose computation notes nothing. */
    public StructureRecipe(String description, Function<ProgressMonitor, List<Contour>> computation) {
        this(description, computation, List.of());
    }

    /** The six-way result of a boolean dialog: the four set operations, a ring around A, A cropped inside B. */
    public enum Kind {
        UNION(Messages.StructureRecipe_kindUnion), INTERSECTION(Messages.StructureRecipe_kindIntersection),
        SUBTRACTION(Messages.StructureRecipe_kindSubtraction), XOR(Messages.StructureRecipe_kindXor),
        RING(Messages.StructureRecipe_kindRing), CROP(Messages.StructureRecipe_kindCrop);

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the operation reads structure B. */
        public boolean needsB() {
            return this != RING;
        }
    }

    /** The notes of the last computation as one line, "" when none. */
    public String notesText() {
        return notes.isEmpty() ? "" : NLS.bind(Messages.StructureRecipe_notes, String.join("; ", notes));
    }

    /** Computes the contours (in the calling thread: a job's). */
    public List<Contour> compute(ProgressMonitor monitor) {
        return computation.apply(monitor);
    }

    /** {@code source} grown (shrunk, for negative values) by exact anisotropic margins. */
    public static StructureRecipe margin(EditableStructures session, Roi source, Margins margins) {
        RoiSlabs slabs = checkedSlabs(session, source);
        OutputPlanes planes = session.planes();
        List<String> notes = new CopyOnWriteArrayList<>();
        return new StructureRecipe(NLS.bind(Messages.StructureRecipe_margin, source.name(), margins), m -> {
            MarginResult result = StructureMargins.compute(slabs, margins, planes, m);
            notes.clear();
            notes.addAll(result.notes());
            return result.contours();
        }, notes);
    }

    /**
     * A boolean combination of A and B, a ring around A (A + outer minus A + inner, isotropic mm), or A cropped to
     * stay {@code cropInsetMm} inside B.
     */
    public static StructureRecipe combine(EditableStructures session, Roi a, Kind kind, Roi b, double ringInnerMm,
            double ringOuterMm, double cropInsetMm) {
        RoiSlabs sa = checkedSlabs(session, a);
        RoiSlabs sb = kind.needsB() ? checkedSlabs(session, b) : null;
        OutputPlanes planes = session.planes();
        return switch (kind) {
        case RING -> {
            if (!(ringOuterMm > ringInnerMm)) {
                throw new IllegalArgumentException(Messages.StructureRecipe_ringOrder);
            }
            yield new StructureRecipe(NLS.bind(Messages.StructureRecipe_ring, new Object[] { a.name(),
                    String.format(Locale.ROOT, "%+.1f", ringInnerMm), String.format(Locale.ROOT, "%+.1f", ringOuterMm) }),
                    m -> StructureBooleans.ring(sa, Margins.isotropic(ringInnerMm),
                            Margins.isotropic(ringOuterMm), planes, m));
        }
        case CROP -> {
            if (cropInsetMm < 0) {
                throw new IllegalArgumentException(Messages.StructureRecipe_cropInsetNegative);
            }
            yield new StructureRecipe(NLS.bind(Messages.StructureRecipe_crop, new Object[] { a.name(), b.name(),
                    String.format(Locale.ROOT, "%.1f", cropInsetMm) }), m -> StructureBooleans.cropInside(sa, sb, cropInsetMm, planes, m));
        }
        default -> {
            BooleanOperation op = BooleanOperation.valueOf(kind.name());
            String description = switch (kind) {
            case UNION -> Messages.StructureRecipe_union;
            case INTERSECTION -> Messages.StructureRecipe_intersection;
            case SUBTRACTION -> Messages.StructureRecipe_subtraction;
            default -> Messages.StructureRecipe_xor;
            };
            yield new StructureRecipe(NLS.bind(description, a.name(), b.name()),
                    m -> StructureBooleans.apply(op, sa, sb, planes));
        }
        };
    }

    /** The image's region in [lower, upper] (HU), keeping all, the largest part, or the part at the seed. */
    public static StructureRecipe threshold(ImageVolume image, double lower, double upper,
            ThresholdContouring.Connectivity connectivity, Vector3 seedMm, boolean fillHoles) {
        return new StructureRecipe(NLS.bind(fillHoles ? Messages.StructureRecipe_thresholdFilled : Messages.StructureRecipe_threshold,
                new Object[] { String.format(Locale.ROOT, "%.0f", lower), String.format(Locale.ROOT, "%.0f", upper), image.unit(),
                        connectivity.name().toLowerCase(Locale.ROOT).replace('_', ' ') }),
                m -> ThresholdContouring.contour(image, lower, upper, connectivity, seedMm, fillHoles, m));
    }

    private static RoiSlabs checkedSlabs(EditableStructures session, Roi roi) {
        if (roi == null) {
            throw new IllegalArgumentException(Messages.StructureRecipe_chooseStructure);
        }
        RoiSlabs s = session.slabs(roi);
        if (s.slabCount() == 0) {
            throw new IllegalArgumentException(NLS.bind(Messages.StructureRecipe_noClosedContours, roi.name()));
        }
        return s;
    }
}
