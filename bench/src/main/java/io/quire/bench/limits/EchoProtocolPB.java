package io.quire.bench.limits;

import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.tools.proto.GetUserMappingsProtocolProtos.GetUserMappingsProtocolService;

/**
 * A trivial protobuf RPC protocol for {@link IpcEchoLimit}: Hadoop's own GetUserMappings
 * service messages (a string in, a list of strings out), served by an implementation that
 * answers with the string it got. Nothing but Hadoop IPC's cost is in a call.
 */
@ProtocolInfo(protocolName = "io.quire.bench.limits.EchoProtocol", protocolVersion = 1)
interface EchoProtocolPB extends GetUserMappingsProtocolService.BlockingInterface {}
