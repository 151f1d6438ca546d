/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.core.structure.Roi;
import org.isocenter.ui.internal.contouring.StructureRecipe.Kind;

/**
 * Boolean…: A union / intersection / subtraction / exclusive-or B plane by plane, a ring around A (A grown by the
 * outer distance minus A grown by the inner one), or A cropped to stay an inset inside B.
 */
public final class BooleanDialog extends ComputedStructureDialog {

    private final List<Roi> rois;
    private final Roi initial;
    private Combo a, operation, b;
    private Text ringInner, ringOuter, cropInset;

    public BooleanDialog(Shell parent, EditableStructures session) {
        super(parent, session, Messages.BooleanDialog_title);
        rois = session.set().rois().stream().filter(r -> !r.contours().isEmpty()).toList();
        initial = session.selected().orElse(null);
    }

    @Override
    protected void createInputs(Composite grid) {
        a = structureCombo(grid, Messages.BooleanDialog_a, rois, initial);
        new Label(grid, SWT.NONE).setText(Messages.BooleanDialog_operation);
        operation = new Combo(grid, SWT.READ_ONLY);
        for (Kind k : Kind.values()) {
            operation.add(k.label());
        }
        operation.select(0);
        Roi other = rois.stream().filter(r -> r != initial).findFirst().orElse(initial);
        b = structureCombo(grid, Messages.BooleanDialog_b, rois, other);
        ringInner = number(grid, Messages.BooleanDialog_ringInner, 5);
        ringOuter = number(grid, Messages.BooleanDialog_ringOuter, 20);
        cropInset = number(grid, Messages.BooleanDialog_cropInset, 3);
        operation.addListener(SWT.Selection, e -> {
            enable();
            inputsChanged();
        });
        enable();
    }

    private void enable() {
        Kind k = kind();
        b.setEnabled(k.needsB());
        ringInner.setEnabled(k == Kind.RING);
        ringOuter.setEnabled(k == Kind.RING);
        cropInset.setEnabled(k == Kind.CROP);
    }

    private Kind kind() {
        return Kind.values()[Math.max(0, operation.getSelectionIndex())];
    }

    @Override
    protected StructureRecipe recipe() {
        if (rois.isEmpty()) {
            throw new IllegalArgumentException(Messages.ComputedStructureDialog_noStructureWithContours);
        }
        Kind k = kind();
        Roi ra = rois.get(a.getSelectionIndex()), rb = rois.get(b.getSelectionIndex());
        if (k.needsB() && ra == rb && k != Kind.CROP) {
            throw new IllegalArgumentException(Messages.BooleanDialog_sameStructures);
        }
        return StructureRecipe.combine(session, ra, k, rb,
                k == Kind.RING ? value(ringInner, Messages.BooleanDialog_ringInnerField) : 0,
                k == Kind.RING ? value(ringOuter, Messages.BooleanDialog_ringOuterField) : 0,
                k == Kind.CROP ? value(cropInset, Messages.BooleanDialog_cropInsetField) : 0);
    }

    @Override
    protected String proposedName() {
        if (operation == null || rois.isEmpty()) {
            return "Boolean";
        }
        String na = rois.get(Math.max(0, a.getSelectionIndex())).name();
        String nb = rois.get(Math.max(0, b.getSelectionIndex())).name();
        return switch (kind()) {
        case UNION -> na + "+" + nb;
        case INTERSECTION -> na + "_and_" + nb;
        case SUBTRACTION -> na + "-" + nb;
        case XOR -> na + "_xor_" + nb;
        case RING -> "Ring_" + na;
        case CROP -> na + "_crop";
        };
    }

    /**
     * By operation: a crop keeps A's type (a cropped PTV stays a PTV), a ring and the set operations are control
     * structures (a name typed in the dialog then sets the type: {@link StructureDefaults}).
     */
    @Override
    protected String proposedType() {
        if (operation == null || rois.isEmpty()) {
            return "ORGAN";
        }
        return switch (kind()) {
        case RING -> "CONTROL";
        case CROP -> rois.get(Math.max(0, a.getSelectionIndex())).interpretedType().isEmpty() ? "ORGAN"
                : rois.get(Math.max(0, a.getSelectionIndex())).interpretedType();
        default -> "CONTROL";
        };
    }
}
