package io.quire.datanode.transfer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.apache.hadoop.net.SocketOutputStream;

/**
 * The timed streams of one data-transfer socket (see {@link TransferSockets#streams}).
 *
 * @param in buffered input (small buffer: bulk packet reads bypass it)
 * @param out buffered output for requests, responses and acks
 * @param rawOut the unbuffered output under {@code out}, for whole packet frames in one write
 *     and zero-copy file transfers; only once {@code out} is flushed
 */
record TransferStreams(DataInputStream in, DataOutputStream out, SocketOutputStream rawOut) {}
