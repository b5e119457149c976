package io.quire.namenode.namespace;

/**
 * The lease of a file open for writing (see {@link InodeFile#getLeaseUser}): kept in the
 * file's {@link InodeFeatures} only while it is open.
 */
record UnderConstruction(String clientName, String clientMachine, String leaseUser) {}
