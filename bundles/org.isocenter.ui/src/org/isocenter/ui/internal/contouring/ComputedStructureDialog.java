/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;

/**
 * What the margin, boolean and threshold dialogs share: the new structure's name and type, a Preview that computes
 * the result in a job and shows it on the image views (outline) with its volume before anything is created, and
 * OK, which creates the structure as one undoable step (from the preview when the inputs did not change since, else
 * by computing it in a job). Subclasses provide the inputs and the {@link StructureRecipe}.
 */
public abstract class ComputedStructureDialog extends Dialog {

    private static final int PREVIEW_ID = IDialogConstants.CLIENT_ID + 1;

    protected final EditableStructures session;
    private final String title;
    private Text name;
    private Combo type;
    private Label status;
    private String previewFor;
    private List<Contour> previewContours;
    private Job running;

    ComputedStructureDialog(Shell parent, EditableStructures session, String title) {
        super(parent);
        this.session = session;
        this.title = title;
    }

    /** The inputs' controls (a 2-column grid). */
    protected abstract void createInputs(Composite grid);

    /** The computation for the current inputs; IllegalArgumentException with a message for bad input. */
    protected abstract StructureRecipe recipe();

    /** A name proposed for the result (refreshed when inputs change while the name is untouched). */
    protected abstract String proposedName();

    /** The RT ROI type proposed for the result. */
    protected abstract String proposedType();

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    /** At the window's left edge (over the Structures view), so that the preview on the image views stays visible. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialLocation(org.eclipse.swt.graphics.Point initialSize) {
        Shell parent = getParentShell();
        if (parent == null) {
            return super.getInitialLocation(initialSize);
        }
        var b = parent.getBounds();
        return new org.eclipse.swt.graphics.Point(b.x + 8, b.y + Math.max(0, Math.min(60, b.height - initialSize.y)));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite grid = new Composite(area, SWT.NONE);
        grid.setLayout(new GridLayout(2, false));
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createInputs(grid);
        new Label(grid, SWT.NONE).setText(Messages.ComputedStructureDialog_newStructure);
        name = new Text(grid, SWT.BORDER);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.setText(session.uniqueName(proposedName()));
        new Label(grid, SWT.NONE).setText(Messages.ComputedStructureDialog_type);
        type = new Combo(grid, SWT.READ_ONLY);
        type.setItems(EditableStructures.TYPES.toArray(String[]::new));
        type.select(Math.max(0, EditableStructures.TYPES.indexOf(proposedType())));
        status = new Label(area, SWT.WRAP);
        GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false);
        sd.widthHint = 420;
        sd.heightHint = 3 * status.getFont().getFontData()[0].getHeight() * 2;
        status.setLayoutData(sd);
        status.setText(Messages.ComputedStructureDialog_previewHint);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, PREVIEW_ID, Messages.ComputedStructureDialog_preview, false);
        createButton(parent, IDialogConstants.OK_ID, Messages.ComputedStructureDialog_create, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** Refreshes the proposed name after an input changed (the user's own name is kept). */
    protected void inputsChanged() {
        if (name != null && !name.isDisposed() && name.getData() == null) {
            name.setText(session.uniqueName(proposedName()));
        }
        if (type != null && !type.isDisposed() && type.getData() == null) {
            type.select(Math.max(0, EditableStructures.TYPES.indexOf(proposedType())));
        }
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == PREVIEW_ID) {
            preview();
        } else {
            super.buttonPressed(id);
        }
    }

    /** Computes the result in a job and shows it on the views (the Preview button). */
    public void preview() {
        StructureRecipe recipe;
        try {
            recipe = recipe();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        if (running != null) {
            running.cancel();
        }
        status.setText(NLS.bind(Messages.ComputedStructureDialog_computing, recipe.description()));
        String key = recipe.description();
        running = ContouringJobs.compute(recipe, contours -> {
            if (getShell() == null || getShell().isDisposed()) {
                return;
            }
            previewFor = key;
            previewContours = contours;
            Roi shown = new Roi(0, "Preview", EditableStructures.PREVIEW_RGB, type.getText(), contours);
            session.setPreview(shown);
            StructureStatistics st = StructureStatistics.of(session.slabs(shown));
            status.setText(NLS.bind(Messages.ComputedStructureDialog_previewResult, new Object[] { key,
                    String.format(Locale.ROOT, "%.2f", st.volumeCc()), st.contouredSlices(),
                    String.format(Locale.ROOT, "%.1f", st.extentMm().x()), String.format(Locale.ROOT, "%.1f", st.extentMm().y()),
                    String.format(Locale.ROOT, "%.1f", st.extentMm().z()) }) + recipe.notesText());
        }, problem -> {
            if (getShell() != null && !getShell().isDisposed()) {
                status.setText(problem);
            }
        });
    }

    @Override
    protected void okPressed() {
        String newName = name.getText().trim();
        String problem = session.nameProblem(newName, -1);
        StructureRecipe recipe;
        try {
            recipe = recipe();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            recipe = null;
        }
        if (problem != null) {
            status.setText(problem);
            return;
        }
        String roiType = type.getText();
        String label = NLS.bind(Messages.ComputedStructureDialog_editLabel, recipe.description(), newName);
        if (recipe.description().equals(previewFor) && previewContours != null) {
            session.setPreview(null);
            session.add(label, newName, roiType, previewContours);
        } else {
            session.setPreview(null);
            var set = session.set();
            ContouringJobs.compute(recipe, contours -> {
                if (session.set() != null && session.image() != null && set.frameOfReferenceUid()
                        .equals(session.set().frameOfReferenceUid()) && session.nameProblem(newName, -1) == null) {
                    session.add(label, newName, roiType, contours);
                }
            }, ContouringMessages::error);
        }
        super.okPressed();
    }

    /** The dialog's status line: the preview's volume, or a problem (tests). */
    public String statusText() {
        return status == null || status.isDisposed() ? "" : status.getText();
    }

    @Override
    public boolean close() {
        if (running != null) {
            running.cancel();
        }
        session.setPreview(null);
        return super.close();
    }

    /** A labelled read-only combo of the structures with contours, the given one selected. */
    protected Combo structureCombo(Composite grid, String label, List<Roi> rois, Roi selected) {
        new Label(grid, SWT.NONE).setText(label);
        Combo c = new Combo(grid, SWT.READ_ONLY);
        for (Roi r : rois) {
            c.add(r.name());
        }
        int index = selected == null ? -1 : rois.indexOf(selected);
        c.select(Math.max(0, index));
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        c.addListener(SWT.Selection, e -> inputsChanged());
        return c;
    }

    /** A labelled number field (mm). */
    protected Text number(Composite grid, String label, double value) {
        new Label(grid, SWT.NONE).setText(label);
        Text t = new Text(grid, SWT.BORDER | SWT.RIGHT);
        t.setText(format(value));
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        d.widthHint = 80;
        t.setLayoutData(d);
        t.addListener(SWT.Modify, e -> inputsChanged());
        return t;
    }

    protected static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The number in a field, or IllegalArgumentException naming the field. */
    protected static double value(Text t, String what) {
        try {
            return Double.parseDouble(t.getText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.ComputedStructureDialog_notANumber, what, t.getText()));
        }
    }

    /** Marks the name as typed by the user, so that input changes no longer replace it. */
    @Override
    public void create() {
        super.create();
        name.addListener(SWT.KeyDown, e -> name.setData(Boolean.TRUE));
        // a typed name sets the type it says (TG-263: GTV_Boost → GTV, Ring_PTV → CONTROL) until a type is chosen
        name.addListener(SWT.Modify, e -> {
            if (name.getData() != null && type.getData() == null) {
                org.isocenter.contour.StructureDefaults.recognizedType(name.getText()).ifPresent(
                        t -> type.select(Math.max(0, EditableStructures.TYPES.indexOf(t))));
            }
        });
        type.addListener(SWT.Selection, e -> type.setData(Boolean.TRUE));
    }
}
