/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.isocenter.examples.vendor.ConsoleDrop;
import org.isocenter.export.ExportDestination;
import org.isocenter.ui.ExportDestinationPage;

/**
 * The example exporter's destination page in the export wizard: the console's drop folder and the machine name,
 * remembered in this plug-in's preferences.
 */
public final class ConsoleDropPage implements ExportDestinationPage {

    private static final String ROOT = "consoleDrop.root";
    private static final String MACHINE = "consoleDrop.machine";

    private Text root;
    private Text machine;

    @Override
    public void createControls(Composite parent, Runnable changed) {
        IPreferenceStore prefs = preferences();
        parent.setLayout(new GridLayout(3, false));
        new Label(parent, SWT.NONE).setText(Messages.ConsoleDropPage_root);
        root = new Text(parent, SWT.BORDER);
        GridData r = new GridData(SWT.FILL, SWT.CENTER, true, false);
        r.widthHint = 300;
        root.setLayoutData(r);
        root.setText(prefs.getString(ROOT));
        root.addListener(SWT.Modify, e -> changed.run());
        Button browse = new Button(parent, SWT.PUSH);
        browse.setText(Messages.ConsoleDropPage_browse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(parent.getShell());
            d.setFilterPath(root.getText());
            String chosen = d.open();
            if (chosen != null) {
                root.setText(chosen);
            }
        });
        new Label(parent, SWT.NONE).setText(Messages.ConsoleDropPage_machine);
        machine = new Text(parent, SWT.BORDER);
        machine.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        machine.setText(prefs.getString(MACHINE));
        machine.setToolTipText(Messages.ConsoleDropPage_machineTooltip);
        machine.addListener(SWT.Modify, e -> changed.run());
        new Label(parent, SWT.NONE);
    }

    @Override
    public ExportDestination destination() {
        String text = root.getText().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Messages.ConsoleDropPage_noRoot);
        }
        try {
            return new ConsoleDrop(Path.of(text), machine.getText().trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.ConsoleDropPage_badRoot, text));
        }
    }

    @Override
    public void remember() {
        IPreferenceStore prefs = preferences();
        prefs.setValue(ROOT, root.getText().trim());
        prefs.setValue(MACHINE, machine.getText().trim());
    }

    /** Sets the fields, as typing them does. */
    public void set(String rootFolder, String machineName) {
        root.setText(rootFolder);
        machine.setText(machineName);
    }

    private static IPreferenceStore preferences() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.isocenter.examples.vendor");
    }
}
