/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PerspectiveAdapter;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.session.SessionRefusedException;
import org.isocenter.core.structure.Roi;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.MatchInputs;
import org.isocenter.igrt.MatchOutcome;
import org.isocenter.igrt.MatchProtocol;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.render.FusionMode;
import org.isocenter.render.FusionSettings;
import org.isocenter.render.Interpolation;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.StructureStyle;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.SliceEditor;
import org.isocenter.ui.internal.jobs.EclipseProgress;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;
import org.isocenter.ui.internal.viewer.CouchCorrectionPanel;
import org.isocenter.ui.internal.viewer.IgrtDecisions;
import org.isocenter.ui.internal.viewer.SliceCanvas;
import org.isocenter.ui.internal.viewer.SurfaceCanvas;
import org.isocenter.ui.internal.viewer.ViewerContent;
import org.isocenter.ui.internal.viewer.ViewerLoader;
import org.isocenter.ui.internal.viewer.ViewerModel;
import org.isocenter.ui.internal.viewer.ViewerModel.TransformParameters;

/**
 * The image viewer: linked axial, sagittal and coronal views of the image series selected in the Patient
 * Browser (patient LPS frame, shared crosshair, zoom and pan), with structure, dose and isocenter overlays, a 3D
 * view, and fusion of a secondary image (e.g. the daily CBCT) through an editable rigid transform: changing the
 * transform (spinners, auto match on bone or soft tissue) updates all views and the IGRT shift table (couch
 * correction in IEC 61217 terms, accept / reject) at once. Patient, image date and Frame of Reference are shown in
 * every view. Contouring: the structures are the shared {@link EditableStructures} (edits from the Structures view
 * and the drawing tools show at once); the tool row chooses what the left button does in the slice views.
 */
public final class ImageViewerView extends ViewPart {

    private final ViewerModel model = new ViewerModel();
    private final List<SliceCanvas> slices = new ArrayList<>();
    private final OpenTimes openTimes = new OpenTimes();
    private SurfaceCanvas surface;
    private Label readout;
    private Combo windowCombo;
    private Combo secondaryCombo;
    private Combo modeCombo;
    private final Spinner[] transformSpinners = new Spinner[6];
    private List<SeriesRecord> secondaryCandidates = List.of();
    private SeriesRecord primarySeries, secondarySeries;
    /** The last series asked for by {@link #show(SeriesRecord, SeriesRecord)} (loading or shown); null after a close. */
    private SeriesRecord requestedSeries, requestedStructures;
    private CouchCorrectionPanel couch;
    private boolean updatingControls;
    private final EditableStructures structures = EditableStructures.get();
    private final SliceEditor editor = new SliceEditor(structures);
    private Label drawingTarget;
    private final List<Button> toolButtons = new ArrayList<>();
    private final Runnable structuresListener = this::structuresChanged;
    private final List<Control> igrtRows = new ArrayList<>();
    private Control couchRow;
    private Label loadNote;
    private Color noteColour;
    private String perspectiveId = "";
    private Control contourRow;
    private final PerspectiveAdapter perspectiveListener = new PerspectiveAdapter() {
        @Override
        public void perspectiveActivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
            showRowsFor(perspective.getId());
        }
    };

    /** An image series selected in the Patient Browser is shown; an RT Structure Set, with the image it contours. */
    private final ISelectionListener selectionListener = (part, selection) -> {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof SeriesRecord series) {
            if (series.isImageSeries()) {
                show(series);
            } else if (series.modality().equals("RTSTRUCT")) {
                Optional<SeriesRecord> image = PatientSession.get().imageSeriesFor(series);
                if (image.isPresent()) {
                    show(image.get(), series);
                } else {
                    model.setMessage(Messages.ImageViewerView_structureSetImageNotImported);
                }
            }
        }
    };

    /** File ▸ Close Patient empties the viewer. */
    private final Runnable closeListener = () -> Display.getDefault().asyncExec(() -> {
        requestedSeries = null;
        model.clear(Messages.ImageViewerView_noPatient);
        structures.clear();
        refreshControls();
    });

    @Override
    public void createPartControl(Composite parent) {
        GridLayout rows = new GridLayout(1, false);
        rows.marginHeight = 1; // the images keep the room
        rows.marginWidth = 2;
        rows.verticalSpacing = 2;
        parent.setLayout(rows);
        // display and fusion controls share one wrapping row (two lines at 1280 px rather than three)
        Composite controls = toolbarRow(parent);
        createDisplayControls(controls);
        int displayCount = controls.getChildren().length;
        createFusionControls(controls);
        Control[] all = controls.getChildren();
        // "Fuse with", the image, the mode and the opacity stay in every perspective (a fused image can always be
        // turned off); the transform, Auto match and Identity are the Registration perspective's
        for (int i = displayCount + FUSION_BASICS; i < all.length; i++) {
            igrtRows.add(all[i]);
        }
        couch = new CouchCorrectionPanel(parent, model, () -> new SeriesRecord[] { primarySeries, secondarySeries });
        couchRow = lastChild(parent);
        createContouringControls(parent);
        contourRow = lastChild(parent);
        Composite grid = new Composite(parent, SWT.NONE);
        GridData gridData = new GridData(SWT.FILL, SWT.FILL, true, true);
        gridData.widthHint = 100; // the view's size decides, not the panes' preferred size
        gridData.heightHint = 100;
        grid.setLayoutData(gridData);
        GridLayout gl = new GridLayout(2, true);
        gl.marginWidth = gl.marginHeight = 0;
        gl.horizontalSpacing = gl.verticalSpacing = 2;
        grid.setLayout(gl);
        for (SlicePlane plane : new SlicePlane[] { SlicePlane.AXIAL, SlicePlane.SAGITTAL, SlicePlane.CORONAL }) {
            SliceCanvas c = new SliceCanvas(grid, plane, model, this::readout);
            c.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            slices.add(c);
            c.setEditor(editor);
        }
        surface = new SurfaceCanvas(grid, model);
        surface.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        loadNote = new Label(parent, SWT.WRAP);
        GridData noteData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        noteData.widthHint = 100; // wraps to the view's width
        loadNote.setLayoutData(noteData);
        noteColour = new Color(parent.getDisplay(), 255, 236, 140);
        loadNote.setBackground(noteColour);
        loadNote.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        shown(loadNote, false);
        readout = new Label(parent, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readout.setText(Messages.ImageViewerView_mouseHelp);
        model.addListener(() -> {
            slices.forEach(SliceCanvas::redraw);
            surface.redraw();
            showLoadNote();
        });
        getSite().getWorkbenchWindow().getSelectionService().addPostSelectionListener(IsocenterUi.VIEW_PATIENT_BROWSER,
                selectionListener);
        LoadedPatient.addListener(closeListener);
        structures.addListener(structuresListener);
        new UndoRedoActionGroup(getSite(), structures.undoContext(), true).fillActionBars(getViewSite().getActionBars());
        getSite().getWorkbenchWindow().addPerspectiveListener(perspectiveListener);
        IPerspectiveDescriptor current = getSite().getPage().getPerspective();
        showRowsFor(current == null ? "" : current.getId());
        refreshControls();
    }

    /**
     * The cursor readout (position, voxel, value, dose) or a hint: under the images, and in the window's status line
     * (where it stays when Registration / IGRT gives the line under the images to the images).
     */
    private void readout(String text) {
        if (readout == null || readout.isDisposed()) {
            return;
        }
        readout.setText(text);
        getViewSite().getActionBars().getStatusLineManager().setMessage(text);
    }

    private static Control lastChild(Composite parent) {
        Control[] children = parent.getChildren();
        return children[children.length - 1];
    }

    /**
     * The rows a perspective needs: the display controls and the fused image (Fuse with, mode, opacity) everywhere, so
     * that a fused image can always be turned off; the contouring tools in Contouring; the transform, Auto match,
     * Identity and the couch correction table in Registration / IGRT only (there the cursor readout goes to the
     * status line). Outside Contouring the tools go back to Navigate.
     */
    /** The first controls of the fusion row shown in every perspective: "Fuse with", image, mode, opacity. */
    private static final int FUSION_BASICS = 4;
    private Scale opacityScale;

    private void showRowsFor(String perspectiveId) {
        if (contourRow == null || contourRow.isDisposed()) {
            return;
        }
        perspectiveId = perspectiveId == null ? "" : perspectiveId;
        boolean contouring = IsocenterUi.PERSPECTIVE_CONTOURING.equals(perspectiveId);
        boolean registration = IsocenterUi.PERSPECTIVE_REGISTRATION.equals(perspectiveId);
        boolean changed = !perspectiveId.equals(this.perspectiveId);
        this.perspectiveId = perspectiveId;
        for (Control c : igrtRows) {
            changed |= shown(c, registration);
        }
        boolean fused = model.scene() != null && model.scene().secondary().isPresent();
        changed |= shown(modeCombo, fused); // the fusion mode and opacity only with something fused
        changed |= shown(opacityScale, fused);
        changed |= shown(contourRow, contouring);
        if (readout != null) {
            changed |= shown(readout, !IsocenterUi.PERSPECTIVE_REGISTRATION.equals(perspectiveId));
        }
        changed |= shown(couchRow, registration);
        if (!contouring && editor.tool() != SliceEditor.Tool.NAVIGATE) {
            editor.setTool(SliceEditor.Tool.NAVIGATE);
        }
        if (changed) {
            contourRow.getParent().layout(true, true);
        }
    }

    /** Shows or hides a row (or a control of a wrapping row); whether that changed anything. */
    private static boolean shown(Control c, boolean show) {
        boolean was = c.getVisible();
        if (c.getLayoutData() instanceof GridData d) {
            d.exclude = !show;
        } else if (c.getParent().getLayout() instanceof RowLayout) {
            RowData d = c.getLayoutData() instanceof RowData r ? r : new RowData();
            d.exclude = !show;
            c.setLayoutData(d);
        }
        c.setVisible(show);
        return was != show;
    }

    /** The yellow note under the images: what the last load left out or chose, and why (hidden when nothing). */
    private void showLoadNote() {
        if (loadNote == null || loadNote.isDisposed()) {
            return;
        }
        String text = model.message() == null ? String.join("\n", model.warnings()) : "";
        if (!text.equals(loadNote.getText()) || loadNote.getVisible() == text.isEmpty()) {
            loadNote.setText(text);
            shown(loadNote, !text.isEmpty());
            loadNote.getParent().layout(true, true);
        }
    }

    /** The yellow load note's text ("" when hidden; tests). */
    public String loadNoteText() {
        return loadNote != null && loadNote.isVisible() ? loadNote.getText() : "";
    }

    /** Whether the couch correction table is shown (Registration, or a fused daily image; tests). */
    public boolean couchCorrectionShown() {
        return couchRow != null && couchRow.isVisible();
    }

    /** Whether "Fuse with" (image, mode, opacity) is shown: in every perspective (tests). */
    public boolean fusionChoiceShown() {
        return secondaryCombo != null && secondaryCombo.isVisible();
    }

    /** Whether the transform, Auto match and Identity are shown: Registration / IGRT only (tests). */
    public boolean registrationControlsShown() {
        return transformSpinners[0] != null && transformSpinners[0].isVisible();
    }

    /** Chooses the fused image as a user does in "Fuse with" (0: none; tests). */
    public void chooseFused(int index) {
        secondaryCombo.select(index);
        secondaryCombo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** Whether the contouring tool row is shown (the Contouring perspective; tests). */
    public boolean contouringToolsShown() {
        return contourRow != null && contourRow.isVisible();
    }

    /** The tool row: what the left button does in the slice views, the brush size and the structure drawn into. */
    private void createContouringControls(Composite parent) {
        Composite row = toolbarRow(parent);
        new Label(row, SWT.NONE).setText(Messages.ImageViewerView_contour);
        for (SliceEditor.Tool t : SliceEditor.Tool.values()) {
            Button b = new Button(row, SWT.RADIO);
            b.setText(t.label());
            b.setSelection(t == editor.tool());
            b.setData(t);
            b.addListener(SWT.Selection, e -> {
                if (b.getSelection()) {
                    editor.setTool(t);
                    readout(editor.hint());
                }
            });
            toolButtons.add(b);
        }
        new Label(row, SWT.NONE).setText("  " + Messages.ImageViewerView_brushRadius);
        Spinner radius = new Spinner(row, SWT.BORDER);
        radius.setDigits(1);
        radius.setMinimum(5);
        radius.setMaximum(500);
        radius.setIncrement(5);
        radius.setSelection((int) Math.round(editor.brushRadiusMm() * 10));
        radius.setToolTipText(Messages.ImageViewerView_brushRadiusTooltip);
        radius.addListener(SWT.Selection, e -> editor.setBrushRadiusMm(radius.getSelection() / 10.0));
        drawingTarget = new Label(row, SWT.NONE);
        editor.addListener(() -> {
            for (Button b : toolButtons) {
                b.setSelection(b.getData() == editor.tool());
            }
            radius.setSelection((int) Math.round(editor.brushRadiusMm() * 10));
            slices.get(0).redraw();
        });
        updateDrawingTarget();
    }

    private void updateDrawingTarget() {
        if (drawingTarget == null || drawingTarget.isDisposed()) {
            return;
        }
        drawingTarget.setText("  " + structures.selected().map(r -> NLS.bind(Messages.ImageViewerView_drawingInto, r.name()))
                .orElse(Messages.ImageViewerView_drawingIntoNone));
        drawingTarget.getParent().layout();
    }

    /** The shared structures changed (an edit, undo, visibility, selection, preview): redraw with them. */
    private void structuresChanged() {
        if (readout == null || readout.isDisposed()) {
            return;
        }
        if (model.scene() != null && structures.isLoaded() && structures.image() == model.scene().primary()) {
            model.setStructures(structures.displayed(), structures.hiddenNumbers());
        }
        updateDrawingTarget();
    }

    private void createDisplayControls(Composite row) {
        new Label(row, SWT.NONE).setText(Messages.ImageViewerView_window);
        windowCombo = new Combo(row, SWT.READ_ONLY);
        for (WindowLevel w : WindowLevel.presets()) {
            windowCombo.add(w.name());
        }
        windowCombo.addListener(SWT.Selection, e -> {
            WindowLevel w = WindowLevel.presets()[windowCombo.getSelectionIndex()];
            model.setSettings(model.settings().withPrimaryWindow(w).withSecondaryWindow(w));
        });
        new Label(row, SWT.NONE).setText("  " + Messages.ImageViewerView_structures);
        Combo structures = new Combo(row, SWT.READ_ONLY);
        structures.setItems(Messages.ImageViewerView_styleOutline, Messages.ImageViewerView_styleFilled,
                Messages.ImageViewerView_styleHidden);
        structures.select(0);
        structures.addListener(SWT.Selection, e -> model.setSettings(model.settings().withStructureStyle(
                new StructureStyle[] { StructureStyle.OUTLINE, StructureStyle.FILLED, StructureStyle.HIDDEN }[structures
                        .getSelectionIndex()])));
        Button wash = check(row, Messages.ImageViewerView_doseWash, true);
        Button lines = check(row, Messages.ImageViewerView_isodoseLines, true);
        Runnable doseChanged = () -> {
            var d = model.settings().dose();
            if (d != null) {
                model.setSettings(model.settings().withDose(d.withWash(wash.getSelection()).withLines(lines.getSelection())));
            }
        };
        wash.addListener(SWT.Selection, e -> doseChanged.run());
        lines.addListener(SWT.Selection, e -> doseChanged.run());
        Button iso = check(row, Messages.ImageViewerView_isocenter, true);
        iso.addListener(SWT.Selection, e -> model.setSettings(model.settings().withIsocenter(iso.getSelection())));
        Button bone = check(row, Messages.ImageViewerView_bone3d, true);
        bone.addListener(SWT.Selection, e -> surface.setBoneVisible(bone.getSelection()));
        Button smooth = check(row, Messages.ImageViewerView_smooth, false);
        smooth.addListener(SWT.Selection, e -> model.setSettings(model.settings().withInterpolation(
                smooth.getSelection() ? Interpolation.LINEAR : Interpolation.NEAREST)));
    }

    /** A row of controls that wraps to the view's width. */
    private static Composite toolbarRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginTop = layout.marginBottom = 0;
        layout.spacing = 2;
        row.setLayout(layout);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 100;
        row.setLayoutData(data);
        return row;
    }

    private static Button check(Composite parent, String text, boolean selected) {
        Button b = new Button(parent, SWT.CHECK);
        b.setText(text);
        b.setSelection(selected);
        return b;
    }

    private void createFusionControls(Composite row) {
        new Label(row, SWT.NONE).setText("  " + Messages.ImageViewerView_fuseWith);
        secondaryCombo = new Combo(row, SWT.READ_ONLY);
        secondaryCombo.addListener(SWT.Selection, e -> {
            int i = secondaryCombo.getSelectionIndex();
            if (i <= 0) {
                secondarySeries = null;
                model.clearSecondary();
                refreshControls(); // no transform, source or couch values of the image that was fused
            } else {
                loadSecondary(secondaryCandidates.get(i - 1));
            }
        });
        modeCombo = new Combo(row, SWT.READ_ONLY);
        for (FusionMode m : FusionMode.values()) {
            modeCombo.add(m.label());
        }
        modeCombo.addListener(SWT.Selection, e -> {
            var f = model.settings().fusion();
            if (f != null) {
                model.setSettings(model.settings().withFusion(f.withMode(FusionMode.values()[modeCombo.getSelectionIndex()])));
            }
        });
        Scale opacity = new Scale(row, SWT.HORIZONTAL);
        opacityScale = opacity;
        opacity.setMinimum(0);
        opacity.setMaximum(100);
        opacity.setSelection(50);
        opacity.setToolTipText(Messages.ImageViewerView_opacityTooltip);
        opacity.addListener(SWT.Selection, e -> {
            var f = model.settings().fusion();
            if (f != null) {
                model.setSettings(model.settings().withFusion(f.withOpacity(opacity.getSelection() / 100.0)));
            }
        });
        String[] names = { "x", "y", "z", "Rx", "Ry", "Rz" };
        for (int i = 0; i < 6; i++) {
            new Label(row, SWT.NONE).setText(i < 3 ? names[i] + " mm" : names[i] + " °");
            Spinner s = new Spinner(row, SWT.BORDER);
            s.setDigits(1);
            s.setMinimum(i < 3 ? -5000 : -1800);
            s.setMaximum(i < 3 ? 5000 : 1800);
            s.setIncrement(i < 3 ? 10 : 5); // 1 mm, 0.5 degree
            s.setToolTipText(i < 3 ? Messages.ImageViewerView_translationTooltip : Messages.ImageViewerView_rotationTooltip);
            s.addListener(SWT.Selection, e -> spinnersChanged());
            transformSpinners[i] = s;
        }
        Button auto = new Button(row, SWT.PUSH);
        auto.setText(Messages.ImageViewerView_autoMatch);
        auto.setToolTipText(Messages.ImageViewerView_autoMatchTooltip);
        auto.addListener(SWT.Selection, e -> autoMatch());
        Button reset = new Button(row, SWT.PUSH);
        reset.setText(Messages.ImageViewerView_identity);
        reset.addListener(SWT.Selection, e -> {
            if (model.scene() != null && model.scene().secondary().isPresent()) {
                model.setTransform(TransformParameters.IDENTITY, "identity (no correction)");
                refreshControls();
            }
        });
    }

    private void spinnersChanged() {
        if (updatingControls || model.scene() == null || model.scene().secondary().isEmpty()) {
            return;
        }
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            v[i] = transformSpinners[i].getSelection() / 10.0;
        }
        model.setTransform(new TransformParameters(v[0], v[1], v[2], v[3], v[4], v[5]), "manual");
        couch.setTransformNote("manual");
    }

    /** Puts the model's state into the controls (without triggering their listeners). */
    private void refreshControls() {
        if (windowCombo == null || windowCombo.isDisposed()) {
            return;
        }
        showRowsFor(perspectiveId); // the couch table follows the fused image
        updatingControls = true;
        try {
            windowCombo.setText(model.settings().primaryWindow().name());
            WindowLevel[] presets = WindowLevel.presets();
            for (int i = 0; i < presets.length; i++) {
                if (presets[i].equals(model.settings().primaryWindow())) {
                    windowCombo.select(i);
                }
            }
            secondaryCombo.removeAll();
            secondaryCombo.add(Messages.ImageViewerView_noSecondary);
            for (SeriesRecord s : secondaryCandidates) {
                secondaryCombo.add(s.modality() + " " + s.description());
            }
            int selected = 0;
            var sec = model.scene() == null ? null : model.scene().secondary().orElse(null);
            for (int i = 0; sec != null && i < secondaryCandidates.size(); i++) {
                if (secondaryCandidates.get(i).seriesInstanceUid().equals(sec.info().seriesInstanceUid())) {
                    selected = i + 1;
                }
            }
            secondaryCombo.select(selected);
            var f = model.settings().fusion();
            modeCombo.select(f == null ? FusionMode.CHECKERBOARD.ordinal() : f.mode().ordinal());
            TransformParameters p = model.transform();
            double[] v = { p.txMm(), p.tyMm(), p.tzMm(), p.rxDeg(), p.ryDeg(), p.rzDeg() };
            for (int i = 0; i < 6; i++) {
                transformSpinners[i].setSelection((int) Math.round(v[i] * 10));
                transformSpinners[i].setEnabled(sec != null);
            }
            couch.setTransformNote(sec == null ? "" : model.transformSource());
        } finally {
            updatingControls = false;
        }
    }

    /** Loads the series (and what belongs to it) in a job, then shows it in all views. */
    public void show(SeriesRecord series) {
        show(series, null);
    }

    /**
     * Loads an image series with a given RT Structure Set that references it (null: the default choice); nothing
     * happens when exactly this is shown, without unsaved structure edits, or being loaded already (a selection event
     * repeated when a part activates). With unsaved edits, showing the same series again asks to discard them.
     */
    public void show(SeriesRecord series, SeriesRecord structureSet) {
        if (series.equals(requestedSeries) && Objects.equals(structureSet, requestedStructures)
                && !(structures.isLoaded() && structures.isDirty())) {
            return;
        }
        if (structures.isLoaded() && structures.isDirty() && !structures.confirmDiscard(NLS.bind(Messages.ImageViewerView_loadAction, series.description()))) {
            return;
        }
        model.setMessage(NLS.bind(Messages.ImageViewerView_loading, series.description()));
        requestedSeries = series;
        requestedStructures = structureSet;
        openTimes.opened();
        Job job = Job.create(NLS.bind(Messages.ImageViewerView_loadJob, series.modality(), series.description()),
                (IJobFunction) monitor -> {
            try {
                long t0 = System.nanoTime();
                ViewerContent content = ViewerLoader.loadPrimary(series, structureSet, new EclipseProgress(monitor));
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                Display.getDefault().asyncExec(() -> {
                    if (readout.isDisposed()) {
                        return;
                    }
                    secondaryCandidates = content.secondaryCandidates();
                    primarySeries = series;
                    secondarySeries = null;
                    int size = slices.isEmpty() ? 512 : Math.max(64, Math.min(slices.get(0).control().getSize().x,
                            slices.get(0).control().getSize().y));
                    model.show(content, PreferenceDefaults.defaultWindow(), size);
                    structures.load(content.primary(), series, content.structures(), content.structureFile());
                    refreshControls();
                    // the time is taken in the axial view's paint that draws the image, i.e. in the frame that
                    // shows it (not when the paint was only asked for)
                    slices.get(0).whenImagePainted(() -> {
                        if (readout.isDisposed()) {
                            return;
                        }
                        String shown = openTimes.shown(series, content.primary().geometry(), loadSeconds);
                        getViewSite().getActionBars().getStatusLineManager()
                                .setMessage(NLS.bind(Messages.ImageViewerView_shown, shown));
                    });
                });
                return Status.OK_STATUS;
            } catch (Exception e) {
                String message = e instanceof SessionRefusedException
                        ? NLS.bind(Messages.ImageViewerView_closePatientFirst, e.getMessage())
                        : NLS.bind(Messages.ImageViewerView_cannotShow, series.description(), e.getMessage());
                Display.getDefault().asyncExec(() -> {
                    requestedSeries = null;
                    model.clear(message);
                    structures.clear();
                    refreshControls();
                });
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, message, e);
            }
        });
        job.setUser(false);
        job.schedule();
    }

    /** Loads a secondary image and fuses it with its registration (or identity, flagged). */
    public void loadSecondary(SeriesRecord series) {
        ImageVolume primary = model.scene().primary();
        Job job = Job.create(NLS.bind(Messages.ImageViewerView_loadJob, series.modality(), series.description()),
                (IJobFunction) monitor -> {
            try {
                List<String> warnings = new ArrayList<>();
                ImageVolume image = ViewerLoader.loadSecondary(series, new EclipseProgress(monitor), warnings);
                var registered = ViewerLoader.registeredTransform(primary, image);
                Display.getDefault().asyncExec(() -> {
                    if (readout.isDisposed() || model.scene() == null || model.scene().primary() != primary) {
                        return;
                    }
                    RigidTransform t = registered.orElse(RigidTransform.identity(primary.frameOfReferenceUid(),
                            image.frameOfReferenceUid()));
                    secondarySeries = series;
                    model.setSecondary(image, series.description(), t, registered.isPresent()
                            ? "from registration" : "not registered: identity (as acquired)");
                    refreshControls();
                });
                return Status.OK_STATUS;
            } catch (Exception e) {
                Display.getDefault().asyncExec(() -> model.setMessage(NLS.bind(Messages.ImageViewerView_cannotFuse, series.description(),
                        e.getMessage())));
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, e.getMessage(), e);
            }
        });
        job.setUser(false);
        job.schedule();
    }

    /**
     * Runs the clinic's {@link MatchProtocol} (the command line's {@code register} runs the same) in a job with the
     * panel's choices (match on, soft-tissue structure and margin); its outcome becomes the transform, exactly, and
     * the shift table shows its couch correction and, after a soft-tissue match, the soft-tissue − bony difference.
     */
    public Job autoMatch() {
        if (model.scene() == null || model.scene().secondary().isEmpty()) {
            return null;
        }
        ImageVolume daily = model.scene().secondary().get();
        MatchProtocol protocol;
        MatchInputs inputs;
        try {
            protocol = couch.protocol();
            inputs = IgrtDecisions.inputs(model, couch.regionStructure());
            protocol.geometry(inputs); // refuses now what the job would: no structure for a soft-tissue match, ...
        } catch (IOException | IllegalArgumentException e) {
            model.setMessage(NLS.bind(Messages.ImageViewerView_autoMatchProblem, e.getMessage()));
            return null;
        }
        RegistrationAlgorithms algorithms = IsocenterUiPlugin.service(RegistrationAlgorithms.class);
        couch.setTransformNote(Messages.ImageViewerView_autoMatchRunning);
        Job job = Job.create(NLS.bind(Messages.ImageViewerView_autoMatchJob, daily.info().seriesDescription()),
                (IJobFunction) monitor -> {
            try {
                MatchOutcome outcome = protocol.run(inputs, algorithms, new EclipseProgress(monitor));
                Display.getDefault().asyncExec(() -> {
                    if (model.scene() != null && model.scene().secondary().orElse(null) == daily) {
                        model.setMatched(outcome);
                        refreshControls();
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                Display.getDefault().asyncExec(() -> model.setMessage(NLS.bind(Messages.ImageViewerView_autoMatchFailed, e.getMessage())));
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, e.getMessage(), e);
            }
        });
        job.schedule();
        return job;
    }

    // ---- for tests ---------------------------------------------------------------------------------------

    public ViewerModel model() {
        return model;
    }

    public List<SliceCanvas> sliceCanvases() {
        return List.copyOf(slices);
    }

    public SurfaceCanvas surfaceCanvas() {
        return surface;
    }

    /** The displayed primary image, null when none. */
    public ImageVolume volume() {
        return model.scene() == null ? null : model.scene().primary();
    }

    /** The message shown instead of images, else the load warnings, else null. */
    public String status() {
        if (model.message() != null) {
            return model.message();
        }
        return model.warnings().isEmpty() ? null : String.join("; ", model.warnings());
    }

    /** Selects a fusion mode as the combo would. */
    public void setFusionMode(FusionMode mode) {
        var f = model.settings().fusion();
        model.setSettings(model.settings().withFusion((f == null ? FusionSettings.of(mode) : f).withMode(mode)));
        refreshControls();
    }

    /** The contouring tools of the slice views. */
    public SliceEditor editor() {
        return editor;
    }

    public CouchCorrectionPanel couchPanel() {
        return couch;
    }

    public List<SeriesRecord> secondaryCandidates() {
        return secondaryCandidates;
    }

    @Override
    public void setFocus() {
        if (!slices.isEmpty()) {
            slices.get(0).control().setFocus();
        }
    }

    @Override
    public void dispose() {
        if (noteColour != null) {
            noteColour.dispose();
        }
        getSite().getWorkbenchWindow().getSelectionService().removePostSelectionListener(IsocenterUi.VIEW_PATIENT_BROWSER,
                selectionListener);
        LoadedPatient.removeListener(closeListener);
        structures.removeListener(structuresListener);
        getSite().getWorkbenchWindow().removePerspectiveListener(perspectiveListener);
        super.dispose();
    }
}
