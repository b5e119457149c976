package io.quire.client;

import io.quire.protocol.client.ClientProtocol;

/**
 * What an output stream needs to know about its file and its client: the NameNode, options,
 * client name and host, the file's path, id and block size.
 */
record WriteTarget(ClientProtocol namenode, ClientOptions options, String clientName,
    String clientHost, String path, long fileId, long blockSize) {}
