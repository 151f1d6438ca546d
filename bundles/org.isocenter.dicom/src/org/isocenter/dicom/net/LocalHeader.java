/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomFileUtilities;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;

/**
 * Reads the identifying part of a DICOM file (File Meta Information and the data set up to SOP Instance
 * UID) and checks that it can be sent with C-STORE as it is.
 */
final class LocalHeader {

    /** The Media Storage Directory SOP Class (DICOMDIR), which is not sent with C-STORE. */
    private static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

    /**
     * What a file holds; {@code problem} is null when it can be sent, otherwise a phrase for the user such
     * as "not a DICOM file" (the caller prefixes the file name). UIDs are null where they could not be read.
     */
    record Info(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String problem) {
        boolean sendable() {
            return problem == null;
        }
    }

    private LocalHeader() {
    }

    static Info forSending(Path path) {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return problem("not on the local file system");
        }
        if (!Files.exists(path)) {
            return problem("file does not exist");
        }
        if (!Files.isRegularFile(path)) {
            return problem("not a regular file");
        }
        if (!Files.isReadable(path)) {
            return problem("file is not readable");
        }
        File file = path.toFile();
        try {
            if (Files.size(path) == 0) {
                return problem("file is empty");
            }
            if (!hasDicmMagic(path) && !DicomFileUtilities.isDicomOrAcrNemaFile(file)) {
                return problem("not a DICOM file");
            }
        } catch (IOException | RuntimeException e) {
            return problem("unreadable: " + Failures.fullText(e));
        }
        AttributeList list = new AttributeList();
        boolean hasMeta;
        String datasetTs;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path));
                DicomInputStream dis = new DicomInputStream(in)) {
            hasMeta = dis.haveMetaHeader();
            list.read(dis, (l, tag, offset) -> tag.getGroup() > 0x0008
                    || (tag.getGroup() == 0x0008 && tag.getElement() > 0x0018));
            datasetTs = dis.getTransferSyntaxToReadDataSet() == null ? null
                    : dis.getTransferSyntaxToReadDataSet().getUID();
        } catch (Exception | StackOverflowError e) {
            return problem("unreadable as DICOM: " + Failures.fullText(e));
        }
        String cuid = value(list, TagFromName.SOPClassUID);
        String iuid = value(list, TagFromName.SOPInstanceUID);
        String metaCuid = value(list, TagFromName.MediaStorageSOPClassUID);
        String metaIuid = value(list, TagFromName.MediaStorageSOPInstanceUID);
        String ts = value(list, TagFromName.TransferSyntaxUID);
        if (ts == null) {
            ts = datasetTs;
        }
        if (iuid == null) {
            return new Info(cuid, metaIuid, ts, "no SOP Instance UID (0008,0018) in the data set");
        }
        if (cuid == null) {
            return new Info(null, iuid, ts, "no SOP Class UID (0008,0016) in the data set");
        }
        if (DICOMDIR_SOP_CLASS.equals(cuid) || DICOMDIR_SOP_CLASS.equals(metaCuid)) {
            return new Info(cuid, iuid, ts, "a DICOMDIR cannot be sent with C-STORE");
        }
        if (hasMeta) {
            if (metaIuid == null) {
                return new Info(cuid, iuid, ts, "File Meta Information lacks Media Storage SOP Instance UID (0002,0003)");
            }
            if (metaCuid == null) {
                return new Info(cuid, iuid, ts, "File Meta Information lacks Media Storage SOP Class UID (0002,0002)");
            }
            if (!metaIuid.equals(iuid)) {
                return new Info(cuid, iuid, ts, "File Meta Media Storage SOP Instance UID " + metaIuid
                        + " differs from the data set's SOP Instance UID " + iuid);
            }
            if (!metaCuid.equals(cuid)) {
                return new Info(cuid, iuid, ts, "File Meta Media Storage SOP Class UID " + metaCuid
                        + " differs from the data set's SOP Class UID " + cuid);
            }
            if (ts == null) {
                return new Info(cuid, iuid, null, "File Meta Information lacks Transfer Syntax UID (0002,0010)");
            }
        }
        return new Info(cuid, iuid, ts, null);
    }

    /** The SOP Class and Instance UID from the File Meta Information of a file PixelMed stored; nulls when unreadable. */
    static String[] storedUids(File file) {
        AttributeList meta = new AttributeList();
        try {
            meta.readOnlyMetaInformationHeader(file);
        } catch (Exception e) {
            return new String[] { null, null };
        }
        return new String[] { value(meta, TagFromName.MediaStorageSOPClassUID),
                value(meta, TagFromName.MediaStorageSOPInstanceUID) };
    }

    private static Info problem(String problem) {
        return new Info(null, null, null, problem);
    }

    private static boolean hasDicmMagic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }

    /** A UID-like value without padding, or null when absent or empty. */
    private static String value(AttributeList list, AttributeTag tag) {
        String v = Attribute.getSingleStringValueOrNull(list, tag);
        if (v == null) {
            return null;
        }
        v = v.replace('\0', ' ').strip();
        return v.isEmpty() ? null : v;
    }
}
