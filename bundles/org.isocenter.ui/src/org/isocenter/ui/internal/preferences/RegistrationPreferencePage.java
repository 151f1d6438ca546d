/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.ImagingDoseTable;
import org.isocenter.igrt.MatchOn;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.AlgorithmParameter;
import org.isocenter.registration.RegistrationAlgorithm;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * Window ▸ Preferences ▸ Isocenter ▸ Registration / IGRT: the clinic's settings, shared with the command line
 * ({@link ClinicSettings}, a file in the Isocenter home): the couch correction action level and maximum (mm,
 * degrees), whether the couch applies rotations, what Auto match aligns by default, the soft-tissue match margin and
 * the registration algorithm (every one installed is offered) with the parameters it describes (unit, range, default;
 * only values that differ from the default are written);
 * and this workstation's record store. Inconsistent limits (action level not below the maximum) cannot be saved; the
 * clinic file is written atomically, and a failed write says so.
 */
public final class RegistrationPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private NumberField actionMm, actionDeg, maxMm, maxDeg;

    public RegistrationPreferencePage() {
        super(GRID);
        setDescription(Messages.RegistrationPreferencePage_description);
    }

    /** The clinic's settings as a JFace store: loaded from the clinic file, written back on OK (atomically). */
    private final PreferenceStore clinicStore = new PreferenceStore() {
        @Override
        public boolean needsSaving() {
            return false; // performOk writes the clinic file itself
        }
    };
    private StringFieldEditor db;
    /** Why the clinic file could not be read (null: it could); shown until the page is left. */
    private String readProblem, readDetail;

    @Override
    public void init(IWorkbench workbench) {
        ClinicSettings d = ClinicSettings.DEFAULT;
        clinicStore.setDefault(ClinicSettings.ACTION_MM, d.limits().actionLevelMm());
        clinicStore.setDefault(ClinicSettings.ACTION_DEG, d.limits().actionLevelDeg());
        clinicStore.setDefault(ClinicSettings.MAX_MM, d.limits().maxTranslationMm());
        clinicStore.setDefault(ClinicSettings.MAX_DEG, d.limits().maxRotationDeg());
        clinicStore.setDefault(ClinicSettings.SIX_DOF, d.sixDofCouch());
        clinicStore.setDefault(ClinicSettings.MATCH, d.defaultMatch().id());
        clinicStore.setDefault(ClinicSettings.SOFT_MARGIN, d.softTissueMarginMm());
        clinicStore.setDefault(ClinicSettings.ALGORITHM, d.registrationAlgorithm());
        try {
            put(PreferenceDefaults.clinic());
        } catch (IOException e) {
            readProblem = NLS.bind(Messages.RegistrationPreferencePage_readProblem, ClinicSettings.FILE_NAME,
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            readDetail = NLS.bind(Messages.RegistrationPreferencePage_readDetail, e.getMessage());
            setErrorMessage(readProblem);
        }
        setPreferenceStore(clinicStore);
    }

    private void put(ClinicSettings c) {
        clinicStore.setValue(ClinicSettings.ACTION_MM, c.limits().actionLevelMm());
        clinicStore.setValue(ClinicSettings.ACTION_DEG, c.limits().actionLevelDeg());
        clinicStore.setValue(ClinicSettings.MAX_MM, c.limits().maxTranslationMm());
        clinicStore.setValue(ClinicSettings.MAX_DEG, c.limits().maxRotationDeg());
        clinicStore.setValue(ClinicSettings.SIX_DOF, c.sixDofCouch());
        clinicStore.setValue(ClinicSettings.MATCH, c.defaultMatch().id());
        clinicStore.setValue(ClinicSettings.SOFT_MARGIN, c.softTissueMarginMm());
        clinicStore.setValue(ClinicSettings.ALGORITHM, c.registrationAlgorithm());
        clinicAlgorithm = c.registrationAlgorithm();
        clinicParameters = c.algorithmParameters();
    }

    @Override
    protected void initialize() {
        super.initialize();
        // the record store is this workstation's preference, not the clinic's
        db.setPreferenceStore(IsocenterUiPlugin.get().getPreferenceStore());
        db.load();
        imaging.setPreferenceStore(IsocenterUiPlugin.get().getPreferenceStore());
        imaging.load();
    }

    @Override
    public boolean performOk() {
        if (!super.performOk()) {
            return false;
        }
        try {
            ClinicSettings c = new ClinicSettings(new CorrectionLimits(clinicStore.getDouble(ClinicSettings.ACTION_MM),
                    clinicStore.getDouble(ClinicSettings.ACTION_DEG), clinicStore.getDouble(ClinicSettings.MAX_MM),
                    clinicStore.getDouble(ClinicSettings.MAX_DEG)), clinicStore.getBoolean(ClinicSettings.SIX_DOF),
                    MatchOn.parse(clinicStore.getString(ClinicSettings.MATCH)),
                    clinicStore.getDouble(ClinicSettings.SOFT_MARGIN), clinicStore.getString(ClinicSettings.ALGORITHM),
                    parameterValues());
            c.save(ClinicSettings.defaultFile());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            setErrorMessage(NLS.bind(Messages.RegistrationPreferencePage_notSaved, e.getMessage()));
            org.isocenter.ui.internal.UiErrors.log(getTitle(), NLS.bind(Messages.RegistrationPreferencePage_notSaved, e.getMessage()), e);
            return false;
        }
    }

    @Override
    protected void createFieldEditors() {
        if (readDetail != null) { // the whole message, file path included, where the title line cuts it
            org.eclipse.swt.widgets.Label l = new org.eclipse.swt.widgets.Label(getFieldEditorParent(), SWT.WRAP);
            l.setText(readDetail);
            l.setForeground(getFieldEditorParent().getDisplay().getSystemColor(SWT.COLOR_RED));
            org.eclipse.swt.layout.GridData g = new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
            g.widthHint = 400;
            l.setLayoutData(g);
        }
        actionMm = number(ClinicSettings.ACTION_MM, Messages.RegistrationPreferencePage_actionMm, 0, 50);
        actionDeg = number(ClinicSettings.ACTION_DEG, Messages.RegistrationPreferencePage_actionDeg, 0, 10);
        maxMm = number(ClinicSettings.MAX_MM, Messages.RegistrationPreferencePage_maxMm, 0.1, 100);
        maxDeg = number(ClinicSettings.MAX_DEG, Messages.RegistrationPreferencePage_maxDeg, 0.1, 15);
        addField(new BooleanFieldEditor(ClinicSettings.SIX_DOF,
                Messages.RegistrationPreferencePage_sixDof, getFieldEditorParent()));
        addField(new ComboFieldEditor(ClinicSettings.MATCH, Messages.RegistrationPreferencePage_matchOn, new String[][] {
                { Messages.RegistrationPreferencePage_matchBone, MatchOn.BONE.id() },
                { Messages.RegistrationPreferencePage_matchSoftTissue, MatchOn.SOFT_TISSUE.id() } },
                getFieldEditorParent()));
        number(ClinicSettings.SOFT_MARGIN, Messages.RegistrationPreferencePage_softMargin, 0, 50);
        algorithmEditor = new ComboFieldEditor(ClinicSettings.ALGORITHM, Messages.RegistrationPreferencePage_algorithm,
                algorithms(clinicStore.getString(ClinicSettings.ALGORITHM)), getFieldEditorParent());
        addField(algorithmEditor);
        parametersGroup = new org.eclipse.swt.widgets.Group(getFieldEditorParent(), SWT.NONE);
        parametersGroup.setText(Messages.RegistrationPreferencePage_parameters);
        parametersGroup.setLayout(new org.eclipse.swt.layout.GridLayout(3, false));
        parametersGroup.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        showParameters(clinicStore.getString(ClinicSettings.ALGORITHM));
        db = new StringFieldEditor(PreferenceDefaults.RECORD_DB, Messages.RegistrationPreferencePage_recordStore,
                getFieldEditorParent());
        db.getTextControl(getFieldEditorParent()).setToolTipText(Messages.RegistrationPreferencePage_recordStoreTooltip);
        addField(db);
        java.util.List<String[]> protocols = new java.util.ArrayList<>();
        protocols.add(new String[] { Messages.RegistrationPreferencePage_noImagingProtocol, "" });
        for (ImagingDoseTable.Entry e : imagingTable().entries()) {
            protocols.add(new String[] { NLS.bind(Messages.RegistrationPreferencePage_imagingEntry, new Object[] { e.id(),
                    e.description(), String.format(Locale.ROOT, "%.1f", e.doseMGy()) }), e.id() });
        }
        imaging = new ComboFieldEditor(PreferenceDefaults.IMAGING_PROTOCOL, Messages.RegistrationPreferencePage_imagingProtocol,
                protocols.toArray(String[][]::new), getFieldEditorParent());
        addField(imaging);
    }

    private ComboFieldEditor imaging;
    private ComboFieldEditor algorithmEditor;
    private org.eclipse.swt.widgets.Group parametersGroup;
    /** The parameters of the algorithm chosen now, and their fields. */
    private java.util.List<AlgorithmParameter> shownParameters = java.util.List.of();
    private final java.util.Map<String, org.eclipse.swt.widgets.Text> parameterFields = new java.util.LinkedHashMap<>();
    /** The algorithm and parameter values of the clinic file. */
    private String clinicAlgorithm;
    private java.util.Map<String, Double> clinicParameters = java.util.Map.of();

    /**
     * Shows the parameters the algorithm describes, each with its unit, range and default, filled with the clinic's
     * values when it is the clinic's algorithm (else the defaults).
     */
    private void showParameters(String algorithmId) {
        for (var c : parametersGroup.getChildren()) {
            c.dispose();
        }
        parameterFields.clear();
        shownParameters = IsocenterUiPlugin.service(RegistrationAlgorithms.class).byId(algorithmId)
                .map(RegistrationAlgorithm::parameters).orElse(java.util.List.of());
        if (shownParameters.isEmpty()) {
            org.eclipse.swt.widgets.Label none = new org.eclipse.swt.widgets.Label(parametersGroup, SWT.NONE);
            none.setText(Messages.RegistrationPreferencePage_noParameters);
            none.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        }
        boolean clinics = algorithmId.equals(clinicAlgorithm);
        for (AlgorithmParameter p : shownParameters) {
            new org.eclipse.swt.widgets.Label(parametersGroup, SWT.NONE).setText(p.unit().isEmpty() ? p.label() + ":"
                    : p.label() + " (" + p.unit() + "):");
            org.eclipse.swt.widgets.Text t = new org.eclipse.swt.widgets.Text(parametersGroup, SWT.BORDER);
            Double v = clinics ? clinicParameters.get(p.key()) : null;
            t.setText(p.format(v != null ? v : p.defaultValue()));
            t.setToolTipText(p.description());
            org.eclipse.swt.layout.GridData g = new org.eclipse.swt.layout.GridData(SWT.LEFT, SWT.CENTER, false, false);
            g.widthHint = 80;
            t.setLayoutData(g);
            t.addListener(SWT.Modify, e -> checkState());
            new org.eclipse.swt.widgets.Label(parametersGroup, SWT.NONE).setText(NLS.bind(
                    Messages.RegistrationPreferencePage_parameterRange, p.range(), p.format(p.defaultValue())));
            parameterFields.put(p.key(), t);
        }
        parametersGroup.getParent().layout(true, true);
    }

    /**
     * The values entered that differ from the algorithm's defaults (a default is not pinned in the clinic file).
     *
     * @throws IllegalArgumentException naming the parameter whose field is not a number in its range
     */
    private java.util.Map<String, Double> parameterValues() {
        java.util.Map<String, Double> values = new java.util.TreeMap<>();
        for (AlgorithmParameter p : shownParameters) {
            String text = parameterFields.get(p.key()).getText().trim();
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(NLS.bind(Messages.RegistrationPreferencePage_parameterNotNumber,
                        p.label(), text));
            }
            if (p.check(v) != p.defaultValue()) {
                values.put(p.key(), v);
            }
        }
        return values;
    }

    @Override
    protected void performDefaults() {
        super.performDefaults();
        for (AlgorithmParameter p : shownParameters) {
            parameterFields.get(p.key()).setText(p.format(p.defaultValue()));
        }
    }

    /** Types a value into a parameter's field, as a user does (for tests). */
    public void setParameterText(String key, String text) {
        parameterFields.get(key).setText(text);
    }

    /** The keys of the parameters shown now. */
    public java.util.List<String> shownParameterKeys() {
        return java.util.List.copyOf(parameterFields.keySet());
    }

    /**
     * The registration algorithms installed (label and id, the shipped ones and those plug-ins contribute); the one
     * the clinic file names stays listed, marked, when it is not installed, so that the page never changes it silently.
     */
    static String[][] algorithms(String chosen) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        for (RegistrationAlgorithm a : IsocenterUiPlugin.service(RegistrationAlgorithms.class).available()) {
            out.add(new String[] { a.label() + " (" + a.id() + ")", a.id() });
        }
        if (chosen != null && !chosen.isBlank() && out.stream().noneMatch(a -> a[1].equals(chosen))) {
            out.add(new String[] { NLS.bind(Messages.RegistrationPreferencePage_notInstalled, chosen), chosen });
        }
        return out.toArray(String[][]::new);
    }

    /** The imaging dose table of the Isocenter home, else the built-in one. */
    static ImagingDoseTable imagingTable() {
        try {
            return ImagingDoseTable.forHome(org.isocenter.igrt.RecordStores.home());
        } catch (IOException e) {
            return ImagingDoseTable.BUILT_IN;
        }
    }

    private NumberField number(String key, String label, double min, double max) {
        NumberField f = new NumberField(key, label, min, max);
        addField(f);
        return f;
    }

    /** A field that turns valid clears the message; the limits' contradiction or the unreadable file stay said. */
    @Override
    public void setErrorMessage(String message) {
        super.setErrorMessage(message != null ? message : limitsProblem() != null ? limitsProblem() : readProblem);
    }

    private String limitsProblem() {
        if (actionMm == null || maxDeg == null) {
            return null;
        }
        try {
            new CorrectionLimits(actionMm.value(), actionDeg.value(), maxMm.value(), maxDeg.value());
            return null;
        } catch (NumberFormatException e) {
            return null; // the field says what is wrong with it
        } catch (IllegalArgumentException e) {
            return LIMITS_MESSAGE;
        }
    }

    private static final String LIMITS_MESSAGE = Messages.RegistrationPreferencePage_limits;

    @Override
    protected void checkState() {
        super.checkState();
        if (isValid() && actionMm != null) {
            try {
                new CorrectionLimits(actionMm.value(), actionDeg.value(), maxMm.value(), maxDeg.value());
            } catch (IllegalArgumentException e) {
                setErrorMessage(LIMITS_MESSAGE);
                setValid(false);
            }
        }
        if (isValid()) {
            try {
                parameterValues();
            } catch (IllegalArgumentException e) {
                setErrorMessage(e.getMessage());
                setValid(false);
            }
        }
    }

    @Override
    public void propertyChange(org.eclipse.jface.util.PropertyChangeEvent event) {
        super.propertyChange(event);
        if (event.getSource() == algorithmEditor && event.getProperty().equals(org.eclipse.jface.preference.FieldEditor.VALUE)) {
            showParameters(String.valueOf(event.getNewValue()));
        }
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
            setErrorMessage(NLS.bind(Messages.RegistrationPreferencePage_numberRange, new Object[] {
                    label.replace("&", "").replace(":", ""), min, max }));
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
