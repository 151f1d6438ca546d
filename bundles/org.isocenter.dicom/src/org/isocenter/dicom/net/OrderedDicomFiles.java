/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import com.pixelmed.dicom.SetOfDicomFiles;

/**
 * PixelMed's set of files to send, iterated in the order the files were added (PixelMed's own set is a
 * HashSet, which would send in hash order). StorageSOPClassSCU reports files in iteration order, which
 * lets the caller match each status report to its input position.
 */
final class OrderedDicomFiles extends SetOfDicomFiles {
    private static final long serialVersionUID = 1L;

    private final transient List<SetOfDicomFiles.DicomFile> order = new ArrayList<>();

    /** Adds a file whose UIDs and transfer syntax were already read (PixelMed does not read it again here). */
    void addInOrder(String fileName, String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        order.add(add(fileName, sopClassUid, sopInstanceUid, transferSyntaxUid));
    }

    @Override
    public Iterator<SetOfDicomFiles.DicomFile> iterator() {
        return Collections.unmodifiableList(order).iterator();
    }

    @Override
    public int size() {
        return order.size();
    }

    @Override
    public boolean isEmpty() {
        return order.isEmpty();
    }
}
