/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.isocenter.contour.ThresholdContouring;
import org.isocenter.contour.ThresholdContouring.Connectivity;
import org.isocenter.core.geometry.Vector3;

/**
 * Threshold…: the image's region within a value range (HU: body, lungs, bone presets or custom), all of it, its
 * largest connected part, or the part connected to the crosshair; holes filled slice by slice on request.
 */
public final class ThresholdDialog extends ComputedStructureDialog {

    private static final String[] PRESETS = { Messages.ThresholdDialog_presetBody, Messages.ThresholdDialog_presetLungs,
            Messages.ThresholdDialog_presetBone, Messages.ThresholdDialog_presetCustom };
    private static final double[][] RANGES = { ThresholdContouring.BODY_HU, ThresholdContouring.LUNG_HU,
            ThresholdContouring.BONE_HU };
    private final Supplier<Vector3> crosshair;
    private Combo preset, keep;
    private Text lower, upper;
    private Button fill;

    public ThresholdDialog(Shell parent, EditableStructures session, Supplier<Vector3> crosshairMm) {
        super(parent, session, Messages.ThresholdDialog_title);
        this.crosshair = crosshairMm;
    }

    @Override
    protected void createInputs(Composite grid) {
        new Label(grid, SWT.NONE).setText(Messages.ThresholdDialog_preset);
        preset = new Combo(grid, SWT.READ_ONLY);
        preset.setItems(PRESETS);
        preset.select(0);
        String unit = session.image().unit();
        lower = number(grid, NLS.bind(Messages.ThresholdDialog_lower, unit), RANGES[0][0]);
        upper = number(grid, NLS.bind(Messages.ThresholdDialog_upper, unit), RANGES[0][1]);
        new Label(grid, SWT.NONE).setText(Messages.ThresholdDialog_keep);
        keep = new Combo(grid, SWT.READ_ONLY);
        keep.setItems(Messages.ThresholdDialog_keepLargest, Messages.ThresholdDialog_keepSeed, Messages.ThresholdDialog_keepAll);
        keep.select(0);
        new Label(grid, SWT.NONE);
        fill = new Button(grid, SWT.CHECK);
        fill.setText(Messages.ThresholdDialog_fillHoles);
        fill.setSelection(true);
        preset.addListener(SWT.Selection, e -> {
            int p = preset.getSelectionIndex();
            if (p < RANGES.length) {
                lower.setText(format(RANGES[p][0]));
                upper.setText(format(RANGES[p][1]));
                fill.setSelection(p == 0);
                keep.select(p == 0 ? 0 : p == 1 ? 2 : 2);
            }
            inputsChanged();
        });
        keep.addListener(SWT.Selection, e -> inputsChanged());
    }

    @Override
    protected StructureRecipe recipe() {
        Connectivity c = switch (keep.getSelectionIndex()) {
        case 1 -> Connectivity.FROM_SEED;
        case 2 -> Connectivity.ALL;
        default -> Connectivity.LARGEST;
        };
        return StructureRecipe.threshold(session.image(), value(lower, Messages.ThresholdDialog_lowerField),
                value(upper, Messages.ThresholdDialog_upperField), c,
                crosshair.get(), fill.getSelection());
    }

    @Override
    protected String proposedName() {
        int p = preset == null ? 0 : preset.getSelectionIndex();
        return switch (p) {
        case 0 -> "BODY";
        case 1 -> "Lungs";
        case 2 -> "Bone";
        default -> "Threshold";
        };
    }

    @Override
    protected String proposedType() {
        int p = preset == null ? 0 : preset.getSelectionIndex();
        return p == 0 ? "EXTERNAL" : "ORGAN";
    }
}
