/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk;

import java.util.ArrayList;
import java.util.List;

import vtk.vtkNativeLibrary;

/**
 * Loads VTK's JNI libraries once (Debian's libvtk9-java; the product and tests put its JNI folder and the
 * JDK's lib folder on {@code java.library.path}). VTK's rendering libraries need the JDK's {@code libjawt},
 * which is loaded first. Rendering also needs an X display (Xvfb in CI): this VTK build has no EGL/OSMesa.
 */
public final class VtkRuntime {

    private static List<String> failures;

    private VtkRuntime() {
    }

    /** Loads the libraries (idempotent); throws with the names of the libraries that failed. */
    public static synchronized void load() {
        if (failures == null) {
            failures = new ArrayList<>();
            try {
                System.loadLibrary("jawt");
            } catch (UnsatisfiedLinkError e) {
                failures.add("jawt (" + e.getMessage() + ")");
            }
            if (!vtkNativeLibrary.LoadAllNativeLibraries()) {
                for (vtkNativeLibrary lib : vtkNativeLibrary.values()) {
                    if (!lib.IsLoaded()) {
                        failures.add(lib.GetLibraryName());
                    }
                }
            }
            vtkNativeLibrary.DisableOutputWindow(null);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("VTK native libraries not loaded (java.library.path="
                    + System.getProperty("java.library.path") + "): " + String.join(", ", failures));
        }
    }
}
