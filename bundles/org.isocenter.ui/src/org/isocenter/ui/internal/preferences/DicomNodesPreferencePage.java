/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.isocenter.dicom.net.EchoResult;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * Window ▸ Preferences ▸ Isocenter ▸ DICOM Nodes: the address book of DICOM nodes (name, AE title, host, port) the
 * Export wizard offers, with Add, Edit, Remove and Test (a C-ECHO to the selected node; its result is shown in the
 * table's last column and below it).
 */
public final class DicomNodesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private final List<DicomNodes.Entry> nodes = new ArrayList<>();
    private final List<String> echoes = new ArrayList<>();
    private Table table;
    private Text callingAe;
    private Label echoLabel;
    private Button edit, remove, test;

    public DicomNodesPreferencePage() {
        setDescription(Messages.DicomNodesPreferencePage_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(IsocenterUiPlugin.get().getPreferenceStore());
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 180;
        td.widthHint = 520;
        table.setLayoutData(td);
        String[] names = { Messages.DicomNodesPreferencePage_columnName, Messages.DicomNodesPreferencePage_columnAeTitle,
                Messages.DicomNodesPreferencePage_columnHost, Messages.DicomNodesPreferencePage_columnPort,
                Messages.DicomNodesPreferencePage_columnLastTest };
        int[] widths = { 130, 110, 130, 60, 200 };
        for (int i = 0; i < names.length; i++) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(names[i]);
            col.setWidth(widths[i]);
        }
        table.addListener(SWT.Selection, e -> updateButtons());
        table.addListener(SWT.DefaultSelection, e -> editSelected());
        Composite buttons = new Composite(c, SWT.NONE);
        buttons.setLayout(new GridLayout(1, true));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        button(buttons, Messages.DicomNodesPreferencePage_add, this::add);
        edit = button(buttons, Messages.DicomNodesPreferencePage_edit, this::editSelected);
        remove = button(buttons, Messages.DicomNodesPreferencePage_remove, this::removeSelected);
        test = button(buttons, Messages.DicomNodesPreferencePage_test, this::testSelected);
        echoLabel = new Label(c, SWT.WRAP);
        GridData ed = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        ed.widthHint = 520;
        echoLabel.setLayoutData(ed);
        Composite own = new Composite(c, SWT.NONE);
        own.setLayout(new GridLayout(2, false));
        own.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        new Label(own, SWT.NONE).setText(Messages.DicomNodesPreferencePage_callingAe);
        callingAe = new Text(own, SWT.BORDER);
        callingAe.setText(DicomNodes.callingAeTitle());
        callingAe.setLayoutData(new GridData(160, SWT.DEFAULT));
        nodes.addAll(DicomNodes.load());
        nodes.forEach(n -> echoes.add(""));
        fill();
        return c;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void fill() {
        int selected = table.getSelectionIndex();
        table.removeAll();
        for (int i = 0; i < nodes.size(); i++) {
            DicomNodes.Entry n = nodes.get(i);
            new TableItem(table, SWT.NONE).setText(new String[] { n.name(), n.aeTitle(), n.host(), Integer.toString(n.port()),
                    echoes.get(i) });
        }
        if (selected >= 0 && selected < nodes.size()) {
            table.select(selected);
        } else if (!nodes.isEmpty()) {
            table.select(0);
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean one = table.getSelectionIndex() >= 0;
        edit.setEnabled(one);
        remove.setEnabled(one);
        test.setEnabled(one);
    }

    private void add() {
        NodeDialog d = new NodeDialog(getShell(), null);
        if (d.open() == Dialog.OK) {
            addNode(d.entry());
        }
    }

    /** Adds a node (as Add… does) and selects it. */
    public void addNode(DicomNodes.Entry entry) {
        nodes.removeIf(n -> n.name().equals(entry.name()));
        nodes.add(entry);
        echoes.add("");
        while (echoes.size() > nodes.size()) {
            echoes.remove(0);
        }
        fill();
        table.select(nodes.size() - 1);
        updateButtons();
    }

    private void editSelected() {
        int i = table.getSelectionIndex();
        if (i < 0) {
            return;
        }
        NodeDialog d = new NodeDialog(getShell(), nodes.get(i));
        if (d.open() == Dialog.OK) {
            nodes.set(i, d.entry());
            echoes.set(i, "");
            fill();
        }
    }

    private void removeSelected() {
        int i = table.getSelectionIndex();
        if (i >= 0) {
            nodes.remove(i);
            echoes.remove(i);
            fill();
        }
    }

    /** Sends a C-ECHO to the selected node in a job; the result shows in the table and below it. */
    public Job testSelected() {
        int i = table.getSelectionIndex();
        if (i < 0) {
            return null;
        }
        DicomNodes.Entry n = nodes.get(i);
        String calling = callingAe.getText().strip();
        echoLabel.setText(NLS.bind(Messages.DicomNodesPreferencePage_echoRunning, n.label()));
        echoes.set(i, Messages.DicomNodesPreferencePage_testing);
        fill();
        Job job = Job.create(NLS.bind(Messages.DicomNodesPreferencePage_echoJob, n.label()), monitor -> {
            EchoResult r;
            try {
                r = DicomNodes.echo(calling, n.node(), 5000);
            } catch (IllegalArgumentException e) {
                r = new EchoResult(false, 0, e.getMessage());
            }
            EchoResult result = r;
            table.getDisplay().asyncExec(() -> {
                if (table.isDisposed()) {
                    return;
                }
                int k = nodes.indexOf(n);
                if (k >= 0) {
                    echoes.set(k, (result.success() ? NLS.bind(Messages.DicomNodesPreferencePage_echoOk, result.roundTripMs())
                            : Messages.DicomNodesPreferencePage_echoFailed));
                }
                echoLabel.setText(NLS.bind(result.success() ? Messages.DicomNodesPreferencePage_echoSucceeded
                        : Messages.DicomNodesPreferencePage_echoNotSucceeded, result.message()));
                fill();
                echoLabel.getParent().layout(true, true);
            });
        });
        job.setSystem(true);
        job.schedule();
        return job;
    }

    /** The text below the table: the last C-ECHO's result. */
    public String echoText() {
        return echoLabel.getText();
    }

    /** The nodes as edited (not yet stored). */
    public List<DicomNodes.Entry> nodes() {
        return List.copyOf(nodes);
    }

    /** Selects a node by its row. */
    public void select(int row) {
        table.select(row);
        updateButtons();
    }

    @Override
    public boolean performOk() {
        DicomNodes.save(nodes);
        if (!callingAe.getText().isBlank()) {
            getPreferenceStore().setValue(DicomNodes.CALLING_AE, callingAe.getText().strip());
        }
        return true;
    }

    @Override
    protected void performDefaults() {
        nodes.clear();
        echoes.clear();
        fill();
        super.performDefaults();
    }

    /** Add / Edit a node: name, AE title, host and port, checked as typed. */
    static final class NodeDialog extends Dialog {
        private final DicomNodes.Entry initial;
        private Text name, ae, host, port;
        private Label error;
        private DicomNodes.Entry entry;

        NodeDialog(Shell parent, DicomNodes.Entry initial) {
            super(parent);
            this.initial = initial;
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(initial == null ? Messages.DicomNodesPreferencePage_addTitle : Messages.DicomNodesPreferencePage_editTitle);
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            c.setLayout(new GridLayout(2, false));
            name = field(c, Messages.DicomNodesPreferencePage_name, initial == null ? "" : initial.name());
            ae = field(c, Messages.DicomNodesPreferencePage_aeTitle, initial == null ? "" : initial.aeTitle());
            host = field(c, Messages.DicomNodesPreferencePage_host, initial == null ? "" : initial.host());
            port = field(c, Messages.DicomNodesPreferencePage_port, initial == null ? "104" : Integer.toString(initial.port()));
            error = new Label(c, SWT.WRAP);
            error.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            error.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
            return c;
        }

        private Text field(Composite c, String label, String value) {
            new Label(c, SWT.NONE).setText(label);
            Text t = new Text(c, SWT.BORDER);
            t.setText(value);
            t.setLayoutData(new GridData(260, SWT.DEFAULT));
            t.addListener(SWT.Modify, e -> validate());
            return t;
        }

        @Override
        protected Control createButtonBar(Composite parent) {
            Control bar = super.createButtonBar(parent);
            validate();
            return bar;
        }

        private void validate() {
            if (error == null) {
                return;
            }
            String problem = null;
            entry = null;
            try {
                int p;
                try {
                    p = Integer.parseInt(port.getText().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(NLS.bind(Messages.DicomNodesPreferencePage_portNotNumber, port.getText()));
                }
                entry = new DicomNodes.Entry(name.getText(), ae.getText(), host.getText(), p);
            } catch (IllegalArgumentException | NullPointerException e) {
                problem = e.getMessage();
            }
            error.setText(problem == null ? "" : problem);
            Button ok = getButton(IDialogConstants.OK_ID);
            if (ok != null) {
                ok.setEnabled(problem == null);
            }
        }

        DicomNodes.Entry entry() {
            return entry;
        }
    }
}
