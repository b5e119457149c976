package io.quire.client;

import io.quire.protocol.client.ClientProtocol;

/** What an input stream needs: the NameNode, options, client name, path, checksum switch. */
record ReadTarget(ClientProtocol namenode, ClientOptions options, String clientName,
    String path, boolean verifyChecksum) {}
