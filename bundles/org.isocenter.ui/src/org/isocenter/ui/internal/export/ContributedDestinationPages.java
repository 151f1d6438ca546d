/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.statushandlers.StatusManager;
import org.isocenter.ui.ExportDestinationPage;
import org.isocenter.ui.IsocenterUi;

/**
 * The destination pages plug-ins declare on {@link ExportDestinationPage#EXTENSION_POINT}, by exporter id. A
 * declaration without an exporter id or class, or a second one for an id, is left out with a warning in the error log.
 */
final class ContributedDestinationPages {

    /** One declaration: the group title and the element that makes a page. */
    record Declared(String exporterId, String label, IConfigurationElement element) {

        /** A new page of this declaration; the reason (to show) when the class cannot be made. */
        ExportDestinationPage create() {
            try {
                return (ExportDestinationPage) element.createExecutableExtension("class");
            } catch (CoreException | ClassCastException e) {
                IStatus s = new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID, NLS.bind(Messages.DestinationPage_pageNotMade,
                        exporterId, element.getContributor().getName()), e);
                StatusManager.getManager().handle(s, StatusManager.LOG);
                throw new IllegalStateException(s.getMessage(), e);
            }
        }
    }

    private ContributedDestinationPages() {
    }

    /** The declarations now in the extension registry, by exporter id. */
    static Map<String, Declared> read() {
        Map<String, Declared> byId = new LinkedHashMap<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry()
                .getConfigurationElementsFor(ExportDestinationPage.EXTENSION_POINT)) {
            String id = e.getAttribute("exporterId");
            String contributor = e.getContributor().getName();
            if (!"destinationPage".equals(e.getName()) || id == null || id.isBlank() || e.getAttribute("class") == null) {
                warn(NLS.bind(Messages.DestinationPage_pageIncomplete, contributor));
            } else if (byId.containsKey(id)) {
                warn(NLS.bind(Messages.DestinationPage_pageTwice, new Object[] { id, contributor,
                        byId.get(id).element().getContributor().getName() }));
            } else {
                String label = e.getAttribute("label");
                byId.put(id, new Declared(id, label == null || label.isBlank() ? id : label, e));
            }
        }
        return byId;
    }

    /** The declaration for this exporter, if a plug-in made one. */
    static Optional<Declared> forExporter(Map<String, Declared> read, String exporterId) {
        return Optional.ofNullable(read.get(exporterId));
    }

    private static void warn(String message) {
        StatusManager.getManager().handle(new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, message), StatusManager.LOG);
    }
}
