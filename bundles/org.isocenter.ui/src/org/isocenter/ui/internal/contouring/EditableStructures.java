/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PlatformUI;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * The structure set being contoured (UI thread only), shared by the Structures view and the Image Viewer: the
 * structures of the viewer's primary image as imported (or an empty set when the image has none), replaced as a
 * whole by every edit. Every edit runs as an undoable operation in the workbench's operation history (workbench
 * undo context), so Edit ▸ Undo / Redo, Ctrl+Z and Ctrl+Y step through them. Also holds what is only display
 * state: the selected structure (the drawing target), hidden structures, a transient set while a stroke is being
 * drawn, and the preview of a dialog's result. Loading another image clears the history of its edits.
 */
public final class EditableStructures {

    /** The RT ROI Interpreted Types offered when a structure is created or its type changed. */
    public static final List<String> TYPES = List.of("ORGAN", "PTV", "CTV", "GTV", "EXTERNAL", "AVOIDANCE", "CONTROL",
            "BOLUS", "CAVITY", "SUPPORT", "MARKER", "ISOCENTER");

    /**
     * The colour a preview is created with (dialogs' and the Margin Policy view's PTV); the views draw previews in
     * {@link #previewColour()}, a colour no structure of the set uses.
     */
    public static final int[] PREVIEW_RGB = { 255, 0, 255 };

    private static final EditableStructures INSTANCE = new EditableStructures();

    private ImageVolume image;
    private SeriesRecord imageSeries;
    private Path importedFile;
    private Path savedFile;
    private StructureSet set;
    private StructureSet transientSet;
    private Roi preview;
    private final Set<Integer> hidden = new HashSet<>();
    private int selected = -1;
    private boolean dirty;
    private final Map<Roi, StructureStatistics> statistics = new IdentityHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The workbench's one contouring session. */
    public static EditableStructures get() {
        return INSTANCE;
    }

    /**
     * Starts contouring on an image: its imported structure set (with the file it came from), or an empty set
     * labelled for the image when {@code imported} is null. Earlier edits leave the undo history.
     */
    public void load(ImageVolume primary, SeriesRecord series, StructureSet imported, Path file) {
        disposeHistory();
        image = primary;
        imageSeries = series;
        importedFile = imported == null ? null : file;
        savedFile = null;
        set = imported != null ? imported
                : new StructureSet("ISOCENTER", primary.patient(), primary.frameOfReferenceUid(),
                        primary.info().seriesInstanceUid(), List.of());
        transientSet = null;
        preview = null;
        hidden.clear();
        statistics.clear();
        dirty = false;
        selected = set.firstTarget().or(() -> set.rois().stream().findFirst()).map(Roi::number).orElse(-1);
        changed();
    }

    /** Nothing to contour (Close Patient). */
    public void clear() {
        disposeHistory();
        image = null;
        imageSeries = null;
        importedFile = null;
        savedFile = null;
        set = null;
        transientSet = null;
        preview = null;
        hidden.clear();
        statistics.clear();
        selected = -1;
        dirty = false;
        changed();
    }

    private void disposeHistory() {
        if (PlatformUI.isWorkbenchRunning()) {
            history().dispose(undoContext(), true, true, false);
        }
    }

    public boolean isLoaded() {
        return set != null;
    }

    /** The structure set as edited (without transient strokes or previews); null when nothing is loaded. */
    public StructureSet set() {
        return set;
    }

    /** What the views draw: the set (or the stroke being drawn) plus the dialog's preview, if any. */
    public StructureSet displayed() {
        StructureSet s = transientSet != null ? transientSet : set;
        if (s == null || preview == null) {
            return s;
        }
        List<Roi> rois = new ArrayList<>(s.rois());
        rois.add(new Roi(nextNumber(s), preview.name(), previewColour(s), preview.interpretedType(), preview.contours()));
        return new StructureSet(s.label(), s.patient(), s.frameOfReferenceUid(), s.referencedSeriesInstanceUid(), rois);
    }

    public ImageVolume image() {
        return image;
    }

    public SeriesRecord imageSeries() {
        return imageSeries;
    }

    /** The RT Structure Set file the structures were imported from, null when they were not. */
    public Path importedFile() {
        return importedFile;
    }

    /** The file of the last Save as new RTSTRUCT, null before one. */
    public Path savedFile() {
        return savedFile;
    }

    /** Whether there are edits since loading or the last save. */
    public boolean isDirty() {
        return dirty;
    }

    /** Records a save (edits so far are in {@code file}). */
    public void markSaved(Path file) {
        savedFile = file;
        dirty = false;
        changed();
    }

    /**
     * Before Close Patient, loading another image or Exit: when there are unsaved edits, asks Save / Discard /
     * Cancel ({@link UnsavedEdits}); true when there are none, they were saved, or the user discards them.
     */
    public boolean confirmDiscard(String action) {
        return UnsavedEdits.resolve(this, action);
    }

    // ---- selection and visibility (display state, not undoable) ---------------------------------------------

    /** The drawing target. */
    public Optional<Roi> selected() {
        return set == null ? Optional.empty() : roi(selected);
    }

    public void select(int roiNumber) {
        if (selected != roiNumber) {
            selected = roiNumber;
            changed();
        }
    }

    public Optional<Roi> roi(int number) {
        return set == null ? Optional.empty() : set.rois().stream().filter(r -> r.number() == number).findFirst();
    }

    public boolean isVisible(int roiNumber) {
        return !hidden.contains(roiNumber);
    }

    public void setVisible(int roiNumber, boolean visible) {
        if (visible ? hidden.remove(roiNumber) : hidden.add(roiNumber)) {
            changed();
        }
    }

    /** ROI numbers not drawn. */
    public Set<Integer> hiddenNumbers() {
        return Set.copyOf(hidden);
    }

    /**
     * Shows a computed result before it is accepted (null: none): the margin / boolean / threshold dialogs' preview
     * and the Margin Policy view's PTV preview share this one preview, the last one set is shown.
     */
    public void setPreview(Roi result) {
        preview = result;
        changed();
    }

    public Roi preview() {
        return preview;
    }

    /** The colour previews are drawn in: one far from every structure colour of the set (never the Bladder's yellow). */
    public int[] previewColour() {
        StructureSet s = transientSet != null ? transientSet : set;
        return s == null ? PREVIEW_RGB.clone() : previewColour(s);
    }

    private static int[] previewColour(StructureSet s) {
        return StructureDefaults.previewColour(s.rois().stream().map(Roi::colorRgb).toList());
    }

    /** Shows a stroke while it is being drawn, without an undo step (null: the set again). */
    public void showTransient(StructureSet s) {
        transientSet = s;
        changed();
    }

    // ---- geometry helpers ----------------------------------------------------------------------------------

    /** Volume, centre of mass and bounds of a structure (cached per structure version). */
    public StructureStatistics statistics(Roi roi) {
        return statistics.computeIfAbsent(roi, r -> StructureStatistics.of(slabs(r)));
    }

    /**
     * A structure as slabs the way the image views draw it: contours drawn on the image's slices cover their own
     * slice only (a structure drawn on two slices shows, and counts, on those two until it is interpolated); other
     * contours their contour spacing (DICOM convention).
     */
    public RoiSlabs slabs(Roi roi) {
        return RoiSlabs.onImage(roi, image.geometry());
    }

    /** The image's slices: where computed structures get their contours. */
    public OutputPlanes planes() {
        return OutputPlanes.onImage(image.geometry());
    }

    /** The z (mm) of the image's axial slices, increasing: where edits drawn on sagittal or coronal views land. */
    public double[] sliceZs() {
        return planes().zMm();
    }

    /** The z (mm) of the image slice nearest to {@code zMm}: the plane a hand edit goes to. */
    public double sliceZ(double zMm) {
        VolumeGeometry g = image.geometry();
        Vector3 origin = g.indexToPatient(0, 0, 0);
        double k = g.patientToIndex(new Vector3(origin.x(), origin.y(), zMm)).z();
        int slice = (int) Math.max(0, Math.min(g.sizeZ() - 1, Math.round(k)));
        return g.indexToPatient(0, 0, slice).z();
    }

    /** A ROI number not used in the set. */
    public int nextNumber() {
        return nextNumber(set);
    }

    private static int nextNumber(StructureSet s) {
        return s.rois().stream().mapToInt(Roi::number).max().orElse(0) + 1;
    }

    /**
     * A display colour for a new structure: the TG-263-aware conventional colour of its name (else of its type),
     * or one distinct from the set's colours when that is taken ({@link StructureDefaults}).
     */
    public int[] colourFor(String name, String type) {
        return StructureDefaults.colourFor(name, type, set.rois().stream().map(Roi::colorRgb).toList());
    }

    /** Whether another structure than {@code exceptNumber} has this name (ignoring case). */
    public boolean nameTaken(String name, int exceptNumber) {
        return set.rois().stream().anyMatch(r -> r.number() != exceptNumber && r.name().equalsIgnoreCase(name.trim()));
    }

    /** {@code base}, or base_2, base_3 ... when taken. */
    public String uniqueName(String base) {
        String name = base;
        for (int n = 2; nameTaken(name, -1); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Why a name cannot be used for structure {@code number} (-1: a new one), or null when it can. */
    public String nameProblem(String name, int number) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 64) {
            return Messages.EditableStructures_nameLength;
        }
        if (n.contains("\\")) {
            return Messages.EditableStructures_nameBackslash;
        }
        if (nameTaken(n, number)) {
            return NLS.bind(Messages.EditableStructures_nameTaken, n);
        }
        return null;
    }

    // ---- edits (undoable) ----------------------------------------------------------------------------------

    /** The workbench's undo context, to which every structure edit belongs. */
    public IUndoContext undoContext() {
        return PlatformUI.getWorkbench().getOperationSupport().getUndoContext();
    }

    public static IOperationHistory history() {
        return PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
    }

    /**
     * Replaces the set by {@code after} as one undoable step named {@code label}, selecting {@code selectAfter}
     * (-1: keep). Nothing happens when {@code after} is the current set.
     */
    public void apply(String label, StructureSet after, int selectAfter) {
        if (set == null || after == set) {
            showTransient(null);
            return;
        }
        var op = new StructureEditOperation(label, this, set, after, selectAfter);
        op.addContext(undoContext());
        try {
            history().execute(op, null, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("structure edit '" + label + "' failed: " + e.getMessage(), e);
        }
    }

    /** Adds a structure (a new ROI number, a colour from its name and type, distinct from the set's) and selects it. */
    public Roi add(String label, String name, String type, List<Contour> contours) {
        String problem = nameProblem(name, -1);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Roi roi = new Roi(nextNumber(), name.trim(), colourFor(name.trim(), type), type, contours);
        apply(label, with(roi), roi.number());
        return roi;
    }

    /** The set with {@code roi} replacing the one of its number, or added when the number is new. */
    public StructureSet with(Roi roi) {
        List<Roi> rois = new ArrayList<>(set.rois());
        boolean replaced = false;
        for (int i = 0; i < rois.size(); i++) {
            if (rois.get(i).number() == roi.number()) {
                rois.set(i, roi);
                replaced = true;
            }
        }
        if (!replaced) {
            rois.add(roi);
        }
        return copy(rois);
    }

    /** The set without structure {@code number}. */
    public StructureSet without(int number) {
        return copy(set.rois().stream().filter(r -> r.number() != number).toList());
    }

    private StructureSet copy(List<Roi> rois) {
        return new StructureSet(set.label(), set.patient(), set.frameOfReferenceUid(), set.referencedSeriesInstanceUid(),
                rois);
    }

    /** Called by the operations: the set becomes {@code s}. */
    void replace(StructureSet s, int selectAfter) {
        set = s;
        transientSet = null;
        dirty = true;
        if (selectAfter >= 0) {
            selected = selectAfter;
        }
        if (roi(selected).isEmpty()) {
            selected = s.rois().isEmpty() ? -1 : s.rois().get(s.rois().size() - 1).number();
        }
        statistics.keySet().removeIf(r -> s.rois().stream().noneMatch(kept -> kept == r));
        changed();
    }

    // ---- listeners -----------------------------------------------------------------------------------------

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
