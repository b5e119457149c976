/** Socket helpers shared by the client and the DataNode: write timeouts on blocking sockets. */
package io.quire.protocol.net;
