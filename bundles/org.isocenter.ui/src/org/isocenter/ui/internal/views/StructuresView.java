/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.contour.Margins;
import org.isocenter.contour.SliceInterpolation;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.BooleanDialog;
import org.isocenter.ui.internal.contouring.ContouringJobs;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.MarginDialog;
import org.isocenter.ui.internal.contouring.StructureRecipe;
import org.isocenter.ui.internal.contouring.StructureSetSaving;
import org.isocenter.ui.internal.contouring.ThresholdDialog;

/**
 * The Structures view of the Contouring perspective: the structures of the image shown in the Image Viewer (colour,
 * name, RT ROI type, volume in cm³, contoured slices; the check box shows or hides a structure) and the commands on
 * them: add, rename, colour, type, delete, interpolate between drawn slices, margin, boolean / ring / crop,
 * threshold, and save as a new RT Structure Set. The selected structure is the drawing target of the Image
 * Viewer's tools. Every edit is one step of Edit ▸ Undo / Redo (Ctrl+Z / Ctrl+Y).
 */
public final class StructuresView extends ViewPart {

    private final EditableStructures session = EditableStructures.get();
    private final Map<Integer, Image> swatches = new HashMap<>();
    private Table table;
    private final Runnable listener = this::sessionChanged;
    private Label status;
    private List<Button> commands = List.of();
    private boolean refreshing;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite row = new Composite(parent, SWT.NONE);
        RowLayout rl = new RowLayout(SWT.HORIZONTAL);
        rl.wrap = true;
        rl.marginTop = rl.marginBottom = 0;
        row.setLayout(rl);
        GridData rd = new GridData(SWT.FILL, SWT.TOP, true, false);
        rd.widthHint = 100;
        row.setLayoutData(rd);
        commands = List.of(
                button(row, Messages.StructuresView_add, Messages.StructuresView_addTooltip, this::addWithDialog),
                button(row, Messages.StructuresView_rename, Messages.StructuresView_renameTooltip, this::renameWithDialog),
                button(row, Messages.StructuresView_colour, Messages.StructuresView_colourTooltip, this::colourWithDialog),
                button(row, Messages.StructuresView_type, Messages.StructuresView_typeTooltip, null),
                button(row, Messages.StructuresView_delete, Messages.StructuresView_deleteTooltip,
                        this::deleteWithConfirmation),
                button(row, Messages.StructuresView_interpolate, Messages.StructuresView_interpolateTooltip,
                        () -> interpolate(selectedNumber())),
                button(row, Messages.StructuresView_margin, Messages.StructuresView_marginTooltip, this::marginDialog),
                button(row, Messages.StructuresView_boolean, Messages.StructuresView_booleanTooltip, this::booleanDialog),
                button(row, Messages.StructuresView_threshold, Messages.StructuresView_thresholdTooltip,
                        this::thresholdDialog),
                button(row, Messages.StructuresView_save, Messages.StructuresView_saveTooltip, this::saveWithDialog));
        Button type = commands.get(3);
        type.addListener(SWT.Selection, e -> typeMenu(type));

        table = new Table(parent, SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] titles = { Messages.StructuresView_columnShow, Messages.StructuresView_columnName,
                Messages.StructuresView_columnType, Messages.StructuresView_columnVolume, Messages.StructuresView_columnSlices };
        int[] widths = { 60, 160, 90, 100, 60 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn c = new TableColumn(table, i >= 3 ? SWT.RIGHT : SWT.LEFT);
            c.setText(titles[i]);
            c.setWidth(widths[i]);
        }
        table.addListener(SWT.Selection, e -> {
            if (refreshing || !(e.item instanceof TableItem item) || !(item.getData() instanceof Roi roi)) {
                return;
            }
            if (e.detail == SWT.CHECK) {
                session.setVisible(roi.number(), item.getChecked());
            } else {
                session.select(roi.number());
            }
        });
        table.addListener(SWT.DefaultSelection, e -> renameWithDialog());
        status = new Label(parent, SWT.WRAP);
        GridData sd = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        sd.widthHint = 100;
        status.setLayoutData(sd);
        session.addListener(listener);
        new UndoRedoActionGroup(getSite(), session.undoContext(), true).fillActionBars(getViewSite().getActionBars());
        refresh();
    }

    private static Button button(Composite row, String text, String tip, Runnable action) {
        Button b = new Button(row, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        if (action != null) {
            b.addListener(SWT.Selection, e -> action.run());
        }
        return b;
    }

    private void sessionChanged() {
        if (table != null && !table.isDisposed()) {
            refresh();
        }
    }

    /** Rebuilds the table from the session (after every edit, undo, selection or visibility change). */
    private void refresh() {
        refreshing = true;
        try {
            table.setRedraw(false);
            List<Roi> rois = session.isLoaded() ? session.set().rois() : List.of();
            table.setItemCount(rois.size());
            int selectedIndex = -1;
            for (int i = 0; i < rois.size(); i++) {
                Roi roi = rois.get(i);
                TableItem item = table.getItem(i);
                item.setData(roi);
                item.setChecked(session.isVisible(roi.number()));
                item.setImage(0, swatch(roi.colorRgb()));
                StructureStatistics s = session.statistics(roi);
                item.setText(new String[] { "", roi.name(), roi.interpretedType(),
                        roi.contours().isEmpty() ? Messages.StructuresView_empty : String.format(Locale.ROOT, "%.2f", s.volumeCc()),
                        String.valueOf(s.contouredSlices()) });
                if (session.selected().map(r -> r.number() == roi.number()).orElse(false)) {
                    selectedIndex = i;
                }
            }
            if (selectedIndex >= 0) {
                table.setSelection(selectedIndex);
            } else {
                table.deselectAll();
            }
        } finally {
            table.setRedraw(true);
            refreshing = false;
        }
        boolean loaded = session.isLoaded();
        boolean hasSelection = session.selected().isPresent();
        for (int i = 0; i < commands.size(); i++) {
            commands.get(i).setEnabled(loaded && (i == 0 || i >= 6 || hasSelection));
        }
        status.setText(statusText());
        status.getParent().layout();
    }

    private String statusText() {
        if (!session.isLoaded()) {
            return Messages.StructuresView_noImage;
        }
        String from = session.importedFile() != null
                ? NLS.bind(Messages.StructuresView_fromFile, session.importedFile().getFileName())
                : Messages.StructuresView_newSet;
        String state = session.savedFile() != null && !session.isDirty()
                ? NLS.bind(Messages.StructuresView_savedAs, session.savedFile().getFileName())
                : session.isDirty() ? Messages.StructuresView_editedNotSaved : Messages.StructuresView_unchanged;
        return NLS.bind(Messages.StructuresView_status, new Object[] { session.set().label(),
                session.image().info().modality(), session.image().info().seriesDescription(), from, state,
                session.set().rois().size() });
    }

    private Image swatch(int[] rgb) {
        int key = rgb[0] << 16 | rgb[1] << 8 | rgb[2];
        return swatches.computeIfAbsent(key, k -> {
            int size = Math.max(12, table.getItemHeight() - 6);
            Image image = new Image(table.getDisplay(), size * 2, size);
            GC gc = new GC(image);
            Color c = new Color(table.getDisplay(), rgb[0], rgb[1], rgb[2]);
            gc.setBackground(c);
            Rectangle r = image.getBounds();
            gc.fillRectangle(r);
            gc.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawRectangle(0, 0, r.width - 1, r.height - 1);
            gc.dispose();
            c.dispose();
            return image;
        });
    }

    private int selectedNumber() {
        return session.selected().map(Roi::number).orElse(-1);
    }

    // ---- commands with dialogs ------------------------------------------------------------------------------

    private void addWithDialog() {
        InputDialog d = new InputDialog(getSite().getShell(), Messages.StructuresView_addTitle,
                Messages.StructuresView_addMessage,
                session.uniqueName("Structure"), text -> session.nameProblem(text, -1));
        if (d.open() == Window.OK) {
            addStructure(d.getValue(), org.isocenter.contour.StructureDefaults.typeFor(d.getValue())); // TG-263: GTV_Boost → GTV
        }
    }

    private void renameWithDialog() {
        session.selected().ifPresent(roi -> {
            InputDialog d = new InputDialog(getSite().getShell(), Messages.StructuresView_renameTitle,
                    NLS.bind(Messages.StructuresView_renameMessage, roi.name()),
                    roi.name(), text -> session.nameProblem(text, roi.number()));
            if (d.open() == Window.OK) {
                rename(roi.number(), d.getValue());
            }
        });
    }

    private void colourWithDialog() {
        session.selected().ifPresent(roi -> {
            ColorDialog d = new ColorDialog(getSite().getShell());
            int[] c = roi.colorRgb();
            d.setRGB(new RGB(c[0], c[1], c[2]));
            RGB rgb = d.open();
            if (rgb != null) {
                setColour(roi.number(), new int[] { rgb.red, rgb.green, rgb.blue });
            }
        });
    }

    private void typeMenu(Button anchor) {
        session.selected().ifPresent(roi -> {
            Menu menu = new Menu(anchor);
            for (String t : EditableStructures.TYPES) {
                MenuItem item = new MenuItem(menu, SWT.RADIO);
                item.setText(t);
                item.setSelection(t.equals(roi.interpretedType()));
                item.addListener(SWT.Selection, e -> setType(roi.number(), t));
            }
            Rectangle b = anchor.getBounds();
            menu.setLocation(anchor.getParent().toDisplay(b.x, b.y + b.height));
            menu.addListener(SWT.Hide, e -> menu.getDisplay().asyncExec(menu::dispose));
            menu.setVisible(true);
        });
    }

    private void deleteWithConfirmation() {
        session.selected().ifPresent(roi -> {
            if (MessageDialog.openConfirm(getSite().getShell(), Messages.StructuresView_deleteTitle,
                    NLS.bind(Messages.StructuresView_deleteQuestion, new Object[] { roi.name(), roi.interpretedType(),
                            roi.contours().size() }))) {
                delete(roi.number());
            }
        });
    }

    private void marginDialog() {
        new MarginDialog(getSite().getShell(), session).open();
    }

    private void booleanDialog() {
        new BooleanDialog(getSite().getShell(), session).open();
    }

    private void thresholdDialog() {
        new ThresholdDialog(getSite().getShell(), session, this::crosshairMm).open();
    }

    private Vector3 crosshairMm() {
        var viewer = getSite().getPage().findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        if (viewer instanceof ImageViewerView v && v.model().navigator() != null) {
            return v.model().navigator().crosshairMm();
        }
        return null;
    }

    private void saveWithDialog() {
        if (!session.isLoaded()) {
            return;
        }
        // the same save dialog as the question about unsaved edits asks with
        Path file = org.isocenter.ui.internal.contouring.UnsavedEdits.WORKBENCH.saveFile(
                StructureSetSaving.defaultFile(session));
        if (file == null) {
            return;
        }
        if (Files.exists(file)) {
            ContouringMessages.error(NLS.bind(Messages.StructuresView_exists, file));
            return;
        }
        BusyIndicator.showWhile(table.getDisplay(), () -> {
            try {
                StructureSetSaving.Saved saved = saveAs(file);
                MessageDialog.openInformation(getSite().getShell(), Messages.StructuresView_savedTitle, report(saved));
            } catch (Exception e) {
                ContouringMessages.error(NLS.bind(Messages.StructuresView_couldNotSave, file, e.getMessage()));
            }
        });
    }

    private String report(StructureSetSaving.Saved saved) {
        StringBuilder b = new StringBuilder();
        b.append(NLS.bind(Messages.StructuresView_report, new Object[] { saved.file(), saved.sopInstanceUid(),
                saved.readBack().rois().size(), String.join(", ", saved.readBack().rois().stream().map(Roi::name).toList()) }));
        if (session.importedFile() != null) {
            b.append(NLS.bind(Messages.StructuresView_reportImportedUnchanged, session.importedFile().getFileName()));
        }
        b.append(Messages.StructuresView_reportImportAgain);
        return b.toString();
    }

    // ---- the commands (also used by the tests) --------------------------------------------------------------

    /** Adds an empty structure and selects it (the drawing target). */
    public Roi addStructure(String name, String type) {
        return session.add(NLS.bind(Messages.StructuresView_editAdd, name.trim()), name, type, List.of());
    }

    /** Renames a structure (refuses an empty or taken name). */
    public void rename(int number, String newName) {
        Roi roi = session.roi(number).orElseThrow();
        String problem = session.nameProblem(newName, number);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        session.apply(NLS.bind(Messages.StructuresView_editRename, roi.name(), newName.trim()), session.with(new Roi(number, newName.trim(),
                roi.colorRgb(), roi.interpretedType(), roi.contours())), number);
    }

    public void setColour(int number, int[] rgb) {
        Roi roi = session.roi(number).orElseThrow();
        session.apply(NLS.bind(Messages.StructuresView_editColour, roi.name()), session.with(new Roi(number, roi.name(), rgb, roi.interpretedType(),
                roi.contours())), number);
    }

    public void setType(int number, String type) {
        Roi roi = session.roi(number).orElseThrow();
        session.apply(NLS.bind(Messages.StructuresView_editType, roi.name(), type), session.with(new Roi(number, roi.name(), roi.colorRgb(), type,
                roi.contours())), number);
    }

    public void delete(int number) {
        Roi roi = session.roi(number).orElseThrow();
        session.apply(NLS.bind(Messages.StructuresView_editDelete, roi.name()), session.without(number), -1);
    }

    /** Fills the gaps between drawn slices of a structure (in a job; the edit is one undo step). */
    public Job interpolate(int number) {
        Roi roi = session.roi(number).orElse(null);
        if (roi == null) {
            return null;
        }
        RoiSlabs slabs = session.slabs(roi);
        var planes = session.planes();
        var before = session.set();
        StructureRecipe recipe = new StructureRecipe(NLS.bind(Messages.StructuresView_interpolateRecipe, roi.name()),
                m -> slabs.slabCount() < 2 ? List.<Contour>of() : SliceInterpolation.fillGaps(slabs, planes));
        return ContouringJobs.compute(recipe, contours -> {
            if (session.set() != before) {
                ContouringMessages.error(NLS.bind(Messages.StructuresView_interpolationDropped, roi.name()));
                return;
            }
            session.apply(recipe.description(), session.with(new Roi(number, roi.name(), roi.colorRgb(),
                    roi.interpretedType(), contours)), number);
        }, ContouringMessages::error);
    }

    /** Creates {@code name} as {@code source} + margins (computed in a job). */
    public Job margin(Roi source, Margins margins, String name, String type) {
        return create(StructureRecipe.margin(session, source, margins), name, type);
    }

    /** Creates {@code name} from a boolean, ring or crop of structures (computed in a job). */
    public Job combine(Roi a, StructureRecipe.Kind kind, Roi b, double ringInnerMm, double ringOuterMm,
            double cropInsetMm, String name, String type) {
        return create(StructureRecipe.combine(session, a, kind, b, ringInnerMm, ringOuterMm, cropInsetMm), name, type);
    }

    private Job create(StructureRecipe recipe, String name, String type) {
        String problem = session.nameProblem(name, -1);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return ContouringJobs.compute(recipe, contours -> session.add(
                NLS.bind(Messages.StructuresView_editCreate, recipe.description(), name), name, type,
                contours), ContouringMessages::error);
    }

    /** Saves as a new RT Structure Set (refuses an existing file), reads it back. */
    public StructureSetSaving.Saved saveAs(Path file) throws Exception {
        return StructureSetSaving.save(session, file);
    }

    /** The table (tests). */
    public Table table() {
        return table;
    }

    /** The status line (tests). */
    public String statusLine() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        swatches.values().forEach(Image::dispose);
        super.dispose();
    }
}
