package org.isocenter.ui.internal.preferences;

import java.util.Locale;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * Window ▸ Preferences ▸ Isocenter ▸ Registration / IGRT: the couch correction action level and maximum (mm,
 * degrees), whether the couch applies rotations, and the soft-tissue match margin. Inconsistent limits (action
 * level not below the maximum) cannot be saved.
 */
public final class RegistrationPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private NumberField actionMm, actionDeg, maxMm, maxDeg;

    public RegistrationPreferencePage() {
        super(GRID);
        setDescription("Couch corrections (IEC 61217 table-top terms): apply a correction when any translation or "
                + "rotation exceeds the action level; refuse it beyond the maximum (re-image or re-position instead).");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(IsocenterUiPlugin.get().getPreferenceStore());
    }

    @Override
    protected void createFieldEditors() {
        actionMm = number(PreferenceDefaults.ACTION_LEVEL_MM, "&Action level, translation (mm):", 0, 50);
        actionDeg = number(PreferenceDefaults.ACTION_LEVEL_DEG, "Action level, &rotation (°):", 0, 10);
        maxMm = number(PreferenceDefaults.MAX_TRANSLATION_MM, "&Maximum translation (mm):", 0.1, 100);
        maxDeg = number(PreferenceDefaults.MAX_ROTATION_DEG, "Maximum r&otation (°):", 0.1, 15);
        addField(new BooleanFieldEditor(PreferenceDefaults.SIX_DOF_COUCH,
                "&6-DOF couch (applies pitch, roll and yaw; off: translations only, re-optimised)", getFieldEditorParent()));
        number(PreferenceDefaults.SOFT_TISSUE_MARGIN_MM, "&Soft-tissue match: margin around the target (mm):", 0, 50);
        org.eclipse.jface.preference.StringFieldEditor db = new org.eclipse.jface.preference.StringFieldEditor(
                PreferenceDefaults.RECORD_DB, "IGRT &record store (JDBC URL; empty: the default):", getFieldEditorParent());
        db.getTextControl(getFieldEditorParent()).setToolTipText("Empty: ISOCENTER_DB, else the embedded database "
                + "under the Isocenter home (shared with the command line); a department's shared store: "
                + "jdbc:postgresql://host:port/database?user=...");
        addField(db);
    }

    private NumberField number(String key, String label, double min, double max) {
        NumberField f = new NumberField(key, label, min, max);
        addField(f);
        return f;
    }

    @Override
    protected void checkState() {
        super.checkState();
        if (isValid() && actionMm != null) {
            try {
                new CorrectionLimits(actionMm.value(), actionDeg.value(), maxMm.value(), maxDeg.value());
            } catch (IllegalArgumentException e) {
                setErrorMessage("The action levels must be below the maximum correction.");
                setValid(false);
            }
        }
    }

    @Override
    public void propertyChange(org.eclipse.jface.util.PropertyChangeEvent event) {
        super.propertyChange(event);
        if (event.getProperty().equals(org.eclipse.jface.preference.FieldEditor.VALUE)) {
            checkState();
        }
    }

    /** A decimal number within [min, max], stored as a double. */
    private final class NumberField extends StringFieldEditor {
        private final double min, max;

        NumberField(String key, String label, double min, double max) {
            super(key, label, 8, getFieldEditorParent());
            this.min = min;
            this.max = max;
            setEmptyStringAllowed(false);
            setErrorMessage(String.format(Locale.ROOT, "%s must be a number from %s to %s", label.replace("&", "")
                    .replace(":", ""), min, max));
        }

        double value() {
            return Double.parseDouble(getStringValue().trim());
        }

        @Override
        protected boolean doCheckState() {
            try {
                double v = value();
                return v >= min && v <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        protected void doLoad() {
            setStringValue(format(getPreferenceStore().getDouble(getPreferenceName())));
        }

        @Override
        protected void doLoadDefault() {
            setStringValue(format(getPreferenceStore().getDefaultDouble(getPreferenceName())));
        }

        @Override
        protected void doStore() {
            getPreferenceStore().setValue(getPreferenceName(), value());
        }

        private String format(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
