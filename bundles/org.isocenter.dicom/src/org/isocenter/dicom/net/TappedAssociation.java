/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.util.LinkedList;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationOutputStream;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import com.pixelmed.network.ReceivedDataHandler;

/**
 * An association that forwards everything to the real (PixelMed-created) association and reports to a
 * {@link Listener} what PixelMed's StorageSOPClassSCU does not expose: when each request/response exchange
 * starts, the DIMSE status (and error comment) of each response, and which call failed with which
 * exception. PixelMed's own response handler still sees every PDU, so its behaviour is unchanged.
 */
final class TappedAssociation extends Association {

    /** Receives the events of the wrapped association; called on the thread that uses the association. */
    interface Listener {
        /** A request is about to be sent (its response handler was installed). */
        void exchangeStarted();

        /** A response command arrived with this Status (0000,0900) and Error Comment (0000,0902) or null. */
        void statusReceived(int status, String errorComment);

        /** A call on the association failed; {@code connectionLevel} when it was a send/receive on the connection. */
        void failed(String operation, Exception e, boolean connectionLevel);
    }

    private final Association real;
    private final Listener listener;

    TappedAssociation(Association real, Listener listener) {
        this.real = real;
        this.listener = listener;
    }

    @Override
    public void setReceivedDataHandler(ReceivedDataHandler h) throws DicomNetworkException {
        listener.exchangeStarted();
        real.setReceivedDataHandler(h == null ? null : new StatusTap(h, listener));
    }

    @Override
    public void send(byte presentationContextID, byte[] command, byte[] data) throws DicomNetworkException {
        try {
            real.send(presentationContextID, command, data);
        } catch (DicomNetworkException | RuntimeException e) {
            listener.failed("send", e, true);
            throw e;
        }
    }

    @Override
    public AssociationOutputStream getAssociationOutputStream(byte presentationContextID) throws DicomNetworkException {
        try {
            return real.getAssociationOutputStream(presentationContextID);
        } catch (DicomNetworkException | RuntimeException e) {
            listener.failed("getAssociationOutputStream", e, true);
            throw e;
        }
    }

    @Override
    public void waitForCommandPDataPDUs() throws DicomNetworkException, AReleaseException {
        try {
            real.waitForCommandPDataPDUs();
        } catch (DicomNetworkException | AReleaseException | RuntimeException e) {
            listener.failed("waitForCommandPDataPDUs", e, true);
            throw e;
        }
    }

    @Override
    public void waitForPDataPDUs(int pduType, boolean command, boolean data, boolean untilHandlerReportsDone)
            throws DicomNetworkException, AReleaseException {
        try {
            real.waitForPDataPDUs(pduType, command, data, untilHandlerReportsDone);
        } catch (DicomNetworkException | AReleaseException | RuntimeException e) {
            listener.failed("waitForPDataPDUs", e, true);
            throw e;
        }
    }

    @Override
    public void waitForOnePDataPDU() throws DicomNetworkException, AReleaseException {
        try {
            real.waitForOnePDataPDU();
        } catch (DicomNetworkException | AReleaseException | RuntimeException e) {
            listener.failed("waitForOnePDataPDU", e, true);
            throw e;
        }
    }

    @Override
    public void waitForDataPDataPDUs() throws DicomNetworkException, AReleaseException {
        try {
            real.waitForDataPDataPDUs();
        } catch (DicomNetworkException | AReleaseException | RuntimeException e) {
            listener.failed("waitForDataPDataPDUs", e, true);
            throw e;
        }
    }

    @Override
    public void waitForPDataPDUsUntilHandlerReportsDone() throws DicomNetworkException, AReleaseException {
        try {
            real.waitForPDataPDUsUntilHandlerReportsDone();
        } catch (DicomNetworkException | AReleaseException | RuntimeException e) {
            listener.failed("waitForPDataPDUsUntilHandlerReportsDone", e, true);
            throw e;
        }
    }

    @Override
    public byte getSuitablePresentationContextID(String abstractSyntaxUID) throws DicomNetworkException {
        try {
            return real.getSuitablePresentationContextID(abstractSyntaxUID);
        } catch (DicomNetworkException | RuntimeException e) {
            listener.failed("getSuitablePresentationContextID", e, false);
            throw e;
        }
    }

    @Override
    public byte getSuitablePresentationContextID(String abstractSyntaxUID, String transferSyntaxUID)
            throws DicomNetworkException {
        try {
            return real.getSuitablePresentationContextID(abstractSyntaxUID, transferSyntaxUID);
        } catch (DicomNetworkException | RuntimeException e) {
            listener.failed("getSuitablePresentationContextID", e, false);
            throw e;
        }
    }

    @Override
    public String getTransferSyntaxForPresentationContextID(byte presentationContextID) throws DicomNetworkException {
        try {
            return real.getTransferSyntaxForPresentationContextID(presentationContextID);
        } catch (DicomNetworkException | RuntimeException e) {
            listener.failed("getTransferSyntaxForPresentationContextID", e, false);
            throw e;
        }
    }

    @Override
    public void release() throws DicomNetworkException {
        real.release();
    }

    @Override
    public void abort() throws DicomNetworkException {
        real.abort();
    }

    @Override
    public int getAssociationNumber() {
        return real.getAssociationNumber();
    }

    @Override
    public String getCalledAETitle() {
        return real.getCalledAETitle();
    }

    @Override
    public String getCallingAETitle() {
        return real.getCallingAETitle();
    }

    @Override
    public String getEndpointDescription() {
        return real.getEndpointDescription();
    }

    @Override
    public String getCallingAEHostName() {
        return real.getCallingAEHostName();
    }

    @Override
    public String getCalledAEHostName() {
        return real.getCalledAEHostName();
    }

    @Override
    public int getCallingAEPort() {
        return real.getCallingAEPort();
    }

    @Override
    public int getCalledAEPort() {
        return real.getCalledAEPort();
    }

    @Override
    public String toString() {
        return real.toString();
    }

    /**
     * Installed on the real association in place of PixelMed's response handler: forwards every PDU to it
     * and, in passing, decodes the response command to report its Status.
     */
    private static final class StatusTap extends CompositeResponseHandler {
        private final ReceivedDataHandler inner;
        private final Listener listener;
        private byte[] command = new byte[0];

        StatusTap(ReceivedDataHandler inner, Listener listener) {
            this.inner = inner;
            this.listener = listener;
        }

        @Override
        public void sendPDataIndication(PDataPDU pdu, Association association)
                throws DicomNetworkException, com.pixelmed.dicom.DicomException, java.io.IOException {
            tapCommand(pdu);
            inner.sendPDataIndication(pdu, association);
        }

        private void tapCommand(PDataPDU pdu) {
            try {
                LinkedList<?> pdvs = pdu.getPDVList();
                if (pdvs == null) {
                    return;
                }
                for (Object o : pdvs) {
                    if (!(o instanceof PresentationDataValue pdv) || !pdv.isCommand()) {
                        continue;
                    }
                    byte[] value = pdv.getValue();
                    if (value != null) {
                        byte[] joined = new byte[command.length + value.length];
                        System.arraycopy(command, 0, joined, 0, command.length);
                        System.arraycopy(value, 0, joined, command.length, value.length);
                        command = joined;
                    }
                    if (pdv.isLastFragment()) {
                        AttributeList list = CompositeResponseHandler.getAttributeListFromCommandOrData(command,
                                TransferSyntax.ImplicitVRLittleEndian);
                        command = new byte[0];
                        int status = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, -1);
                        String comment = Attribute.getSingleStringValueOrNull(list, TagFromName.ErrorComment);
                        if (status >= 0) {
                            listener.statusReceived(status & 0xFFFF, comment == null ? null : comment.strip());
                        }
                    }
                }
            } catch (Exception e) {
                // decoding the status is only for reporting; PixelMed's handler still decides
                command = new byte[0];
            }
        }

        @Override
        protected void evaluateStatusAndSetSuccess(AttributeList list) {
            // not used: the PDUs are forwarded to PixelMed's handler, which evaluates them
        }

        @Override
        public boolean wasSuccessful() {
            return inner instanceof CompositeResponseHandler c ? c.wasSuccessful() : false;
        }

        @Override
        public boolean isDone() {
            return inner.isDone();
        }

        @Override
        public boolean isToBeReleased() {
            return inner.isToBeReleased();
        }

        @Override
        public void setDone(boolean done) {
            inner.setDone(done);
        }

        @Override
        public void setRelease(boolean release) {
            inner.setRelease(release);
        }
    }
}
