/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.contouring.messages"; //$NON-NLS-1$

    public static String BooleanDialog_title;
    public static String BooleanDialog_a;
    public static String BooleanDialog_b;
    public static String BooleanDialog_operation;
    public static String BooleanDialog_ringInner;
    public static String BooleanDialog_ringOuter;
    public static String BooleanDialog_cropInset;
    public static String BooleanDialog_sameStructures;
    public static String BooleanDialog_ringInnerField;
    public static String BooleanDialog_ringOuterField;
    public static String BooleanDialog_cropInsetField;
    public static String ComputedStructureDialog_noStructureWithContours;
    public static String ComputedStructureDialog_newStructure;
    public static String ComputedStructureDialog_type;
    public static String ComputedStructureDialog_previewHint;
    public static String ComputedStructureDialog_preview;
    public static String ComputedStructureDialog_create;
    public static String ComputedStructureDialog_computing;
    public static String ComputedStructureDialog_previewResult;
    public static String ComputedStructureDialog_editLabel;
    public static String ComputedStructureDialog_notANumber;
    public static String ContouringJobs_empty;
    public static String ContouringJobs_failed;
    public static String ContouringMessages_title;
    public static String EditableStructures_nameLength;
    public static String EditableStructures_nameBackslash;
    public static String EditableStructures_nameTaken;
    public static String MarginDialog_title;
    public static String MarginDialog_structure;
    public static String MarginDialog_isotropic;
    public static String MarginDialog_right;
    public static String MarginDialog_left;
    public static String MarginDialog_anterior;
    public static String MarginDialog_posterior;
    public static String MarginDialog_inferior;
    public static String MarginDialog_superior;
    public static String MarginDialog_directionMm;
    public static String MarginDialog_note;
    public static String SliceEditor_toolNavigate;
    public static String SliceEditor_toolBrush;
    public static String SliceEditor_toolEraser;
    public static String SliceEditor_toolOutline;
    public static String SliceEditor_toolNudge;
    public static String SliceEditor_noImage;
    public static String SliceEditor_noStructure;
    public static String SliceEditor_editBrush;
    public static String SliceEditor_editErase;
    public static String SliceEditor_editRemoveOutline;
    public static String SliceEditor_editOutline;
    public static String SliceEditor_editNudge;
    public static String SliceEditor_edit;
    public static String SliceEditor_whereAxial;
    public static String SliceEditor_whereSagittal;
    public static String SliceEditor_whereCoronal;
    public static String SliceEditor_editLabel;
    public static String SliceEditor_hintBrush;
    public static String SliceEditor_hintEraser;
    public static String SliceEditor_hintOutline;
    public static String SliceEditor_hintNudge;
    public static String StructureRecipe_kindUnion;
    public static String StructureRecipe_kindIntersection;
    public static String StructureRecipe_kindSubtraction;
    public static String StructureRecipe_kindXor;
    public static String StructureRecipe_kindRing;
    public static String StructureRecipe_kindCrop;
    public static String StructureRecipe_notes;
    public static String StructureRecipe_margin;
    public static String StructureRecipe_ringOrder;
    public static String StructureRecipe_ring;
    public static String StructureRecipe_cropInsetNegative;
    public static String StructureRecipe_crop;
    public static String StructureRecipe_union;
    public static String StructureRecipe_intersection;
    public static String StructureRecipe_subtraction;
    public static String StructureRecipe_xor;
    public static String StructureRecipe_threshold;
    public static String StructureRecipe_thresholdFilled;
    public static String StructureRecipe_chooseStructure;
    public static String StructureRecipe_noClosedContours;
    public static String StructureSetSaving_exists;
    public static String StructureSetSaving_readBack;
    public static String ThresholdDialog_title;
    public static String ThresholdDialog_presetBody;
    public static String ThresholdDialog_presetLungs;
    public static String ThresholdDialog_presetBone;
    public static String ThresholdDialog_presetCustom;
    public static String ThresholdDialog_preset;
    public static String ThresholdDialog_lower;
    public static String ThresholdDialog_upper;
    public static String ThresholdDialog_keep;
    public static String ThresholdDialog_keepLargest;
    public static String ThresholdDialog_keepSeed;
    public static String ThresholdDialog_keepAll;
    public static String ThresholdDialog_fillHoles;
    public static String ThresholdDialog_lowerField;
    public static String ThresholdDialog_upperField;
    public static String UnsavedEdits_title;
    public static String UnsavedEdits_save;
    public static String UnsavedEdits_discard;
    public static String UnsavedEdits_cancel;
    public static String UnsavedEdits_saveDialogTitle;
    public static String UnsavedEdits_notSavedTitle;
    public static String UnsavedEdits_exit;
    public static String UnsavedEdits_question;
    public static String UnsavedEdits_exists;
    public static String UnsavedEdits_couldNotSave;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
