/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.registration.RegistrationAlgorithm;
import org.isocenter.registration.RegistrationAlgorithms;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The example plug-in's view, placed in the Registration / IGRT perspective by {@code plugin.xml}: it lists the
 * registration algorithms installed (this plug-in's among them) and says on standard error that it opened, so that
 * the install test sees it.
 */
public final class VendorExampleView extends ViewPart {

    private Text text;

    /** How a view consumes a service: a tracker open while the view is. */
    private ServiceTracker<RegistrationAlgorithms, RegistrationAlgorithms> catalogue;

    @Override
    public void createPartControl(Composite parent) {
        catalogue = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(),
                RegistrationAlgorithms.class, null);
        catalogue.open();
        java.util.List<RegistrationAlgorithm> installed = catalogue.getService() == null ? java.util.List.of()
                : catalogue.getService().available();
        parent.setLayout(new FillLayout());
        text = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        StringBuilder s = new StringBuilder(Messages.VendorExampleView_heading);
        for (RegistrationAlgorithm a : installed) {
            s.append("  ").append(a.id()).append(": ").append(a.label()).append('\n');
        }
        text.setText(s.toString());
        System.err.println("[example] Vendor Example view open: " + String.join(", ",
                installed.stream().map(RegistrationAlgorithm::id).toList()));
    }

    @Override
    public void dispose() {
        if (catalogue != null) {
            catalogue.close();
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }
}
