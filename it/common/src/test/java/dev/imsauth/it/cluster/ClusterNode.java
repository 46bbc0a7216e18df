package dev.imsauth.it.cluster;

/** One node of a two-node test cluster, as {@link TwoNodeScenarios} drives it. */
public interface ClusterNode {

    /** {@code http://127.0.0.1:PORT} */
    String origin();

    /** The application's URL for {@code path} (which starts with "/") on this node. */
    String url(String path);

    /** Ends the node at once (SIGKILL), as a crash would: no shutdown, no goodbye to the cluster. */
    void kill();
}
