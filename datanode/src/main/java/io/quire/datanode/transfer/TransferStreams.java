package io.quire.datanode.transfer;

import io.quire.protocol.net.TimedSocketOutput;
import java.io.DataInputStream;
import java.io.DataOutputStream;

/**
 * The streams of one data-transfer socket (see {@link TransferSockets#streams}).
 *
 * @param in buffered input (small buffer: bulk packet reads bypass it)
 * @param out buffered output for requests, responses and acks, over {@code rawOut}
 * @param rawOut the unbuffered timed output under {@code out}, for whole packet frames in one
 *     write and zero-copy file transfers; only once {@code out} is flushed
 * @param bufferedIn the buffer under {@code in}, which tells how much it holds (a reader that
 *     goes on from the socket's channel takes that first)
 */
record TransferStreams(DataInputStream in, DataOutputStream out, TimedSocketOutput rawOut,
    TransferInput bufferedIn) {}
