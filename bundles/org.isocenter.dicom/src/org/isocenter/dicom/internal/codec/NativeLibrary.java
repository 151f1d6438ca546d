/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A native codec library (a Debian package's shared object) loaded through JNA on first use, once; when it cannot
 * be loaded, every use is refused with a message naming the transfer syntax family and the Debian package.
 */
final class NativeLibrary<T extends Library> {

    private final String file, what, debianPackage;
    private final Class<T> api;
    private T library;
    private String loadFailure;

    NativeLibrary(String file, Class<T> api, String what, String debianPackage) {
        this.file = file;
        this.api = api;
        this.what = what;
        this.debianPackage = debianPackage;
    }

    /** The loaded library, or a refusal naming the Debian package when it is missing. */
    synchronized T get() throws CodecException {
        if (library == null && loadFailure == null) {
            try {
                library = Native.load(file, api);
            } catch (LinkageError e) {
                loadFailure = e.getMessage();
            }
        }
        if (library == null) {
            throw new CodecException(what + " decoding needs " + file + " (Debian package " + debianPackage
                    + "), which could not be loaded: " + loadFailure);
        }
        return library;
    }

    /** Whether the library can be loaded on this machine. */
    boolean available() {
        try {
            get();
            return true;
        } catch (CodecException e) {
            return false;
        }
    }
}
