/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.isocenter.contour.Margins;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.core.structure.Roi;

/**
 * Margin…: a structure grown (or, with negative values, shrunk) by exact anisotropic margins, per direction in
 * patient terms (right, left, anterior, posterior, inferior, superior; mm), or one isotropic value.
 */
public final class MarginDialog extends ComputedStructureDialog {

    private static final String[] DIRECTIONS = { Messages.MarginDialog_right, Messages.MarginDialog_left,
            Messages.MarginDialog_anterior, Messages.MarginDialog_posterior, Messages.MarginDialog_inferior,
            Messages.MarginDialog_superior };
    private final List<Roi> sources;
    private final Roi initial;
    private Combo source;
    private Button isotropic;
    private Text all;
    private final Text[] direction = new Text[6];

    public MarginDialog(Shell parent, EditableStructures session) {
        super(parent, session, Messages.MarginDialog_title);
        sources = session.set().rois().stream().filter(r -> !r.contours().isEmpty()).toList();
        initial = session.selected().orElse(null);
    }

    @Override
    protected void createInputs(Composite grid) {
        source = structureCombo(grid, Messages.MarginDialog_structure, sources, initial);
        isotropic = new Button(grid, SWT.CHECK);
        isotropic.setText(Messages.MarginDialog_isotropic);
        isotropic.setSelection(true);
        all = new Text(grid, SWT.BORDER | SWT.RIGHT);
        all.setText("5");
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        d.widthHint = 80;
        all.setLayoutData(d);
        for (int i = 0; i < 6; i++) {
            direction[i] = number(grid, NLS.bind(Messages.MarginDialog_directionMm, DIRECTIONS[i]), 5);
        }
        Label note = new Label(grid, SWT.WRAP);
        note.setText(Messages.MarginDialog_note);
        GridData nd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        nd.widthHint = 400;
        note.setLayoutData(nd);
        Runnable sync = () -> {
            boolean iso = isotropic.getSelection();
            for (Text t : direction) {
                t.setEnabled(!iso);
                if (iso) {
                    t.setText(all.getText());
                }
            }
            all.setEnabled(iso);
            inputsChanged();
        };
        isotropic.addListener(SWT.Selection, e -> sync.run());
        all.addListener(SWT.Modify, e -> sync.run());
        sync.run();
    }

    /** The margins of the fields (mm). */
    Margins margins() {
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            v[i] = value(isotropic.getSelection() ? all : direction[i], DIRECTIONS[i]);
        }
        return new Margins(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    @Override
    protected StructureRecipe recipe() {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(Messages.ComputedStructureDialog_noStructureWithContours);
        }
        return StructureRecipe.margin(session, sources.get(source.getSelectionIndex()), margins());
    }

    /**
     * The TG-263 name of the grown structure: a CTV or ITV grows into the PTV of the same suffix (CTV_Prostate →
     * PTV_Prostate, CTV70 → PTV70), a GTV into its CTV; an organ into its PRV (SpinalCord_PRV05); otherwise the
     * source with the margin (Bladder-3mm).
     */
    @Override
    protected String proposedName() {
        if (source == null || sources.isEmpty()) {
            return "Margin";
        }
        Roi roi = sources.get(Math.max(0, source.getSelectionIndex()));
        String s = roi.name();
        try {
            Margins m = margins();
            double[] a = m.toArray();
            boolean iso = java.util.Arrays.stream(a).allMatch(x -> x == a[0]);
            boolean grows = java.util.Arrays.stream(a).allMatch(x -> x >= 0) && java.util.Arrays.stream(a).anyMatch(x -> x > 0);
            String target = StructureDefaults.targetType(s).orElse("");
            if (grows && (target.equals("CTV") || target.equals("ITV") || target.equals("GTV"))) {
                return (target.equals("GTV") ? "CTV" : "PTV") + s.trim().substring(3);
            }
            if (grows && iso && StructureDefaults.recognizedType(s).orElse("").equals("ORGAN")) {
                return s.trim() + String.format(java.util.Locale.ROOT, "_PRV%02d", Math.round(a[0]));
            }
            return s + (iso ? (a[0] >= 0 ? "+" : "") + format(a[0]) + "mm" : "_margin");
        } catch (IllegalArgumentException e) {
            return s + "_margin";
        }
    }

    /** The type the proposed name says (PTV, CTV, AVOIDANCE for a PRV), else derived from the source's type. */
    @Override
    protected String proposedType() {
        if (source == null || sources.isEmpty()) {
            return "ORGAN";
        }
        var named = StructureDefaults.recognizedType(proposedName());
        if (named.isPresent()) {
            return named.get();
        }
        var chosen = sources.get(Math.max(0, source.getSelectionIndex()));
        String t = chosen.interpretedType();
        return org.isocenter.core.structure.StructureRoles.isClinicalTarget(chosen) ? "PTV" : t.equals("ORGAN") ? "AVOIDANCE"
                : t.isEmpty() ? "ORGAN" : t;
    }
}
